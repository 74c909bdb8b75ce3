import Foundation
import PaperCatalog

/// What to look for: a query and flag filters, which all narrow (AND).
public struct SearchRequest: Sendable {
    public var query: Query?
    /// Tags; each must match. A paper carrying the exact tag ranks before
    /// one whose tags merely contain the phrase.
    public var keywords: [String] = []
    /// Author names or parts of them; each must match.
    public var authors: [String] = []
    /// Categories; a paper in any of them matches.
    public var categories: [String] = []
    /// Inclusive date bounds; papers without a date do not match a bound.
    public var since: PaperDate?
    public var until: PaperDate?
    public var sort: SortOrder = .relevance
    public var limit: Int?

    public init(query: Query? = nil) { self.query = query }
}

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
    public var paper: Paper
    public var doc: Int
    /// BM25F score plus tag bonus; `nil` when nothing was ranked.
    public var score: Double?
}

/// A request that names something the catalog does not have.
public enum SearchError: Error, Equatable, CustomStringConvertible {
    case unknownCategory(String, suggestion: String?, known: [String])

    public var description: String {
        switch self {
        case .unknownCategory(let name, let suggestion, let known):
            if let suggestion { return "no category \"\(name)\"; did you mean \"\(suggestion)\"?" }
            return "no category \"\(name)\"; known categories: \(known.joined(separator: ", "))"
        }
    }
}

extension CatalogIndex {
    /// BM25 parameters (Robertson & Zaragoza 2009, "The Probabilistic
    /// Relevance Framework: BM25 and Beyond", BM25F with per-field weights).
    static let k1 = 1.2, b = 0.75
    /// Score added for each `--keyword` that is exactly one of the paper's tags.
    static let exactTagBonus = 1000.0

    /// Runs `request`.
    ///
    /// Documents are numbered newest first (``CatalogIndex/init(papers:)``),
    /// so a date-ordered answer is the first `limit` matches, and a filter's
    /// matches are a view of the index, not a copy.
    /// - Complexity: O(postings of the query's terms and filters + limit);
    ///   ranking by title decodes every match's title.
    public func search(_ request: SearchRequest) throws(SearchError) -> [Hit] {
        // `nil` stands for every document, so filters never copy the whole catalog.
        var matches: DocSet?
        func narrow(_ docs: DocSet) { matches = matches.map { $0.intersection(docs) } ?? docs }
        var ranking = Ranking()
        if let query = request.query {
            narrow(try evaluate(query, into: &ranking, deferringPhrases: true))
        }
        for keyword in request.keywords {
            let key = SearchText.key(keyword)
            ranking.exactTags.append(tags.docs(key) ?? DocSet(sorted: []))
            narrow(tags.docs(containing: key))
        }
        for author in request.authors {
            narrow(authors.docs(containing: SearchText.key(author)))
        }
        if !request.categories.isEmpty {
            narrow(DocSet.union(try request.categories.map { category throws(SearchError) in try docs(inCategory: category) }))
        }
        var candidates = 0..<Int32(count)
        if request.since != nil || request.until != nil {
            candidates = docs(datedFrom: request.since, to: request.until)
            matches = matches?.keeping(candidates.contains)
        }
        return if let matches { rank(matches, request, ranking) } else { rank(candidates, request, ranking) }
    }

    /// What ranking needs from evaluating a request.
    private struct Ranking {
        /// Query terms that score, with the fields they were asked in.
        var terms: [(term: Int32, fields: [Field])] = []
        /// Per `--keyword`, the papers carrying exactly that tag.
        var exactTags: [DocSet] = []
        /// Phrases whose terms every match holds but whose order is checked
        /// only for the documents ranking reaches: checking means re-reading
        /// the document, and a top ten needs few of them.
        var phrases: [(terms: [Int32], fields: [Field])] = []
    }

