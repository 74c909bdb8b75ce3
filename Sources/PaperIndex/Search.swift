import Foundation
import PaperCatalog
import TextNormalization

/// What to look for: a query and flag filters, which all narrow (AND).
public struct SearchRequest: Sendable {
    /// The query to match and rank by; `nil` selects by the filters alone.
    public var query: Query?
    /// Tags; each must match. A paper carrying the exact tag ranks before
    /// one whose tags merely contain the phrase.
    public var keywords: [String] = []
    /// Author names or parts of them; each must match. A name matches the
    /// papers of every spelling of the person (or people) it stands for
    /// (``CatalogIndex/authorKeys(matching:)``).
    public var authors: [String] = []
    /// Categories; a paper in any of them matches.
    public var categories: [String] = []
    /// Whether ``categories`` also match papers whose sources state no
    /// category and whose inferred one is among them, with at least
    /// ``CatalogIndex/inferredCategoryThreshold`` confidence.
    public var includesInferred = false
    /// Inclusive date bounds; papers without a date do not match a bound.
    public var since: PaperDate?
    /// The latest date, inclusive (see ``since``).
    public var until: PaperDate?
    /// The order of the hits: by relevance unless set.
    public var sort: SortOrder = .relevance
    /// The most hits to return; `nil` for every match.
    public var limit: Int?
    /// Whether ranked hits carry ``Hit/matches``: why each matched.
    public var explainsMatches = false
    /// Whether optional words are ranked by MaxScore; off, every candidate
    /// is scored (the same answer, slower: for the benchmark and tests).
    package var prunes = true
    /// How many ranges of documents MaxScore ranks apart, one per core;
    /// `nil`: one per core once the query's lists hold
    /// ``CatalogIndex/postingsPerScoringPart`` postings, else one (the same
    /// answer either way: for tests).
    package var scoringParts: Int?

    /// A request for `query` alone: no filters, by relevance, every match.
    public init(query: Query? = nil) { self.query = query }
}

/// The order search hits come in.
public enum SortOrder: String, CaseIterable, Sendable {
    /// Best score first (exact tags, then BM25F), then newest.
    case relevance
    /// Newest first; undated papers last.
    case date
    /// Alphabetical by folded title.
    case title
}

/// A paper found by a search, with its score when the search ranked.
public struct Hit: Sendable {
    /// The paper found, decoded from the index.
    public var paper: Paper
    /// The paper's document number: its position in the index, newest first.
    public var doc: Int
    /// BM25F score of the query's words; `nil` when no words were weighed
    /// (filters only, `--keyword` included, which orders exact tags first).
    public var score: Double?
    /// Why it matched the query's words, when asked for (``SearchRequest/explainsMatches``).
    public var matches: Matches?
}

/// A request that names something the catalog does not have.
public enum SearchError: Error, Equatable, CustomStringConvertible {
    case unknownCategory(String, suggestion: String?, known: [String])
    /// A filter value with no letter or digit, which would match every
    /// paper or none; `what` names the filter (`"author"`).
    case nothingToMatch(String, what: String)

    /// The problem in words, with a suggestion or the known categories for an unknown one.
    public var description: String {
        switch self {
        case .nothingToMatch(let value, let what):
            return "the \(what) \"\(value)\" has no letters or digits to match"
        case .unknownCategory(let name, let suggestion, let known):
            if let suggestion { return "no category \"\(name)\"; did you mean \"\(suggestion)\"?" }
            return "no category \"\(name)\"; known categories: \(known.joined(separator: ", "))"
        }
    }
}

extension CatalogIndex {
    /// BM25 parameters (Robertson & Zaragoza 2009, "The Probabilistic
    /// Relevance Framework: BM25 and Beyond", BM25F with per-field weights).
    /// `k1` is above the usual 1.2 because the field weights (up to 3)
    /// already scale the frequencies it saturates: with 1.2 one title hit
    /// is most of a term's worth (`Bench/relevance/tune.tsv`: 0.863 -> 0.869).
    static let k1 = 1.5, b = 0.75

