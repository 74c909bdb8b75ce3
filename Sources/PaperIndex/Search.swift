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
        // `nil` stands for every document, so filters never copy the whole catalog.
        var matches: DocSet?
        func narrow(_ docs: DocSet) { matches = matches.map { $0.intersection(docs) } ?? docs }
        var ranked: [(term: Int32, fields: [Field])] = []
        if let query = request.query {
            narrow(try evaluate(query, scoring: &ranked))
        }
        var bonus: [Int32: Double] = [:]
        for keyword in request.keywords {
            let exact = tags.docs(SearchText.key(keyword)) ?? DocSet(sorted: [])
            for doc in matches.map(exact.intersection) ?? exact { bonus[doc, default: 0] += Self.exactTagBonus }
            narrow(exact.union(docs(in: tags, containing: keyword)))
        }
        for author in request.authors {
            narrow(docs(in: authors, containing: author))
        }
        if !request.categories.isEmpty {
            var inCategories = DocSet(sorted: [])
            for category in request.categories { inCategories = inCategories.union(try docs(inCategory: category)) }
            narrow(inCategories)
        }
        if request.since != nil || request.until != nil {
            let low = request.since.map(Self.dateKey) ?? Int32.min
            let high = request.until.map(Self.dateKey) ?? Int32.max
            let candidates = matches?.docs ?? Array(0..<Int32(count))
            matches = DocSet(sorted: candidates.filter { dateKeys[Int($0)] >= 0 && (low...high).contains(dateKeys[Int($0)]) })
        }
        let isRanked = !ranked.isEmpty || !request.keywords.isEmpty
        let docs = (matches ?? DocSet.all(count)).docs
        let scores = isRanked ? docs.map { bm25Score($0, ranked) + (bonus[$0] ?? 0) } : []
        let limit = request.limit ?? docs.count
        let order: [Int]
        switch request.sort {
        case .relevance where isRanked:
            order = Array(docs.indices).smallest(limit) { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : newer(docs[$0], docs[$1]) }
        case .relevance, .date:
            order = Array(docs.indices).smallest(limit) { newer(docs[$0], docs[$1]) }
        case .title:
            let keys = docs.map { doc in papers.parts(of: Int(doc), field: .title).first.map { SearchText.key($0) } ?? "\u{10FFFF}" }
            order = Array(docs.indices).smallest(limit) { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : docs[$0] < docs[$1] }
        }
        return order.map { position in
            Hit(paper: papers[Int(docs[position])], doc: Int(docs[position]), score: isRanked ? scores[position] : nil)
        }
    }

    static func dateKey(_ date: PaperDate) -> Int32 { Int32(date.yyyymmdd) }

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

    /// Documents with a value (a tag, an author) that contains `phrase` as
    /// whole words: `diffusion model` is in `score-based diffusion models`,
    /// `tegmark` in `Max Tegmark`.
    /// - Complexity: O(distinct values + their documents).
    func docs(in exact: ExactIndex, containing phrase: String) -> DocSet {
        let key = Array(SearchText.key(phrase).utf8)
        guard !key.isEmpty else { return DocSet(sorted: []) }
        let space = UInt8(ascii: " ")
        var docs: [Int32] = []
        for position in 0..<exact.keys.count {
            let tag = exact.keys.utf8(position)
            guard tag.count >= key.count else { continue }
            let found = (0...(tag.count - key.count)).contains { start in
                (start == 0 || tag[start - 1] == space)
                    && (start + key.count == tag.count || tag[start + key.count] == space)
                    && tag[start] == key[0] && tag[start..<(start + key.count)].elementsEqual(key)
            }
            if found { docs += exact.docs(at: position).docs }
        }
        return DocSet(unsorted: docs)
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
