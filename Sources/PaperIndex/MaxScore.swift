import PaperCatalog

extension CatalogIndex {
    /// The best `limit` documents for optional `clauses`, best first (ties:
    /// newest first), each matching at least one clause, within `required`
    /// (every document when `nil`) and outside `excluded`.
    ///
    /// Document-at-a-time MaxScore (Turtle & Flood 1995, "Query evaluation:
    /// strategies and optimizations"): clauses are ordered by the most they
    /// can add to a score (``termBounds``); once the top `limit` are known,
    /// the weakest clauses whose bounds together, coordinated for the query
    /// words they stand for, cannot reach the `limit`-th score become
    /// non-essential: a document found only in
    /// their lists cannot enter the answer, so only the essential lists are
    /// walked, and the others are probed (by galloping) for the documents
    /// that may still make it. Within a walked list, a document whose block
    /// of postings (``blockBounds``), or, for a clause of several terms, the
    /// terms it holds, cannot reach the `limit`-th score is passed over
    /// unscored, and, when it is the only list walked, its whole block. The answer is the same as scoring every
    /// candidate (``coordinatedScores(_:_:units:)``): coordination only
    /// scales a score down, so the bounds still hold.
    ///
    /// When the clauses hold many postings, the documents are split into
    /// one contiguous range per core, each range's best `limit` found on
    /// its own, and the lists merged: the best of the union is the best of
    /// the bests, in the same order, so the answer does not depend on the
    /// split.
    /// - Complexity: O(postings of the essential clauses × log postings of
    ///   the others) at worst; far less when a few rare words decide.
    /// - Parameter parts: how many ranges of documents to rank apart; by
    ///   default one per core when the clauses hold
    ///   ``postingsPerScoringPart`` postings or more, else one.
    func topScoring(
        _ clauses: [ScoringClause], units: Double, limit: Int, within required: DocSet?,
        excluding excluded: DocSet?, parts: Int? = nil
    ) -> [(doc: Int32, score: Double)] {
        guard limit > 0 else { return [] }
        let postings = clauses.reduce(0) { $0 + $1.docs.count }
        let parts = parts ?? (postings < Self.postingsPerScoringPart ? 1 : Parallel.cores)
        guard parts > 1, count > 1 else {
            return topScoring(clauses, units: units, limit: limit, within: required, excluding: excluded, docs: 0..<Int32(count))
        }
        let step = (count + parts - 1) / parts
        nonisolated(unsafe) let (clauses, required, excluded) = (clauses, required, excluded)
        let bests = Parallel.map(parts, chunk: 1) { part in
            let docs = Int32(min(count, part * step))..<Int32(min(count, (part + 1) * step))
            return self.topScoring(clauses, units: units, limit: limit, within: required, excluding: excluded, docs: docs)
        }
        return Array(bests.joined().sorted { TopScores.worse($1, $0) }.prefix(limit))
    }

    /// Below this many postings, a query is scored on one core: starting
    /// another costs more than it saves.
    static let postingsPerScoringPart = 200_000

