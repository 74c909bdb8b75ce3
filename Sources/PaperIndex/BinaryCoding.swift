import PaperCatalog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends values in a fixed little-endian layout, either to memory (a
/// ``column()`` of the bytes at the end), to a temporary file mapped as that
/// column at the end, or straight to a file descriptor, so that saving an
/// index never holds a second copy of it.
struct BinaryWriter {
    private var buffer = ByteBuffer()
    /// Where the bytes go when they are not kept in memory.
    private let descriptor: Int32?
    /// Where the bytes go, a chunk at a time, when they are kept for a
    /// ``column()`` but not in memory.
    private var spill: SpillFile?
    /// Bytes written so far.
    private(set) var offset = 0
    /// Why writing to the file failed, if it did.
    private(set) var failure: String?
    /// Bytes a writer to a file gathers before sending them.
    private static let fileChunk = 1 << 20

    /// A writer that keeps the bytes in memory.
    init() { descriptor = nil }

    /// A writer to an open file; call ``flush()`` at the end.
    init(descriptor: Int32) { self.descriptor = descriptor }

    /// A writer that keeps the bytes in an unnamed temporary file in
    /// `folder` (``SpillFile``) and maps it as its ``column()``. Should the
    /// file not be made, or the disk fill up, the bytes move to memory:
    /// nothing is lost, only memory is used.
    init(spillingIn folder: String) { self.init(spillingTo: SpillFile(in: folder)) }

    /// A writer that keeps the bytes in `file`, or in memory without one.
    init(spillingTo file: SpillFile?) {
        descriptor = nil
        spill = file
    }

    /// An integer in as few bytes as it needs: zigzag (small negatives stay
    /// small), then seven bits a byte, low first, the high bit marking more
    /// to come (LEB128). Counts, lengths and dates take one to four bytes.
    mutating func write(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while rest >= 0x80 {
            write(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        write(UInt8(rest))
    }
    mutating func write(_ value: Bool) { write(value ? 1 as UInt8 : 0) }
    mutating func write(_ value: Double) { write(value.bitPattern) }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { append($0) }
    }

    private mutating func write(_ value: UInt8) {
        withUnsafeBytes(of: value) { append($0) }
    }

    mutating func write(_ value: String) {
        write(value.utf8.count)
        var value = value
        value.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    /// Bytes as they are, with no length.
    mutating func write(bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    /// A column's raw values, 8-byte aligned so it can be mapped in place.
    /// A column mapped from a file is copied a slice at a time, each slice's
    /// pages let go once copied, so that it is never all in memory.
    mutating func write<T: BitwiseCopyable>(_ column: Column<T>) {
        write(column.count)
        while offset % 8 != 0 { write(0 as UInt8) }
        let slice = Swift.max(1, Self.fileChunk * 16 / MemoryLayout<T>.stride)
        for start in stride(from: 0, to: column.count, by: slice) {
            let range = start..<Swift.min(column.count, start + slice)
            append(UnsafeRawBufferPointer(column.slice(range)))
            column.releasePages(of: range)
        }
    }

    mutating func write(_ table: StringTable) {
        write(table.offsets)
        write(table.bytes)
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        offset += bytes.count
        guard let descriptor else {
            buffer.append(bytes)
            if spill != nil, buffer.count >= Self.fileChunk { spillBuffer() }
            return
        }
        if buffer.count + bytes.count > Self.fileChunk {
            flush()
            if bytes.count > Self.fileChunk { return send(bytes, to: descriptor) }
        }
        buffer.append(bytes)
    }

    /// Sends what is buffered to the file.
    mutating func flush() {
        guard let descriptor else { return }
        send(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count), to: descriptor)
        buffer.removeAll()
    }

    /// Writes every byte: one `write` call moves at most about 2 GiB on Linux.
    private mutating func send(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
        guard failure == nil else { return }
        let error = SystemCalls.writeAll(descriptor, bytes)
        if error != 0 { failure = String(cString: strerror(error)) }
    }

    /// Moves the buffered bytes to the spill file, or, if it cannot take
    /// them, everything to memory from then on.
    private mutating func spillBuffer() {
        guard let file = spill else { return }
        if file.write(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count)) {
            buffer.removeAll()
        } else {
            returnToMemory()
        }
    }

    /// Everything written so far back in memory (the spill file's bytes,
    /// then those buffered), and memory from then on.
    private mutating func returnToMemory() {
        guard let file = spill else { return }
        let recovered = ByteBuffer()
        // A file of our own, open and just written, that cannot be read is a failing disk.
        guard file.read({ recovered.append($0) }) else { fatalError("cannot read back the temporary file of index records") }
        recovered.append(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count))
        buffer = recovered
        spill = nil
    }

    /// The bytes written, of a writer to memory (a view, not a copy) or a
    /// spilling one (the file, mapped; in memory if nothing was written or
    /// the file cannot be mapped).
    mutating func column() -> Column<UInt8> {
        spillBuffer()
        if let file = spill, file.size > 0, let mapping = file.map() {
            return Column(pointer: mapping.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: file.size, owner: mapping)
        }
        returnToMemory()
        return Column(pointer: buffer.base.assumingMemoryBound(to: UInt8.self), count: buffer.count, owner: buffer)
    }
}

/// Growable bytes from `malloc`: `realloc` grows a large buffer by
/// remapping pages rather than copying, so building a large column never
/// needs twice its size.
final class ByteBuffer: @unchecked Sendable {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var count = 0
    private var capacity = 4096

    init() { base = malloc(capacity)! }

    deinit { free(base) }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }

    /// Appends one value's bytes.
    @inline(__always)
    func append<Value: BitwiseCopyable>(_ value: Value) {
        reserve(MemoryLayout<Value>.stride)
        base.storeBytes(of: value, toByteOffset: count, as: Value.self)
        count += MemoryLayout<Value>.stride
    }

    @inline(__always)
    private func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        capacity = max(count + more, capacity * 2)
        guard let grown = realloc(base, capacity) else { fatalError("out of memory growing a buffer to \(capacity) bytes") }
        base = grown
    }

    func removeAll() { count = 0 }
}

