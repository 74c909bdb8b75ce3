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

    mutating func write(_ values: [Int32]) {
        write(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }
}

/// Reads what ``BinaryWriter`` wrote; any inconsistency throws, so a damaged
/// file is rejected rather than trusted.
struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readUInt64() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Malformed() }
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[offset..<(offset + 8)]) }
        offset += 8
        return UInt64(littleEndian: value)
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
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    mutating func readOptionalString() throws -> String? { try readBool() ? try readString() : nil }
    mutating func readOptionalInt() throws -> Int? { try readBool() ? try readInt() : nil }

    mutating func readInt32s() throws -> [Int32] {
        let count = try readCount(elementSize: 4)
        let values = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count * 4)]))
            }
            initialized = count
        }
        offset += count * 4
        #if _endian(big)
        return values.map { Int32(littleEndian: $0) }
        #else
        return values
        #endif
    }

    mutating func readStrings() throws -> [String] {
        let count = try readCount(elementSize: 8)
        return try (0..<count).map { _ in try readString() }
    }
}