    /// ``topScoring(_:units:limit:within:excluding:parts:)`` over the documents `docs` only.
    private func topScoring(
        _ clauses: [ScoringClause], units: Double, limit: Int, within required: DocSet?,
        excluding excluded: DocSet?, docs: Range<Int32>
    ) -> [(doc: Int32, score: Double)] {
        let walk = ClauseWalk(clauses, index: self, docs: docs)
        let order = walk.clauses.indices.sorted { walk.clauses[$0].bound < walk.clauses[$1].bound }
        // boundBelow[i], unitsBelow[i]: the most the clauses order[0..<i] can
        // add together, and the query words they stand for; reach[i]: the
        // best (coordinated) score of a document found only in those clauses.
        var boundBelow = [0.0]
        var unitsBelow = [0.0]
        for position in order {
            boundBelow.append(boundBelow.last! + walk.clauses[position].bound)
            unitsBelow.append(unitsBelow.last! + walk.clauses[position].units)
        }
        let reach = zip(boundBelow, unitsBelow).map { Self.coordinated($0, holding: $1, of: units) }
        var best = TopScores(limit: limit)
        var essential = 0  // order[essential...] are walked; order[..<essential] only probed.
        var requiredPosition = 0
        var excludedPosition = 0
        let clauseScores = UnsafeMutableBufferPointer<Double>.allocate(capacity: clauses.count)
        let clauseUnits = UnsafeMutableBufferPointer<Double>.allocate(capacity: clauses.count)
        clauseScores.initialize(repeating: 0)
        clauseUnits.initialize(repeating: 0)
        defer {
            clauseScores.deallocate()
            clauseUnits.deallocate()
        }
        while true {
            var doc = Int32.max
            for position in order[essential...] { doc = min(doc, walk.clauses[position].currentDoc) }
            if doc == Int32.max { break }
            // The most this document, and the rest of its block in the postings, can score.
            if best.isFull {
                var possible = boundBelow[essential]
                var possibleUnits = unitsBelow[essential]
                for position in order[essential...] where walk.clauses[position].currentDoc == doc {
                    let (bound, units) = walk.bound(position, at: doc)
                    possible += bound
                    possibleUnits += units
                }
                if Self.coordinated(possible, holding: possibleUnits, of: units) <= best.threshold {
                    if essential == order.count - 1 {
                        walk.skipBlock(order[essential])
                    } else {
                        for position in order[essential...] where walk.clauses[position].currentDoc == doc { walk.clauses[position].position += 1 }
                    }
                    continue
                }
            }
            if let required {
                requiredPosition = required.firstPosition(notBelow: doc, from: requiredPosition)
                guard requiredPosition < required.count, required[requiredPosition] == doc else {
                    for position in order[essential...] where walk.clauses[position].currentDoc == doc { walk.clauses[position].position += 1 }
                    continue
                }
            }
            if let excluded {
                excludedPosition = excluded.firstPosition(notBelow: doc, from: excludedPosition)
                if excludedPosition < excluded.count, excluded[excludedPosition] == doc {
                    for position in order[essential...] where walk.clauses[position].currentDoc == doc { walk.clauses[position].position += 1 }
                    continue
                }
            }
            var partial = 0.0
            var held = 0.0
            for position in order[essential...] where walk.clauses[position].currentDoc == doc {
                (clauseScores[position], clauseUnits[position]) = walk.score(position, doc)
                partial += clauseScores[position]
                held += clauseUnits[position]
                walk.clauses[position].position += 1
            }
            var competitive = true
            for rank in (0..<essential).reversed() {
                if best.isFull, Self.coordinated(partial + boundBelow[rank + 1], holding: held + unitsBelow[rank + 1], of: units) <= best.threshold {
                    competitive = false
                    break
                }
                let position = order[rank]
                if walk.advance(position, to: doc) {
                    (clauseScores[position], clauseUnits[position]) = walk.score(position, doc)
                    partial += clauseScores[position]
                    held += clauseUnits[position]
                }
            }
            // The score in clause order, as ``scoreAll(_:_:)`` adds it.
            var score = 0.0
            var heldUnits = 0.0
            for position in clauseScores.indices {
                score += clauseScores[position]
                heldUnits += clauseUnits[position]
                clauseScores[position] = 0
                clauseUnits[position] = 0
            }
            guard competitive, best.offer(doc, Self.coordinated(score, holding: heldUnits, of: units)) else { continue }
            while best.isFull, essential < order.count, reach[essential + 1] <= best.threshold { essential += 1 }
        }
        return best.sorted()
    }
}

/// The clauses of a query walked in step, document by document, with a
/// posting cursor per term. Reads the index through plain pointers (valid
/// while the index and the clauses are) and keeps its cursors in memory of
/// its own, freed with it: no reference counting or copy-on-write checks
/// per posting.
private struct ClauseWalk: ~Copyable {
    /// A term's postings and their field counts, and where the walk is in them.
    struct Term {
        let postings: UnsafeBufferPointer<Int32>
        let counts: UnsafePointer<UInt16>
        /// Where the postings start in the index's.
        let start: Int
        var position = 0
        let idf: Double
        let units: Double
        /// The most the term adds to a score (``CatalogIndex/termBounds``).
        let bound: Double
    }

    /// A clause's documents, where the walk is in them, and its alternatives.
    struct Clause {
        let docs: UnsafeBufferPointer<Int32>
        var position = 0
        let fields: UInt8
        /// Positions in ``ClauseWalk/alternatives``.
        let alternatives: Range<Int>
        /// The most the clause can add to a score, and the query words it stands for.
        let bound: Double
        let units: Double
        /// Whether the documents are the postings of the clause's one term
        /// (a plain word in every field): its position there is the term's,
        /// and `blockBase + position` its position in the index's postings.
        let isPostingList: Bool
        let blockBase: Int

        var currentDoc: Int32 { position < docs.count ? docs[position] : Int32.max }
    }

    let clauses: UnsafeMutableBufferPointer<Clause>
    /// Per alternative, its terms (positions in `terms`) and weight.
    let alternatives: UnsafeMutableBufferPointer<(terms: Range<Int>, weight: Double)>
    let terms: UnsafeMutableBufferPointer<Term>
    let scorer: FieldScorer
    let blockBounds: UnsafeBufferPointer<Float>