    /// Runs `request`.
    ///
    /// Documents are numbered newest first (``CatalogIndex/init(papers:)``),
    /// so a date-ordered answer is the first `limit` matches, and a filter's
    /// matches are a view of the index, not a copy. Ranked by relevance with
    /// only optional words, the best `limit` come from MaxScore pruning
    /// (``topScoring(_:units:limit:within:excluding:parts:)``), not from scoring every
    /// candidate.
    /// - Complexity: O(postings of the query's terms and filters + limit);
    ///   ranking by title decodes every match's title.
    public func search(_ request: SearchRequest) throws(SearchError) -> Hits {
        let selection = try select(request)
        let plan = selection.plan
        if request.prunes, request.sort == .relevance, plan.must.isEmpty, selection.exactTags.isEmpty, let limit = request.limit,
            !plan.should.isEmpty, plan.should.allSatisfy({ !$0.alternatives.isEmpty })
        {
            let best = topScoring(
                plan.should, units: plan.units, limit: limit, within: plan.required, excluding: selection.excluded, parts: request.scoringParts)
            return hits(best.map(\.doc), scores: best.map(\.score), request, plan)
        }
        let (found, scores) =
            if let matches = matches(selection) {
                rank(matches, request, plan, selection.exactTags)
            } else {
                rank(selection.dated, request, plan, selection.exactTags)
            }
        return hits(found, scores: scores, request, plan)
    }

    /// A request's filters and query as document sets, before ranking.
    struct Selection {
        var plan: QueryPlan
        /// Per `--keyword`, the papers with that exact tag (they rank first).
        var exactTags: [DocSet]
        /// The papers in the request's date range: every one without a range.
        var dated: Range<Int32>
        var excluded: DocSet?
    }

    /// The plan of `request`'s query narrowed by its filters.
    /// - Complexity: O(postings of the filters and of the query's required terms).
    func select(_ request: SearchRequest) throws(SearchError) -> Selection {
        var plan = try request.query.map(plan) ?? QueryPlan()
        var exactTags: [DocSet] = []
        for (values, what) in [(request.keywords, "keyword"), (request.authors, "author"), (request.categories, "category")] {
            if let empty = values.first(where: { SearchText.terms($0).isEmpty }) { throw .nothingToMatch(empty, what: what) }
        }
        for keyword in request.keywords {
            let key = SearchText.key(keyword)
            exactTags.append(tags.docs(key) ?? DocSet(sorted: []))
            plan.narrow(tags.docs(containing: key))
        }
        for author in request.authors {
            plan.narrow(docs(byAuthor: author))
        }
        if !request.categories.isEmpty {
            plan.narrow(
                DocSet.union(
                    try request.categories.map { category throws(SearchError) in
                        try docs(inCategory: category, includingInferred: request.includesInferred)
                    }))
        }
        var dated = 0..<Int32(count)
        if request.since != nil || request.until != nil {
            dated = docs(datedFrom: request.since, to: request.until)
            plan.required = plan.required?.keeping(dated.contains) ?? DocSet(sorted: Array(dated))
        }
        for clause in plan.must { plan.narrow(clause.docs) }
        return Selection(
            plan: plan, exactTags: exactTags, dated: dated,
            excluded: plan.excluded.isEmpty ? nil : DocSet.union(plan.excluded))
    }

    /// The papers holding `selection`'s required and optional words and
    /// filters, before phrases are checked; `nil`: every paper in its date
    /// range (which is then every paper).
    /// - Complexity: O(postings of its terms).
    func matches(_ selection: Selection) -> DocSet? {
        let plan = selection.plan
        var matches = plan.required
        if plan.must.isEmpty, !plan.should.isEmpty {
            let any = DocSet.union(plan.should.map(\.docs))
            matches = matches.map { $0.intersection(any) } ?? any
        }
        if let excluded = selection.excluded { matches = (matches ?? DocSet.all(count)).subtracting(excluded) }
        return matches
    }

    /// The hits of `docs`, explaining why each matched when the request
    /// asks and the query has words.
    private func hits(_ docs: [Int32], scores: [Double]?, _ request: SearchRequest, _ plan: QueryPlan) -> Hits {
        let explains = request.explainsMatches && plan.clauses.contains { !$0.alternatives.isEmpty }
        return Hits(index: self, docs: docs, scores: scores, labels: explains ? plan.orderedLabels : nil)
    }

