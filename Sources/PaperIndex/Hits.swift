import PaperCatalog

/// What a search found, in order: each paper is decoded when its hit is
/// read, so that a search matching a million papers holds their numbers
/// and scores, not the papers, and a command can print them one at a time.
public struct Hits: RandomAccessCollection, Sendable {
    private let index: CatalogIndex
    private let docs: [Int32]
    /// BM25F scores, in the order of `docs`; `nil` when no words were weighed.
    private let scores: [Double]?
    /// The query's terms and how to label them, when each hit says why it
    /// matched (``SearchRequest/explainsMatches``).
    private let labels: [Int32: (label: String, order: Int)]?

    init(index: CatalogIndex, docs: [Int32], scores: [Double]?, labels: [Int32: (label: String, order: Int)]?) {
        self.index = index
        self.docs = docs
        self.scores = scores
        self.labels = labels
    }

    /// The first hit's position: always 0.
    public var startIndex: Int { 0 }
    /// One past the last hit's position: the number of hits.
    public var endIndex: Int { docs.count }

    /// The hit at `position`, its paper decoded now.
    /// - Complexity: O(size of the record), and with matches explained
    ///   O(query terms × log postings + length of the excerpt's field).
    public subscript(position: Int) -> Hit {
        let doc = docs[position]
        var hit = Hit(paper: index.papers[Int(doc)], doc: Int(doc), score: scores?[position])
        if let labels { hit.matches = index.matches(of: doc, hit.paper, labels: labels) }
        return hit
    }

    /// Gives back the memory of the records read so far
    /// (``PaperStore/releasePages()``): for a pass over many hits by position.
    /// - Complexity: O(1) system calls.
    public func releaseRecordMemory() { index.papers.releasePages() }

    /// An iterator over the hits in order that gives back the memory of records read as it goes.
    public func makeIterator() -> Iterator { Iterator(hits: self) }

    /// The hits in order; every ``Iterator/releaseInterval`` hits, the
    /// memory of the records read so far is given back
    /// (``PaperStore/releasePages()``), so that a pass over a million hits
    /// holds a few megabytes of a snapshot rather than all its papers.
    public struct Iterator: IteratorProtocol {
        static let releaseInterval = 1024
        fileprivate let hits: Hits
        private var position = 0

        fileprivate init(hits: Hits) { self.hits = hits }

        /// The next hit, its paper decoded now; `nil` after the last.
        public mutating func next() -> Hit? {
            guard position < hits.endIndex else { return nil }
            if position > 0, position.isMultiple(of: Self.releaseInterval) { hits.releaseRecordMemory() }
            defer { position += 1 }
            return hits[position]
        }
    }
}