    /// The best `request.limit` of `candidates` in the request's order.
    private func rank(_ candidates: some RandomAccessCollection<Int32>, _ request: SearchRequest, _ ranking: Ranking) -> [Hit] {
        let limit = request.limit ?? candidates.count
        let (terms, exactTags, phrases) = (ranking.terms, ranking.exactTags, ranking.phrases)
        var checked: [Int32: Bool] = [:]
        func holdsPhrases(_ doc: Int32) -> Bool {
            if phrases.isEmpty { return true }
            if let known = checked[doc] { return known }
            let holds = phrases.allSatisfy { contains(phrase: $0.terms, in: $0.fields, doc: doc) }
            checked[doc] = holds
            return holds
        }
        var scores: [Int32: Double] = [:]
        let docs: [Int32]
        switch request.sort {
        case .relevance where !terms.isEmpty:
            let all = Array(candidates)
            var total = bm25Scores(all, terms)
            for tagged in exactTags { tagged.forEachMember(of: all) { position, _ in total[position] += Self.exactTagBonus } }
            let best = Array(all.indices).smallest(limit, accepting: { holdsPhrases(all[$0]) }) {
                total[$0] != total[$1] ? total[$0] > total[$1] : all[$0] < all[$1]
            }
            docs = best.map { all[$0] }
            for position in best { scores[all[position]] = total[position] }
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
        let isRanked = !terms.isEmpty || !exactTags.isEmpty
        return docs.map { doc in
            let score = isRanked ? scores[doc] ?? score(doc, terms, exactTags) : nil
            return Hit(paper: papers[Int(doc)], doc: Int(doc), score: score)
        }
    }

    /// The first `limit` candidates by the number of `exactTags` they carry,
    /// most first, newest first among equals; stops as soon as `limit`
    /// candidates carry them all. - Complexity: O(candidates visited × tags).
    private func bestTagged(_ candidates: some Collection<Int32>, _ exactTags: [DocSet], limit: Int,
                            accepting accept: (Int32) -> Bool) -> [Int32] {
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

    /// One document's score: BM25F plus the exact-tag bonus.
    private func score(_ doc: Int32, _ terms: [(term: Int32, fields: [Field])], _ exactTags: [DocSet]) -> Double {
        bm25Score(doc, terms) + Double(exactTags.count { $0.contains(doc) }) * Self.exactTagBonus
    }

    /// Dated documents from `since` to `until` (inclusive; `nil` is open):
    /// a range, since documents are numbered newest first. - Complexity: O(log papers).
    func docs(datedFrom since: PaperDate?, to until: PaperDate?) -> Range<Int32> {
        let newest = until.map(Self.dateKey) ?? Int32.max, oldest = max(0, since.map(Self.dateKey) ?? 0)
        func firstDoc(below key: Int32) -> Int32 {
            var low = 0, high = count
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

    /// The category's papers; an unknown name gets a suggestion.
    func docs(inCategory name: String) throws(SearchError) -> DocSet {
        if let docs = categories.docs(SearchText.key(name)) { return docs }
        let known = categories.allNames.sorted()
        throw .unknownCategory(name, suggestion: Suggestion.nearest(to: name, in: known), known: known)
    }

    /// A known tag spelled like `keyword`, for "did you mean".
    public func suggestTag(for keyword: String) -> String? {
        Suggestion.nearest(to: keyword, in: tags.allNames)
    }

    /// The documents `query` matches; its scoring terms go into `ranking`.
    /// - Parameter deferringPhrases: whether a phrase's word order may be left
    ///   to ranking (``Ranking/phrases``): true where the phrase only narrows,
    ///   at the top of the query or inside a top-level AND.
    private func evaluate(_ query: Query, into ranking: inout Ranking, deferringPhrases: Bool) throws(SearchError) -> DocSet {
        switch query {
        case .words(let text, let field):
            let fields = Self.fields(field)
            let terms = SearchText.terms(text)
            let ids = terms.compactMap(termID)
            for id in ids { ranking.terms.append((id, fields)) }
            guard deferringPhrases, terms.count > 1, ids.count == terms.count else { return phraseDocs(text, in: fields) }
            ranking.phrases.append((ids, fields))
            return docs(containingAll: terms, in: fields)
        case .prefix(let text, let field):
            let fields = Self.fields(field)
            let matching = terms(withPrefix: TextFolding.fold(text))
            for term in matching {
                if let id = termID(term) { ranking.terms.append((id, fields)) }
            }
            return DocSet.union(matching.map { docs(containing: $0, in: fields) })
        case .firstAuthor(let name):
            let phrase = SearchText.terms(name).map { termID($0) ?? Self.separator }
            return phraseDocs(name, in: [.authors]).keeping { doc in
                let authors = terms(of: doc, field: .authors)
                let first = authors.prefix { $0 != Self.separator }
                return first.count >= phrase.count
                    && (0...(first.count - phrase.count)).contains { first.dropFirst($0).prefix(phrase.count).elementsEqual(phrase) }
            }
        case .category(let name):
            return try docs(inCategory: name)
        case .years(let range):
            let positions = (0..<years.keys.count).filter { Int(years.keys[$0]).map(range.contains) == true }
            return DocSet.union(positions.map(years.docs(at:)))
        case .and(let parts):
            var included: DocSet?
            var excluded: [Query] = []
            for part in parts {
                if case .not(let inner) = part { excluded.append(inner); continue }
                let docs = try evaluate(part, into: &ranking, deferringPhrases: deferringPhrases)
                included = included.map { $0.intersection(docs) } ?? docs
            }
            var result = included ?? DocSet.all(count)
            for inner in excluded {
                var ignored = Ranking()
                result = result.subtracting(try evaluate(inner, into: &ignored, deferringPhrases: false))
            }
            return result
        case .or(let parts):
            var result = DocSet(sorted: [])
            for part in parts { result = result.union(try evaluate(part, into: &ranking, deferringPhrases: false)) }
            return result
        case .not(let inner):
            var ignored = Ranking()
            return DocSet.all(count).subtracting(try evaluate(inner, into: &ignored, deferringPhrases: false))
        }
    }

    /// Documents holding every one of `terms` in one of `fields` (not
    /// necessarily in the same field, nor in order).
    func docs(containingAll terms: [String], in fields: [Field]) -> DocSet {
        guard let first = terms.first else { return DocSet.all(count) }
        var result = docs(containing: first, in: fields)
        for term in terms.dropFirst() where !result.isEmpty {
            result = result.intersection(docs(containing: term, in: fields))
        }
        return result
    }

    /// Documents where the terms of `text` occur consecutively in one of `fields`.
    func phraseDocs(_ text: String, in fields: [Field]) -> DocSet {
        let terms = SearchText.terms(text)
        let result = docs(containingAll: terms, in: fields)
        guard terms.count > 1, !result.isEmpty else { return result }
        let phrase = terms.map { termID($0)! }
        return result.keeping { contains(phrase: phrase, in: fields, doc: $0) }
    }

    /// BM25F of one document: per term, field frequencies are weighted and
    /// length-normalised per field, then saturated once. - Complexity: O(terms × log postings).
    func bm25Score(_ doc: Int32, _ terms: [(term: Int32, fields: [Field])]) -> Double {
        bm25Scores([doc], terms)[0]
    }

    /// BM25F of each of `docs` (ascending), walking each term's postings in
    /// step with them. - Complexity: O(terms × (docs + postings)) at worst.
    func bm25Scores(_ docs: [Int32], _ terms: [(term: Int32, fields: [Field])]) -> [Double] {
        var scores = Array(repeating: 0.0, count: docs.count)
        let total = Double(count)
        for (term, fields) in terms {
            let range = postingRange(term)
            let frequency = Double(range.count)
            let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
            DocSet(view: postingDocs.column(range)).forEachMember(of: docs) { position, posting in
                let counts = FieldCounts(packed: postingCounts[range.lowerBound + posting])
                var weighted = 0.0
                for field in fields where counts[field] > 0 {
                    let length = Double(fieldLengths[Int(docs[position]) * Field.allCases.count + field.rawValue])
                    let norm = 1 - Self.b + Self.b * length / averageFieldLength[field.rawValue]
                    weighted += field.weight * Double(counts[field]) / norm
                }
                scores[position] += idf * weighted * (Self.k1 + 1) / (weighted + Self.k1)
            }
        }
        return scores
    }

    static func fields(_ field: QueryField?) -> [Field] {
        switch field {
        case .title: [.title]
        case .abstract: [.abstract]
        case .author: [.authors]
        case .keyword: [.keywords]
        default: Field.allCases
        }
    }
}
