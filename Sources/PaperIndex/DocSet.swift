/// A set of document numbers, ascending. A posting list or an exact value's
/// documents is a view into the index's memory, not a copy, so a filter that
/// matches a quarter of the catalog costs nothing until it is combined.
///
/// Immutable memory that the set keeps alive: safe to share between threads.
package struct DocSet: RandomAccessCollection, Equatable, @unchecked Sendable {
    /// Keeps ``buffer`` alive.
    private let column: Column<Int32>
    /// The documents in memory, checked once (``Column/buffer``), valid
    /// while the set is.
    let buffer: UnsafeBufferPointer<Int32>

    /// - Precondition: `sortedDocs` is strictly increasing.
    package init(sorted sortedDocs: [Int32]) { self.init(view: Column(sortedDocs)) }

    /// A view of index memory.
    /// - Precondition: `view` is strictly increasing.
    init(view: Column<Int32>) {
        column = view
        buffer = view.buffer
    }

    /// Every document `0..<count`.
    package static func all(_ count: Int) -> DocSet { DocSet(sorted: Array(0..<Int32(count))) }

    package var startIndex: Int { 0 }
    package var endIndex: Int { buffer.count }
    package subscript(position: Int) -> Int32 { buffer[position] }

    package static func == (lhs: DocSet, rhs: DocSet) -> Bool { lhs.elementsEqual(rhs) }

    /// Whether the set holds `doc`.
    /// - Complexity: O(log *n*).
    package func contains(_ doc: Int32) -> Bool {
        let position = firstPosition(notBelow: doc, from: 0)
        return position < count && buffer[position] == doc
    }

    /// The first position at or after `start` whose document is not below
    /// `doc`, found by galloping: cheap when the answer is near `start`,
    /// which is how a cursor walking in step with another set moves.
    /// - Complexity: O(log distance).
    func firstPosition(notBelow doc: Int32, from start: Int) -> Int {
        Self.firstPosition(in: buffer, notBelow: doc, from: start)
    }

    /// ``firstPosition(notBelow:from:)`` in ascending documents in memory.
    @inline(__always)
    static func firstPosition(in docs: UnsafeBufferPointer<Int32>, notBelow doc: Int32, from start: Int) -> Int {
        guard start < docs.count, docs[start] < doc else { return start }
        var low = start
        var step = 1
        while low + step < docs.count, docs[low + step] < doc {
            low += step
            step *= 2
        }
        // docs[low] < doc <= docs[low + step] (or the end).
        var high = Swift.min(low + step, docs.count)
        low += 1
        while low < high {
            let middle = (low + high) / 2
            if docs[middle] < doc { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Calls `body` with each position of `sorted` (ascending) whose document
    /// is in the set, and the document's position in the set.
    /// - Complexity: O(*n* + *m*), or O(*n* log *m*) when `sorted` is much smaller.
    func forEachMember(of sorted: [Int32], _ body: (_ position: Int, _ positionHere: Int) -> Void) {
        var here = 0
        for (position, doc) in sorted.enumerated() {
            here = firstPosition(notBelow: doc, from: here)
            if here == count { return }
            if buffer[here] == doc { body(position, here) }
        }
    }

    /// - Complexity: O(*n* + *m*), or O(*n* log *m*) when one side is much smaller.
    package func intersection(_ other: DocSet) -> DocSet {
        let (small, large) = count <= other.count ? (self, other) : (other, self)
        return DocSet(
            view: Column(capacity: small.count) { result in
                var found = 0
                var position = 0
                for doc in small.buffer {
                    position = large.firstPosition(notBelow: doc, from: position)
                    if position == large.count { break }
                    if large.buffer[position] == doc {
                        result[found] = doc
                        found += 1
                    }
                }
                return found
            })
    }

    /// - Complexity: O(*n* + *m*).
    package func union(_ other: DocSet) -> DocSet {
        if other.isEmpty { return self }
        if isEmpty { return other }
        let a = buffer
        let b = other.buffer
        return DocSet(
            view: Column(capacity: a.count + b.count) { result in
                var i = 0
                var j = 0
                var found = 0
                while i < a.count || j < b.count {
                    if j == b.count || (i < a.count && a[i] < b[j]) {
                        result[found] = a[i]
                        i += 1
                    } else if i == a.count || b[j] < a[i] {
                        result[found] = b[j]
                        j += 1
                    } else {
                        result[found] = a[i]
                        i += 1
                        j += 1
                    }
                    found += 1
                }
                return found
            })
    }

    /// The union of many sets, merged in pairs.
    /// - Complexity: O(total size × log number of sets).
    static func union(_ sets: [DocSet]) -> DocSet {
        var level = sets.filter { !$0.isEmpty }
        guard !level.isEmpty else { return DocSet(sorted: []) }
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: 2).map { $0 + 1 < level.count ? level[$0].union(level[$0 + 1]) : level[$0] }
        }
        return level[0]
    }

    /// - Complexity: O(*n* + *m*).
    package func subtracting(_ other: DocSet) -> DocSet {
        var position = 0
        return keeping { doc in
            position = other.firstPosition(notBelow: doc, from: position)
            return position == other.count || other.buffer[position] != doc
        }
    }

    /// The documents `include` keeps, asked in ascending order.
    /// - Complexity: O(*n*).
    func keeping(_ include: (Int32) -> Bool) -> DocSet {
        DocSet(
            view: Column(capacity: count) { result in
                var found = 0
                for doc in buffer where include(doc) {
                    result[found] = doc
                    found += 1
                }
                return found
            })
    }
}
