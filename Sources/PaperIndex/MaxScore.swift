extension CatalogIndex {
    /// The best `limit` documents for optional `clauses`, best first (ties:
    /// newest first), each matching at least one clause, within `required`
    /// (every document when `nil`) and outside `excluded`.
    ///
    /// Document-at-a-time MaxScore (Turtle & Flood 1995, "Query evaluation:
    /// strategies and optimizations"): clauses are ordered by the most they
    /// can add to a score (their idf × (k1 + 1)); once the top `limit` are
    /// known, the weakest clauses whose bounds together cannot reach the
    /// `limit`-th score become non-essential: a document found only in
    /// their lists cannot enter the answer, so only the essential lists are
    /// walked, and the others are probed (by galloping) for the documents
    /// that may still make it. The answer is the same as scoring every
    /// candidate (``coordinatedScores(_:_:units:)``): coordination only
    /// scales a score down, so the bounds still hold.
    /// - Complexity: O(postings of the essential clauses × log postings of
    ///   the others) at worst; far less when a few rare words decide.
    func topScoring(_ clauses: [ScoringClause], units: Double, limit: Int, within required: DocSet?,
                    excluding excluded: DocSet?) -> [(doc: Int32, score: Double)] {
        guard limit > 0 else { return [] }
        var cursors = clauses.map { ClauseCursor(clause: $0, index: self) }
        let order = cursors.indices.sorted { cursors[$0].bound < cursors[$1].bound }
        // boundBelow[i]: the most the clauses order[0..<i] can add together.
        var boundBelow = [0.0]
        for position in order { boundBelow.append(boundBelow.last! + cursors[position].bound) }
        var best = TopScores(limit: limit)
        var essential = 0  // order[essential...] are walked; order[..<essential] only probed.
        var requiredPosition = 0, excludedPosition = 0
        var clauseScores = Array(repeating: 0.0, count: clauses.count), clauseUnits = clauseScores
        while true {
            var doc = Int32.max
            for position in order[essential...] { doc = min(doc, cursors[position].currentDoc) }
            if doc == Int32.max { break }
            var partial = 0.0
            for position in order[essential...] where cursors[position].currentDoc == doc {
                (clauseScores[position], clauseUnits[position]) = cursors[position].score(of: doc, in: self)
                partial += clauseScores[position]
                cursors[position].next()
            }
            if let required {
                requiredPosition = required.firstPosition(notBelow: doc, from: requiredPosition)
                guard requiredPosition < required.count, required[requiredPosition] == doc else {
                    clauseScores.reset()
                    clauseUnits.reset()
                    continue
                }
            }
            if let excluded {
                excludedPosition = excluded.firstPosition(notBelow: doc, from: excludedPosition)
                if excludedPosition < excluded.count, excluded[excludedPosition] == doc {
                    clauseScores.reset()
                    clauseUnits.reset()
                    continue
                }
            }
            var competitive = true
            for rank in (0..<essential).reversed() {
                if best.isFull, partial + boundBelow[rank + 1] <= best.threshold { competitive = false; break }
                let position = order[rank]
                if cursors[position].advance(to: doc) {
                    (clauseScores[position], clauseUnits[position]) = cursors[position].score(of: doc, in: self)
                    partial += clauseScores[position]
                }
            }
            // The score in clause order, as ``scoreAll(_:_:)`` adds it.
            let score = Self.coordinated(clauseScores.reduce(0, +), holding: clauseUnits.reduce(0, +), of: units)
            clauseScores.reset()
            clauseUnits.reset()
            guard competitive, best.offer(doc, score) else { continue }
            while best.isFull, essential < order.count, boundBelow[essential + 1] <= best.threshold { essential += 1 }
        }
        return best.sorted()
    }
}

/// A clause's walk through its documents, with a posting cursor per term.
private struct ClauseCursor {
    /// A term's postings, walked in step with the clause.
    struct TermCursor {
        var postings: DocSet
        var start: Int
        var position = 0
        var idf: Double
        var units: Double
    }