    /// The best `request.limit` of `candidates` in the request's order, and
    /// their scores when the query has words to weigh.
    private func rank(
        _ candidates: some RandomAccessCollection<Int32>, _ request: SearchRequest, _ plan: QueryPlan,
        _ exactTags: [DocSet]
    ) -> (docs: [Int32], scores: [Double]?) {
        let limit = request.limit ?? candidates.count
        let phrases = plan.phrases
        var checked: [Int32: Bool] = [:]
        func holdsPhrases(_ doc: Int32) -> Bool {
            if phrases.isEmpty { return true }
            if let known = checked[doc] { return known }
            let holds = phrases.allSatisfy { contains(phrase: $0.terms, in: $0.fields, doc: doc) }
            checked[doc] = holds
            return holds
        }
        let clauses = plan.clauses.filter { !$0.alternatives.isEmpty }
        func score(_ doc: Int32) -> Double { coordinatedScores([doc], clauses, units: plan.units)[0] }
        var scores: [Int32: Double] = [:]
        let docs: [Int32]
        switch request.sort {
        case .relevance where !clauses.isEmpty:
            let all = Array(candidates)
            let relevance = coordinatedScores(all, clauses, units: plan.units)
            // Exact tags first, then relevance; the score shown is relevance alone.
            var tagged = Array(repeating: 0, count: all.count)
            for exact in exactTags { exact.forEachMember(of: all) { position, _ in tagged[position] += 1 } }
            func precedes(_ a: Int, _ b: Int) -> Bool {
                if tagged[a] != tagged[b] { return tagged[a] > tagged[b] }
                if relevance[a] != relevance[b] { return relevance[a] > relevance[b] }
                return all[a] < all[b]
            }
            let best = Array(all.indices).smallest(limit, accepting: { holdsPhrases(all[$0]) }, by: precedes)
            docs = best.map { all[$0] }
            for position in best { scores[all[position]] = relevance[position] }
        case .relevance where !exactTags.isEmpty:
            docs = bestTagged(candidates, exactTags, limit: limit, accepting: holdsPhrases)
        case .relevance, .date:
            docs = Array(candidates.lazy.filter(holdsPhrases).prefix(limit))
        case .title:
            let all = candidates.filter(holdsPhrases)
            let keys = all.map { doc in papers.parts(of: Int(doc), field: .title).first.map { SearchText.key($0) } ?? "\u{10FFFF}" }
            docs = Array(all.indices).smallest(limit) { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : all[$0] < all[$1] }
                .map { all[$0] }
        }
        // A score only where words were weighed: exact tags order the
        // results but are no measure of relevance to print.
        return (docs, clauses.isEmpty ? nil : docs.map { scores[$0] ?? score($0) })
    }

    /// The first `limit` candidates by the number of `exactTags` they carry,
    /// most first, newest first among equals; stops as soon as `limit`
    /// candidates carry them all.
    /// - Complexity: O(candidates visited × tags).
    private func bestTagged(
        _ candidates: some Collection<Int32>, _ exactTags: [DocSet], limit: Int,
        accepting accept: (Int32) -> Bool
    ) -> [Int32] {
        var byTagCount = Array(repeating: [Int32](), count: exactTags.count + 1)
        var cursors = Array(repeating: 0, count: exactTags.count)
        for doc in candidates {
            var carried = 0
            for (tag, docs) in exactTags.enumerated() {
                cursors[tag] = docs.firstPosition(notBelow: doc, from: cursors[tag])
                if cursors[tag] < docs.count, docs[cursors[tag]] == doc { carried += 1 }
            }
            if byTagCount[carried].count < limit, accept(doc) { byTagCount[carried].append(doc) }
            if byTagCount[exactTags.count].count == limit { break }
        }
        return Array(byTagCount.reversed().joined().prefix(limit))
    }

