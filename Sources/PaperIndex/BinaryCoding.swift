import PaperCatalog

/// Appends values to a byte buffer in a fixed little-endian layout.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }
    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func write(_ value: Double) { write(value.bitPattern) }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: String) {
        write(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    /// A column's raw values, 8-byte aligned so it can be mapped in place.
    mutating func write<T: BitwiseCopyable>(_ column: Column<T>) {
        write(column.count)
        while bytes.count % 8 != 0 { bytes.append(0) }
        bytes.append(contentsOf: UnsafeRawBufferPointer(column.buffer))
    }

    mutating func write(_ table: StringTable) {
        write(table.offsets)
        write(table.bytes)
    }
}

/// Reads what ``BinaryWriter`` wrote, from memory kept alive by `owner`;
/// columns are views into that memory, not copies. Any inconsistency
/// throws, so a damaged file is rejected rather than trusted.
struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: UnsafeRawBufferPointer
    /// Keeps `bytes` alive for the columns read; `nil` reads no columns.
    private let owner: AnyObject?
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer, owner: AnyObject? = nil) {
        self.bytes = bytes
        self.owner = owner
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readUInt64() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Malformed() }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func readInt() throws -> Int { Int(Int64(bitPattern: try readUInt64())) }
    mutating func readDouble() throws -> Double { Double(bitPattern: try readUInt64()) }

    mutating func readBool() throws -> Bool {
        guard offset < bytes.count else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset] != 0
    }

    mutating func readCount(elementSize: Int = 1) throws -> Int {
        let count = try readInt()
        guard count >= 0, count <= (bytes.count - offset) / max(1, elementSize) else { throw Malformed() }
        return count
    }

    mutating func readString() throws -> String {
        let count = try readCount()
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    }

    mutating func readOptionalString() throws -> String? { try readBool() ? try readString() : nil }
    mutating func readOptionalInt() throws -> Int? { try readBool() ? try readInt() : nil }

    /// Moves past a string without decoding it.
    mutating func skipString() throws {
        offset += try readCount()
    }

    mutating func skipStrings() throws {
        for _ in 0..<(try readCount(elementSize: 8)) { try skipString() }
    }

    mutating func readStrings() throws -> [String] {
        let count = try readCount(elementSize: 8)
        return try (0..<count).map { _ in try readString() }
    }

    mutating func readColumn<T: BitwiseCopyable>(_: T.Type = T.self) throws -> Column<T> {
        guard let owner else { throw Malformed() }
        let count = try readInt()
        while offset % 8 != 0 { offset += 1 }
        let size = MemoryLayout<T>.stride
        guard count >= 0, count <= (bytes.count - offset) / size,
              Int(bitPattern: bytes.baseAddress! + offset) % MemoryLayout<T>.alignment == 0
        else { throw Malformed() }
        let pointer = (bytes.baseAddress! + offset).assumingMemoryBound(to: T.self)
        offset += count * size
        return Column(pointer: pointer, count: count, owner: owner)
    }

    mutating func readStringTable() throws -> StringTable {
        let offsets: Column<Int64> = try readColumn()
        let bytes: Column<UInt8> = try readColumn()
        guard offsets.first == 0, offsets.last.map({ Int($0) == bytes.count }) ?? false else { throw Malformed() }
        return StringTable(offsets: offsets, bytes: bytes)
    }
}
