/// A set of document numbers kept as a sorted array: compact, and cheap to
/// intersect, unite and subtract by merging.
public struct DocSet: Equatable, Sendable, Sequence {
    public private(set) var docs: [Int32]

    /// - Precondition: `sortedDocs` is strictly increasing.
    public init(sorted sortedDocs: [Int32]) { docs = sortedDocs }

    public init(unsorted: some Sequence<Int32>) { docs = Array(Set(unsorted)).sorted() }

    /// Every document `0..<count`.
    public static func all(_ count: Int) -> DocSet { DocSet(sorted: (0..<Int32(count)).map { $0 }) }

    public var count: Int { docs.count }
    public var isEmpty: Bool { docs.isEmpty }
    public func makeIterator() -> IndexingIterator<[Int32]> { docs.makeIterator() }

    /// - Complexity: O(*n* + *m*), or O(*n* log *m*) when one side is much smaller.
    public func intersection(_ other: DocSet) -> DocSet {
        let (small, large) = count <= other.count ? (docs, other.docs) : (other.docs, docs)
        if small.count * 16 < large.count {
            return DocSet(sorted: small.filter { large.binarySearch($0) })
        }
        var result: [Int32] = []
        result.reserveCapacity(small.count)
        var i = 0, j = 0
        while i < small.count, j < large.count {
            if small[i] == large[j] { result.append(small[i]); i += 1; j += 1 }
            else if small[i] < large[j] { i += 1 }
            else { j += 1 }
        }
        return DocSet(sorted: result)
    }

    /// - Complexity: O(*n* + *m*).
    public func union(_ other: DocSet) -> DocSet {
        var result: [Int32] = []
        result.reserveCapacity(count + other.count)
        var i = 0, j = 0
        while i < docs.count || j < other.docs.count {
            if j == other.docs.count || (i < docs.count && docs[i] < other.docs[j]) { result.append(docs[i]); i += 1 }
            else if i == docs.count || other.docs[j] < docs[i] { result.append(other.docs[j]); j += 1 }
            else { result.append(docs[i]); i += 1; j += 1 }
        }
        return DocSet(sorted: result)
    }

    /// - Complexity: O(*n* + *m*).
    public func subtracting(_ other: DocSet) -> DocSet {
        var result: [Int32] = []
        var j = 0
        for doc in docs {
            while j < other.docs.count, other.docs[j] < doc { j += 1 }
            if j == other.docs.count || other.docs[j] != doc { result.append(doc) }
        }
        return DocSet(sorted: result)
    }
}

extension Array where Element == Int32 {
    /// Whether the sorted array holds `value`. - Complexity: O(log *n*).
    func binarySearch(_ value: Int32) -> Bool {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low] == value
    }
}