    let docs: DocSet
    var position = 0
    let fields: [Field]
    var alternatives: [(terms: [TermCursor], weight: Double)]
    /// The most the clause can add to a score.
    let bound: Double

    init(clause: ScoringClause, index: CatalogIndex) {
        docs = clause.docs
        fields = clause.fields
        alternatives = clause.alternatives.map { alternative in
            (zip(alternative.terms, alternative.units).map { term, units in
                let range = index.postingRange(term)
                return TermCursor(postings: DocSet(view: index.postingDocs.column(range)), start: range.lowerBound,
                                  idf: index.idf(of: term), units: units)
            }, alternative.weight)
        }
        bound = alternatives.map { $0.weight * $0.terms.reduce(0) { $0 + $1.idf } * (CatalogIndex.k1 + 1) }.max() ?? 0
    }

    var currentDoc: Int32 { position < docs.count ? docs[position] : Int32.max }

    mutating func next() { position += 1 }

    /// Moves to the first document not below `doc`; whether it is `doc`.
    mutating func advance(to doc: Int32) -> Bool {
        position = docs.firstPosition(notBelow: doc, from: position)
        return position < docs.count && docs[position] == doc
    }

    /// The clause's score for `doc`: its best alternative's weighted BM25F
    /// sum, and the most query words one alternative holds there.
    mutating func score(of doc: Int32, in index: CatalogIndex) -> (score: Double, units: Double) {
        var best = 0.0, held = 0.0
        for slot in alternatives.indices {
            var sum = 0.0, units = 0.0
            for term in alternatives[slot].terms.indices {
                let postings = alternatives[slot].terms[term].postings
                let position = postings.firstPosition(notBelow: doc, from: alternatives[slot].terms[term].position)
                alternatives[slot].terms[term].position = position
                guard position < postings.count, postings[position] == doc else { continue }
                let counts = CatalogIndex.FieldCounts(packed: index.postingCounts[alternatives[slot].terms[term].start + position])
                sum += alternatives[slot].terms[term].idf * index.saturated(counts, doc, fields)
                units += alternatives[slot].terms[term].units
            }
            best = max(best, alternatives[slot].weight * sum)
            held = max(held, units)
        }
        return (best, held)
    }
}

/// The best `limit` (document, score) pairs offered so far: a binary
/// min-heap whose root is the worst kept (lowest score, then the later
/// document, since documents are offered in ascending order and ties go
/// to the newest).
private struct TopScores {
    let limit: Int
    private var heap: [(doc: Int32, score: Double)] = []

    init(limit: Int) {
        self.limit = limit
        heap.reserveCapacity(min(limit, 1 << 16))
    }

    var isFull: Bool { heap.count == limit }
    /// The score a document must beat to enter, once full.
    var threshold: Double { heap[0].score }

    /// Whether `a` ranks below `b`.
    private static func worse(_ a: (doc: Int32, score: Double), _ b: (doc: Int32, score: Double)) -> Bool {
        a.score != b.score ? a.score < b.score : a.doc > b.doc
    }

    /// Keeps `doc` if it ranks among the best; whether it was kept.
    mutating func offer(_ doc: Int32, _ score: Double) -> Bool {
        let entry = (doc: doc, score: score)
        if heap.count < limit {
            heap.append(entry)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(heap[child], heap[parent]) else { break }
                heap.swapAt(parent, child)
                child = parent
            }
            return true
        }
        guard Self.worse(heap[0], entry) else { return false }
        heap[0] = entry
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count, Self.worse(heap[left], heap[worst]) { worst = left }
            if right < heap.count, Self.worse(heap[right], heap[worst]) { worst = right }
            if worst == parent { return true }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }

    /// Best first.
    func sorted() -> [(doc: Int32, score: Double)] { heap.sorted { Self.worse($1, $0) } }
}

private extension [Double] {
    mutating func reset() {
        for index in indices { self[index] = 0 }
    }
}