    /// Dated documents from `since` to `until` (inclusive; `nil` is open):
    /// a range, since documents are numbered newest first.
    /// - Complexity: O(log papers).
    func docs(datedFrom since: PaperDate?, to until: PaperDate?) -> Range<Int32> {
        let newest = until.map(Self.dateKey) ?? Int32.max
        let oldest = max(0, since.map(Self.dateKey) ?? 0)
        func firstDoc(below key: Int32) -> Int32 {
            var low = 0
            var high = count
            while low < high {
                let middle = (low + high) / 2
                if dateKeys[middle] >= key { low = middle + 1 } else { high = middle }
            }
            return Int32(low)
        }
        let start = newest == Int32.max ? 0 : firstDoc(below: newest + 1)
        return start..<max(start, firstDoc(below: oldest))
    }

    static func dateKey(_ date: PaperDate) -> Int32 { Int32(date.yyyymmdd) }

    /// The category's papers, and those inferred to be in it when asked;
    /// an unknown name gets a suggestion.
    func docs(inCategory name: String, includingInferred: Bool = false) throws(SearchError) -> DocSet {
        let key = SearchText.key(name)
        if key == Self.noCategory, categories.docs(key) == nil {
            // Papers whose sources state no category (with `--inferred`, and none inferred either).
            let stated = DocSet.union((0..<categories.keys.count).map(categories.docs(at:)))
            let uncategorised = DocSet.all(count).subtracting(stated)
            guard includingInferred else { return uncategorised }
            let inferredAny = DocSet.union(
                (0..<categories.keys.count).map {
                    inferred.docs(inCategory: categories.keys[$0], atLeast: Self.inferredCategoryThreshold)
                })
            return uncategorised.subtracting(inferredAny)
        }
        if let docs = categories.docs(key) {
            guard includingInferred else { return docs }
            return DocSet.union([docs, inferred.docs(inCategory: key, atLeast: Self.inferredCategoryThreshold)])
        }
        let known = categories.allNames.sorted()
        throw .unknownCategory(name, suggestion: Suggestion.nearest(to: name, in: known), known: known)
    }

    /// The category name that selects papers with none (`--category none`),
    /// unless the catalog has a category of that name.
    public static let noCategory = "none"

    /// For a `--keyword` that matches no tag, a known tag spelled like it,
    /// for "did you mean"; `nil` when it matches a tag or none is close.
    ///
    /// - Complexity: O(total length of the tags), plus O(*n* × *m*) per tag whose length
    ///   is within the allowed distance of the keyword's (*n*, *m*: their lengths).
    public func suggestTag(for keyword: String) -> String? {
        guard tags.positions(containing: SearchText.key(keyword)).isEmpty else { return nil }
        return Suggestion.nearest(to: keyword, in: tags.allNames)
    }

    /// BM25F of each of `docs` (ascending) for `clauses`: per clause that
    /// matches the document, its best alternative's weighted sum; and the
    /// query words (``ScoringClause/units``) each document holds.
    /// - Complexity: O(terms × (docs + postings)) at worst.
    func scoreAll(_ docs: [Int32], _ clauses: [ScoringClause]) -> (scores: [Double], units: [Double]) {
        var total = Array(repeating: 0.0, count: docs.count)
        var units = total
        for clause in clauses {
            var best = Array(repeating: 0.0, count: docs.count)
            var held = best
            for alternative in clause.alternatives {
                var sum = Array(repeating: 0.0, count: docs.count)
                var count = sum
                for (term, termUnits) in zip(alternative.terms, alternative.units) {
                    let scores = termScores(docs, term, clause.fields)
                    for position in docs.indices where scores[position] > 0 {
                        sum[position] += scores[position]
                        count[position] += termUnits
                    }
                }
                for position in docs.indices {
                    best[position] = max(best[position], alternative.weight * sum[position])
                    held[position] = max(held[position], count[position])
                }
            }
            clause.docs.forEachMember(of: docs) { position, _ in
                total[position] += best[position]
                units[position] += held[position]
            }
        }
        return (total, units)
    }

    /// The scores of `docs` for a plan's clauses, coordinated.
    func coordinatedScores(_ docs: [Int32], _ clauses: [ScoringClause], units: Double) -> [Double] {
        let (scores, held) = scoreAll(docs, clauses)
        return docs.indices.map { Self.coordinated(scores[$0], holding: held[$0], of: units) }
    }

