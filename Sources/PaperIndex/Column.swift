#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Read-only, fixed-size storage for a column of plain values: either a copy
/// of an array the index built, or a region of a snapshot (``CheckedFile``).
/// Either way, reading a column costs nothing until its values are used.
///
/// Every access is bounds-checked. In a column of a snapshot, values are
/// checked against the file's checksums as they are first read, and an
/// index or range out of bounds (only damaged or forged data can ask for
/// one) marks the file damaged and reads as zero or empty, so that no file
/// content can stop the program; in a column built in memory it is a bug
/// and stops it.
struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    private let storage: UnsafeBufferPointer<Element>
    /// Keeps the memory alive: an ``Allocation``, a ``ByteBuffer`` or a ``CheckedFile``.
    private let owner: AnyObject?
    /// The snapshot the values come from, if any.
    private let file: CheckedFile?

    init(_ values: [Element]) {
        self.init(capacity: values.count) { memory in memory.initialize(fromContentsOf: values) }
    }

    /// A column that `fill` writes in place: it gets room for `capacity`
    /// values and returns how many it wrote, from the start.
    init(capacity: Int, fill: (UnsafeMutableBufferPointer<Element>) -> Int) {
        let memory = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(1, capacity))
        let count = fill(UnsafeMutableBufferPointer(rebasing: memory[..<capacity]))
        precondition(count <= capacity, "column filled past its capacity")
        storage = UnsafeBufferPointer(rebasing: memory[..<count])
        owner = Allocation(memory.baseAddress!)
        file = nil
    }

    /// A view of `count` values at `pointer` in memory kept alive by `owner`.
    init(pointer: UnsafePointer<Element>, count: Int, owner: AnyObject) {
        storage = UnsafeBufferPointer(start: pointer, count: count)
        self.owner = owner
        file = nil
    }

    /// A view of `count` values at `pointer` inside `file`'s body.
    init(pointer: UnsafePointer<Element>, count: Int, file: CheckedFile) {
        storage = UnsafeBufferPointer(start: pointer, count: count)
        owner = file
        self.file = file
    }

    private init(storage: UnsafeBufferPointer<Element>, owner: AnyObject?, file: CheckedFile?) {
        self.storage = storage
        self.owner = owner
        self.file = file
    }

    var startIndex: Int { 0 }
    var endIndex: Int { storage.count }

    subscript(position: Int) -> Element {
        guard position >= 0, position < storage.count else {
            reportOutOfBounds("column index out of range")
            return Self.zero
        }
        if let file, !file.check(storage.baseAddress! + position, count: MemoryLayout<Element>.stride) { return Self.zero }
        return storage[position]
    }

    /// Lets the system take back the pages of a column mapped from a
    /// snapshot (``CheckedFile/releasePages(of:)``); nothing for a column in memory.
    func releasePages() { releasePages(of: 0..<storage.count) }

    /// Lets the system take back the pages of the values in `range`, in a
    /// column mapped from a file (a snapshot or a ``SpillFile``).
    func releasePages(of range: Range<Int>) {
        let range = range.clamped(to: 0..<storage.count)
        let region = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: storage[range]))
        if let file {
            file.releasePages(of: region)
        } else {
            (owner as? Mapping)?.releasePages(of: region)
        }
    }

    /// All the values, checked: valid while the column is.
    var buffer: UnsafeBufferPointer<Element> { slice(0..<storage.count) }

    /// The values in `range` as a column sharing this one's memory: no copy.
    func column(_ range: Range<Int>) -> Column {
        Column(storage: slice(range), owner: owner, file: file)
    }

    /// The values in `range`, checked like the subscript.
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        guard range.lowerBound >= 0, range.upperBound <= storage.count else {
            reportOutOfBounds("column range out of bounds")
            return UnsafeBufferPointer(rebasing: storage[0..<0])
        }
        let values = UnsafeBufferPointer(rebasing: storage[range])
        if let file, let start = values.baseAddress, !file.check(start, count: values.count * MemoryLayout<Element>.stride) {
            return UnsafeBufferPointer(rebasing: storage[0..<0])
        }
        return values
    }

    /// `self[position]..<self[position + 1]` of a column of offsets into a
    /// column of `count` values, empty (and the file marked damaged) when
    /// they are out of order or past its end: a forged offset must not
    /// make a caller loop over billions of positions.
    func span(at position: Int, within count: Int) -> Range<Int> where Element == Int64 {
        let start = self[position]
        let end = self[position + 1]
        guard start >= 0, start <= end, end <= count else {
            reportOutOfBounds("offsets out of order or out of range")
            return 0..<0
        }
        return Int(start)..<Int(end)
    }

    /// Reports values that cannot be right: in a snapshot, damage to
    /// recover from; in memory, a bug that stops the program.
    func reportOutOfBounds(_ message: StaticString) {
        guard let file else { preconditionFailure("\(message)") }
        file.markDamaged()
    }

    /// The snapshot the column reads, to report damage found in its values.
    var checkedFile: CheckedFile? { file }

    private static var zero: Element {
        withUnsafeTemporaryAllocation(byteCount: MemoryLayout<Element>.size, alignment: MemoryLayout<Element>.alignment) { raw in
            raw.initializeMemory(as: UInt8.self, repeating: 0)
            return raw.load(as: Element.self)
        }
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

    /// The values appended so far.
    /// - Complexity: O(1).
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
        bytes.slice(offsets.span(at: position, within: bytes.count))
    }

    /// Position of `string` in a table built sorted.
    /// - Complexity: O(log *n*).
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
        var low = 0
        var high = count
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