/// Reads what ``BinaryWriter`` wrote: a record in memory, or a snapshot
/// (``CheckedFile``), whose bytes are checked as they are read and whose
/// columns are views into it, not copies. Any inconsistency throws, so a
/// damaged file is rejected rather than trusted.
struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: UnsafeRawBufferPointer
    /// The snapshot read, if any: the only source of columns.
    private let file: CheckedFile?
    private(set) var offset = 0

    /// Reads `bytes`, valid while the reader is used; no columns.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        file = nil
    }

    /// Reads the body of `file`.
    init(_ file: CheckedFile) {
        bytes = file.body
        self.file = file
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// Makes sure the next `count` bytes exist and are intact.
    private func available(_ count: Int) throws(Malformed) {
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        if let file, count > 0, !file.check(bytes.baseAddress! + offset, count: count) { throw Malformed() }
    }

    mutating func readUInt64() throws -> UInt64 {
        try available(8)
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Reads an integer as `BinaryWriter` writes one (LEB128, zigzag).
    mutating func readInt() throws -> Int {
        var value: UInt64 = 0
        for shift in stride(from: 0 as UInt64, to: 64, by: 7) {
            try available(1)
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)) }
        }
        throw Malformed()
    }
    mutating func readDouble() throws -> Double { Double(bitPattern: try readUInt64()) }

    mutating func readBool() throws -> Bool {
        try available(1)
        defer { offset += 1 }
        return bytes[offset] != 0
    }

    /// A count of items of at least one byte each, so at most the bytes left.
    mutating func readCount() throws -> Int {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        return count
    }

    mutating func readString() throws -> String {
        let count = try readCount()
        try available(count)
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    }

    mutating func readOptionalString() throws -> String? { try readBool() ? try readString() : nil }
    mutating func readOptionalInt() throws -> Int? { try readBool() ? try readInt() : nil }

    /// Moves past a string without decoding it.
    mutating func skipString() throws {
        offset += try readCount()
    }

    mutating func readStrings() throws -> [String] {
        let count = try readCount()
        return try (0..<count).map { _ in try readString() }
    }

    /// A column's values, unchecked until used (``Column``).
    mutating func readColumn<T: BitwiseCopyable>(_: T.Type = T.self) throws -> Column<T> {
        guard let file else { throw Malformed() }
        let count = try readInt()
        while offset % 8 != 0 { offset += 1 }
        let size = MemoryLayout<T>.stride
        guard count >= 0, offset <= bytes.count, count <= (bytes.count - offset) / size,
            Int(bitPattern: bytes.baseAddress! + offset) % MemoryLayout<T>.alignment == 0
        else { throw Malformed() }
        let pointer = (bytes.baseAddress! + offset).assumingMemoryBound(to: T.self)
        offset += count * size
        return Column(pointer: pointer, count: count, file: file)
    }

    mutating func readStringTable() throws -> StringTable {
        let offsets: Column<Int64> = try readColumn()
        let bytes: Column<UInt8> = try readColumn()
        guard offsets.first == 0, offsets.last.map({ Int($0) == bytes.count }) ?? false else { throw Malformed() }
        return StringTable(offsets: offsets, bytes: bytes)
    }
}