    /// Coordination, softened from Lucene's classic similarity: a score
    /// times the square root of the share of the query's words a paper
    /// holds, so that papers with more of the words rank first unless one
    /// word outweighs the rest. Never above the score, so MaxScore's bounds
    /// hold. Measured on `Bench/relevance/tune.tsv` (nDCG@10, before
    /// acronyms): none 0.863, the share itself 0.873, all words first
    /// 0.872, its square root 0.877.
    @inline(__always)
    static func coordinated(_ score: Double, holding units: Double, of total: Double) -> Double {
        total > 0 ? score * (min(units, total) / total).squareRoot() : score
    }

    /// BM25F of `term` in `fields` for each of `docs` (ascending), walking its
    /// postings in step with them.
    /// - Complexity: O(docs + postings) at worst.
    func termScores(_ docs: [Int32], _ term: Int32, _ fields: [Field]) -> [Double] {
        var scores = Array(repeating: 0.0, count: docs.count)
        let range = postingRange(term)
        let idf = idf(of: term)
        let scorer = FieldScorer(self)
        let mask = FieldScorer.mask(fields)
        DocSet(view: postingDocs.column(range)).forEachMember(of: docs) { position, posting in
            scores[position] = idf * scorer.saturated(FieldCounts(packed: postingCounts[range.lowerBound + posting]), docs[position], mask)
        }
        return scores
    }

    /// Robertson-Sparck Jones inverse document frequency, as in Lucene's BM25.
    func idf(of term: Int32) -> Double { Self.idf(frequency: postingRange(term).count, count: count) }

    /// BM25F's saturated term frequency of one posting (``FieldScorer``).
    func saturated(_ counts: FieldCounts, _ doc: Int32, _ fields: [Field]) -> Double {
        FieldScorer(self).saturated(counts, doc, FieldScorer.mask(fields))
    }

    /// Robertson-Sparck Jones inverse document frequency, as in Lucene's BM25,
    /// of a term in `frequency` of `count` documents.
    static func idf(frequency: Int, count: Int) -> Double {
        log(1 + (Double(count) - Double(frequency) + 0.5) / (Double(frequency) + 0.5))
    }
}

/// BM25F's term-frequency part (Robertson & Zaragoza 2009, "The
/// Probabilistic Relevance Framework: BM25 and Beyond"): a posting's counts
/// per field, weighted and normalised by the field's length, summed, then
/// saturated once, below `k1 + 1`. Reads the index's field lengths through
/// a plain pointer: valid while the index is, and free of reference
/// counting in the loops that score every posting. It only reads, so
/// threads may share one.
struct FieldScorer: @unchecked Sendable {
    private let lengths: UnsafePointer<UInt16>
    private let lengthCount: Int
    private let averages: InlineArray<4, Double>
    /// The snapshot the lengths come from, told when a document is out of
    /// range; not retained: the index keeps it alive.
    private unowned(unsafe) let file: CheckedFile?

    init(_ index: CatalogIndex) {
        self.init(lengths: index.fieldLengths, averages: index.averageFieldLength)
    }

    init(lengths: Column<UInt16>, averages: [Double]) {
        let checked = lengths.buffer
        self.lengths = checked.baseAddress ?? UnsafePointer(bitPattern: 8)!
        lengthCount = checked.count
        file = lengths.checkedFile
        self.averages = InlineArray { averages[$0] }
    }

    /// The fields as bits, by raw value.
    static func mask(_ fields: [Field]) -> UInt8 {
        fields.reduce(0) { $0 | 1 << UInt8($1.rawValue) }
    }

    @inline(__always)
    func saturated(_ counts: CatalogIndex.FieldCounts, _ doc: Int32, _ fields: UInt8) -> Double {
        let first = Int(doc) * Field.allCases.count
        guard first >= 0, first + Field.allCases.count <= lengthCount else {
            guard let file else { preconditionFailure("document out of range") }
            file.markDamaged()
            return 0
        }
        var weighted = 0.0
        for field in Field.allCases where fields & 1 << UInt8(field.rawValue) != 0 && counts[field] > 0 {
            let norm = 1 - CatalogIndex.b + CatalogIndex.b * Double(lengths[first + field.rawValue]) / averages[field.rawValue]
            weighted += field.weight * Double(counts[field]) / norm
        }
        return weighted * (CatalogIndex.k1 + 1) / (weighted + CatalogIndex.k1)
    }
}
