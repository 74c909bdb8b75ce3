#if canImport(Glibc)
import Glibc
#endif

/// Read-only, fixed-size storage for a column of plain values: either a copy
/// of an array the index built, or a region of a memory-mapped snapshot.
/// Either way, reading a column costs nothing until its values are used.
struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
    /// Keeps the memory alive: an ``Allocation`` or a ``MappedFile``.
    private let owner: AnyObject?

    init(_ values: [Element]) {
        self.init(capacity: values.count) { memory in memory.initialize(fromContentsOf: values) }
    }

    /// A column that `fill` writes in place: it gets room for `capacity`
    /// values and returns how many it wrote, from the start.
    init(capacity: Int, fill: (UnsafeMutableBufferPointer<Element>) -> Int) {
        let memory = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(1, capacity))
        let count = fill(UnsafeMutableBufferPointer(rebasing: memory[..<capacity]))
        precondition(count <= capacity, "column filled past its capacity")
        buffer = UnsafeBufferPointer(rebasing: memory[..<count])
        owner = Allocation(memory.baseAddress!)
    }

    /// A view of `count` values at `pointer`, kept alive by `owner`.
    init(pointer: UnsafePointer<Element>, count: Int, owner: AnyObject) {
        buffer = UnsafeBufferPointer(start: pointer, count: count)
        self.owner = owner
    }

    var startIndex: Int { 0 }
    var endIndex: Int { buffer.count }
    /// Checked even in release builds: a damaged snapshot stops the program
    /// instead of reading stray memory.
    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < buffer.count, "column index out of range")
        return buffer[position]
    }

    /// The values in `range` as a column sharing this one's memory: no copy.
    func column(_ range: Range<Int>) -> Column {
        let values = slice(range)
        return Column(pointer: values.baseAddress ?? buffer.baseAddress!, count: values.count, owner: owner!)
    }

    /// The values in `range`, checked like the subscript.
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count, "column range out of bounds")
        return UnsafeBufferPointer(rebasing: buffer[range])
    }
}

/// A column built by appending. Its memory grows with `realloc`, which
/// moves a large block by remapping pages rather than copying it, and
/// ``column()`` hands the values over without a copy: building a column of
/// a billion values never needs room for two.
struct ColumnBuilder<Element: BitwiseCopyable> {
    private let storage = ByteBuffer()

    var count: Int { storage.count / MemoryLayout<Element>.stride }

    mutating func append(_ value: Element) { storage.append(value) }

    /// The values appended so far. - Complexity: O(1).
    func column() -> Column<Element> {
        Column(pointer: storage.base.assumingMemoryBound(to: Element.self), count: count, owner: storage)
    }
}

/// Memory a ``Column`` allocated for itself.
final class Allocation: @unchecked Sendable {
    private let pointer: UnsafeMutableRawPointer
    init<T>(_ pointer: UnsafeMutablePointer<T>) { self.pointer = UnsafeMutableRawPointer(pointer) }
    deinit { pointer.deallocate() }
}

/// A file mapped read-only into memory; unmapped when the last column
/// pointing into it goes.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}

/// Strings stored back to back: `offsets[i]..<offsets[i + 1]` are the UTF-8
/// bytes of string `i`. When built sorted (by bytes), lookups are binary searches.
struct StringTable: Sendable {
    let offsets: Column<Int64>
    let bytes: Column<UInt8>

    /// A table of `strings` in the order given; pass them sorted by bytes
    /// (``Swift/Array/sortedByBytes()``) for ``index(of:)`` to work.
    static func build(_ strings: [String]) -> StringTable {
        var offsets: [Int64] = [0]
        var bytes: [UInt8] = []
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            offsets.append(Int64(bytes.count))
        }
        return StringTable(offsets: Column(offsets), bytes: Column(bytes))
    }

    init(offsets: Column<Int64>, bytes: Column<UInt8>) {
        self.offsets = offsets
        self.bytes = bytes
    }

    var count: Int { Swift.max(0, offsets.count - 1) }

    subscript(position: Int) -> String {
        String(decoding: utf8(position), as: UTF8.self)
    }

    func utf8(_ position: Int) -> UnsafeBufferPointer<UInt8> {
        bytes.slice(Int(offsets[position])..<Int(offsets[position + 1]))
    }

    /// Position of `string` in a table built sorted. - Complexity: O(log *n*).
    func index(of string: String) -> Int? {
        var target = string
        return target.withUTF8 { key in
            let low = lowerBound(key)
            return low < count && compare(utf8(low), key) == 0 ? low : nil
        }
    }

    /// Positions of the strings starting with `prefix` in a table built sorted.
    /// - Complexity: O(log *n* + matches).
    func range(withPrefix prefix: String) -> Range<Int> {
        var target = prefix
        return target.withUTF8 { key in
            let low = lowerBound(key)
            var high = low
            while high < count, utf8(high).starts(with: key) { high += 1 }
            return low..<high
        }
    }

    private func lowerBound(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if compare(utf8(middle), key) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let shared = min(a.count, b.count)
        if shared > 0 {
            let result = memcmp(a.baseAddress!, b.baseAddress!, shared)
            if result != 0 { return Int(result) }
        }
        return a.count - b.count
    }
}

extension Array where Element == String {
    /// Sorted by UTF-8 bytes, the order ``StringTable`` searches in.
    func sortedByBytes() -> [String] {
        sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