    /// Cursors over `scoring`'s postings of the documents in `range`.
    init(_ scoring: [ScoringClause], index: CatalogIndex, docs range: Range<Int32>) {
        scorer = FieldScorer(index)
        blockBounds = index.blockBounds.buffer
        var clauses: [Clause] = []
        var alternatives: [(terms: Range<Int>, weight: Double)] = []
        var terms: [Term] = []
        for clause in scoring {
            let firstAlternative = alternatives.count
            var bound = 0.0
            for alternative in clause.alternatives {
                let first = terms.count
                for (term, units) in zip(alternative.terms, alternative.units) {
                    let range = index.postingRange(term)
                    terms.append(
                        Term(
                            postings: index.postingDocs.slice(range),
                            counts: index.postingCounts.slice(range).baseAddress
                                ?? UnsafePointer(bitPattern: 8)!, start: range.lowerBound, idf: index.idf(of: term), units: units,
                            bound: Double(index.termBounds[Int(term)])))
                }
                alternatives.append((first..<terms.count, alternative.weight))
                bound = max(bound, alternative.weight * alternative.terms.reduce(0) { $0 + Double(index.termBounds[Int($1)]) })
            }
            let all = clause.docs.buffer
            // Cut at the range's end; the cursor starts at its start, so that a
            // posting keeps its position (and block) in the term's list.
            let docs = UnsafeBufferPointer(rebasing: all[..<DocSet.firstPosition(in: all, notBelow: range.upperBound, from: 0)])
            let only = alternatives[firstAlternative...]
            let isPostingList =
                only.count == 1 && only.first!.terms.count == 1
                && terms[only.first!.terms.lowerBound].postings.baseAddress == all.baseAddress
                && terms[only.first!.terms.lowerBound].postings.count == all.count
            clauses.append(
                Clause(
                    docs: docs, position: DocSet.firstPosition(in: docs, notBelow: range.lowerBound, from: 0), fields: FieldScorer.mask(clause.fields),
                    alternatives: firstAlternative..<alternatives.count,
                    bound: bound, units: clause.units, isPostingList: isPostingList,
                    blockBase: isPostingList ? terms[only.first!.terms.lowerBound].start : 0))
        }
        self.clauses = .allocate(capacity: clauses.count)
        _ = self.clauses.initialize(from: clauses)
        self.alternatives = .allocate(capacity: alternatives.count)
        _ = self.alternatives.initialize(from: alternatives)
        self.terms = .allocate(capacity: terms.count)
        _ = self.terms.initialize(from: terms)
    }

    deinit {
        clauses.deallocate()
        alternatives.deallocate()
        terms.deallocate()
    }

    /// The most clause `clause` can add at `doc`, its current document, and
    /// the query words it may hold there: a posting list's bound for that
    /// document's block of postings; another clause's bound over the terms
    /// `doc` holds (each term's cursor moves to `doc`; nothing is scored).
    func bound(_ clause: Int, at doc: Int32) -> (bound: Double, units: Double) {
        if clauses[clause].isPostingList {
            return (Double(blockBounds[(clauses[clause].blockBase + clauses[clause].position) / CatalogIndex.blockSize]), clauses[clause].units)
        }
        var best = 0.0
        var held = 0.0
        for (range, weight) in alternatives[clauses[clause].alternatives] {
            var sum = 0.0
            var units = 0.0
            for slot in range {
                let postings = terms[slot].postings
                terms[slot].position = DocSet.firstPosition(in: postings, notBelow: doc, from: terms[slot].position)
                guard terms[slot].position < postings.count, postings[terms[slot].position] == doc else { continue }
                sum += terms[slot].bound
                units += terms[slot].units
            }
            best = max(best, weight * sum)
            held = max(held, units)
        }
        return (best, held)
    }

    /// Moves clause `clause` past its current block of postings (one
    /// document when the clause is not a posting list).
    func skipBlock(_ clause: Int) {
        guard clauses[clause].isPostingList else {
            clauses[clause].position += 1
            return
        }
        let base = clauses[clause].blockBase
        let size = CatalogIndex.blockSize
        let next = ((base + clauses[clause].position) / size + 1) * size - base
        clauses[clause].position = min(next, clauses[clause].docs.count)
    }

    /// Moves clause `clause` to its first document not below `doc`; whether it is `doc`.
    func advance(_ clause: Int, to doc: Int32) -> Bool {
        clauses[clause].position = DocSet.firstPosition(in: clauses[clause].docs, notBelow: doc, from: clauses[clause].position)
        return clauses[clause].currentDoc == doc
    }

    /// Clause `clause`'s score for `doc`: its best alternative's weighted
    /// BM25F sum, and the most query words one alternative holds there.
    func score(_ clause: Int, _ doc: Int32) -> (score: Double, units: Double) {
        let fields = clauses[clause].fields
        if clauses[clause].isPostingList {
            let (range, weight) = alternatives[clauses[clause].alternatives.lowerBound]
            let term = terms[range.lowerBound]
            let counts = CatalogIndex.FieldCounts(packed: term.counts[clauses[clause].position])
            return (weight * (term.idf * scorer.saturated(counts, doc, fields)), term.units)
        }
        var best = 0.0
        var held = 0.0
        for (range, weight) in alternatives[clauses[clause].alternatives] {
            var sum = 0.0
            var units = 0.0
            for slot in range {
                let postings = terms[slot].postings
                let position = DocSet.firstPosition(in: postings, notBelow: doc, from: terms[slot].position)
                terms[slot].position = position
                guard position < postings.count, postings[position] == doc else { continue }
                sum += terms[slot].idf * scorer.saturated(CatalogIndex.FieldCounts(packed: terms[slot].counts[position]), doc, fields)
                units += terms[slot].units
            }
            best = max(best, weight * sum)
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
    static func worse(_ a: (doc: Int32, score: Double), _ b: (doc: Int32, score: Double)) -> Bool {
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
            let left = 2 * parent + 1
            let right = left + 1
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
