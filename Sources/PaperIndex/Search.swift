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

    /// Runs `request`. - Complexity: O(postings of the query's terms + matches × log matches).
    public func search(_ request: SearchRequest) throws(SearchError) -> [Hit] {
        var matches = DocSet.all(count)
        var ranked: [(term: Int32, fields: [Field])] = []
        if let query = request.query {
            matches = try evaluate(query, scoring: &ranked)
        }
        var bonus: [Int32: Double] = [:]
        for keyword in request.keywords {
            let exact = tags.docs(SearchText.key(keyword)) ?? DocSet(sorted: [])
            for doc in exact.intersection(matches) { bonus[doc, default: 0] += Self.exactTagBonus }
            matches = matches.intersection(exact.union(phraseDocs(keyword, in: [.keywords])))
        }
        for author in request.authors {
            matches = matches.intersection(phraseDocs(author, in: [.authors]))
        }
        if !request.categories.isEmpty {
            var inCategories = DocSet(sorted: [])
            for category in request.categories { inCategories = inCategories.union(try docs(inCategory: category)) }
            matches = matches.intersection(inCategories)
        }
        if request.since != nil || request.until != nil {
            let low = request.since ?? PaperDate(year: 1, month: 1, day: 1)!
            let high = request.until ?? PaperDate(year: 9999, month: 12, day: 31)!
            matches = DocSet(sorted: matches.docs.filter { doc in
                papers[Int(doc)].date.map { low <= $0 && $0 <= high } ?? false
            })
        }
        let isRanked = !ranked.isEmpty || !request.keywords.isEmpty
        let docs = matches.docs
        let scores = isRanked ? docs.map { bm25Score($0, ranked) + (bonus[$0] ?? 0) } : []
        var order = Array(docs.indices)
        switch request.sort {
        case .relevance where isRanked:
            order.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : newer(docs[$0], docs[$1]) }
        case .relevance, .date:
            order.sort { newer(docs[$0], docs[$1]) }
        case .title:
            let keys = docs.map { SearchText.key(papers[Int($0)].title ?? "\u{10FFFF}") }
            order.sort { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : docs[$0] < docs[$1] }
        }
        if let limit = request.limit, order.count > limit { order.removeLast(order.count - limit) }
        return order.map { position in
            Hit(paper: papers[Int(docs[position])], doc: Int(docs[position]), score: isRanked ? scores[position] : nil)
        }
    }

    /// Newest first, undated last, then load order.
    private func newer(_ lhs: Int32, _ rhs: Int32) -> Bool {
        let l = dateKeys[Int(lhs)], r = dateKeys[Int(rhs)]
        return l != r ? l > r : lhs < rhs
    }

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

    private func evaluate(_ query: Query, scoring ranked: inout [(term: Int32, fields: [Field])]) throws(SearchError) -> DocSet {
        switch query {
        case .words(let text, let field):
            let fields = Self.fields(field)
            for term in SearchText.terms(text) {
                if let id = termID(term) { ranked.append((id, fields)) }
            }
            return phraseDocs(text, in: fields)
        case .prefix(let text, let field):
            let fields = Self.fields(field)
            let stemless = TextFolding.fold(text)
            var result = DocSet(sorted: [])
            for term in terms(withPrefix: stemless) {
                result = result.union(docs(containing: term, in: fields))
                if let id = termID(term) { ranked.append((id, fields)) }
            }
            return result
        case .firstAuthor(let name):
            let phrase = SearchText.terms(name).map { termID($0) ?? Self.separator }
            return DocSet(sorted: phraseDocs(name, in: [.authors]).docs.filter { doc in
                let authors = terms(of: doc, field: .authors)
                let first = authors.prefix { $0 != Self.separator }
                return first.count >= phrase.count
                    && (0...(first.count - phrase.count)).contains { first.dropFirst($0).prefix(phrase.count).elementsEqual(phrase) }
            })
        case .category(let name):
            return try docs(inCategory: name)
        case .years(let range):
            var result = DocSet(sorted: [])
            for position in 0..<years.keys.count where Int(years.keys[position]).map(range.contains) == true {
                result = result.union(years.docs(at: position))
            }
            return result
        case .and(let parts):
            var result = DocSet.all(count)
            var excluded: [Query] = []
            for part in parts {
                if case .not(let inner) = part { excluded.append(inner); continue }
                result = result.intersection(try evaluate(part, scoring: &ranked))
            }
            for inner in excluded {
                var ignored: [(term: Int32, fields: [Field])] = []
                result = result.subtracting(try evaluate(inner, scoring: &ignored))
            }
            return result
        case .or(let parts):
            var result = DocSet(sorted: [])
            for part in parts { result = result.union(try evaluate(part, scoring: &ranked)) }
            return result
        case .not(let inner):
            var ignored: [(term: Int32, fields: [Field])] = []
            return DocSet.all(count).subtracting(try evaluate(inner, scoring: &ignored))
        }
    }

    /// Documents where the terms of `text` occur consecutively in one of `fields`.
    func phraseDocs(_ text: String, in fields: [Field]) -> DocSet {
        let terms = SearchText.terms(text)
        guard !terms.isEmpty else { return DocSet.all(count) }
        var result = docs(containing: terms[0], in: fields)
        for term in terms.dropFirst() {
            if result.isEmpty { return result }
            result = result.intersection(docs(containing: term, in: fields))
        }
        guard terms.count > 1 else { return result }
        let phrase = terms.map { termID($0)! }
        return DocSet(sorted: result.docs.filter { contains(phrase: phrase, in: fields, doc: $0) })
    }

    /// BM25F: per term, field frequencies are weighted and length-normalised
    /// per field, then saturated once.
    func bm25Score(_ doc: Int32, _ terms: [(term: Int32, fields: [Field])]) -> Double {
        var score = 0.0
        let total = Double(count)
        for (term, fields) in terms {
            let range = postingRange(term)
            var low = range.lowerBound, high = range.upperBound
            while low < high {
                let mid = (low + high) / 2
                if postingDocs[mid] < doc { low = mid + 1 } else { high = mid }
            }
            guard low < range.upperBound, postingDocs[low] == doc else { continue }
            let counts = FieldCounts(packed: postingCounts[low])
            var weighted = 0.0
            for field in fields where counts[field] > 0 {
                let length = Double(fieldLengths[Int(doc) * Field.allCases.count + field.rawValue])
                let norm = 1 - Self.b + Self.b * length / averageFieldLength[field.rawValue]
                weighted += field.weight * Double(counts[field]) / norm
            }
            let frequency = Double(range.count)
            let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
            score += idf * weighted * (Self.k1 + 1) / (weighted + Self.k1)
        }
        return score
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
