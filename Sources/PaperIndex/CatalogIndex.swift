import PaperCatalog

/// In-memory inverted indices over a catalog's papers, built once per run:
/// exact indices for keyword tag, author, category and year, and a
/// positional full-text index over title, keywords, authors and abstract
/// ranked with BM25F.
///
/// Papers are numbered by their position in ``papers`` ("doc" numbers).
public struct CatalogIndex: Sendable {
    public let papers: [Paper]

    var termIDs: [String: Int32] = [:]
    var termNames: [String] = []
    /// Per term: the documents containing it and how often, per field.
    var postings: [Postings] = []
    /// Per document and field (`doc * 4 + field`), the number of terms:
    /// BM25F's length normalisation. Term positions are not stored; phrases
    /// are checked by re-reading the few candidate fields (``terms(of:field:)``).
    var fieldLengths: [UInt16] = []
    var averageFieldLength = Array(repeating: 0.0, count: Field.allCases.count)
    /// Per document, `yyyymmdd` of its date, or -1: sorting without decoding dates.
    var dateKeys: [Int32] = []

    /// Exact indices keyed by ``SearchText/key(_:)``.
    var tagDocs: [String: DocSet] = [:]
    var authorDocs: [String: DocSet] = [:]
    var categoryDocs: [String: DocSet] = [:]
    var yearDocs: [Int: DocSet] = [:]
    /// A readable spelling for each exact key (the first one seen).
    var tagNames: [String: String] = [:]
    var authorNames: [String: String] = [:]
    var categoryNames: [String: String] = [:]

    static let separator: Int32 = -1

    struct Postings: Sendable {
        var docs: [Int32] = []
        var counts: [FieldCounts] = []
    }

    struct FieldCounts: Sendable {
        var values: (UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0)
        subscript(field: Field) -> UInt16 {
            get {
                switch field {
                case .title: values.0
                case .keywords: values.1
                case .authors: values.2
                case .abstract: values.3
                }
            }
            set {
                switch field {
                case .title: values.0 = newValue
                case .keywords: values.1 = newValue
                case .authors: values.2 = newValue
                case .abstract: values.3 = newValue
                }
            }
        }
    }

    /// Indexes `papers`. - Complexity: O(total text length).
    public init(papers: [Paper]) {
        self.papers = papers
        fieldLengths.reserveCapacity(papers.count * Field.allCases.count)
        var totalLength = Array(repeating: 0, count: Field.allCases.count)
        var buckets: [[String: [Int32]]] = [[:], [:], [:]]
        var years: [Int: [Int32]] = [:]
        for (number, paper) in papers.enumerated() {
            let doc = Int32(number)
            let fields = Field.allCases.map { termIDs(of: paper, field: $0) }
            var counts: [Int32: FieldCounts] = [:]
            for field in Field.allCases {
                totalLength[field.rawValue] += fields[field.rawValue].count
                for term in fields[field.rawValue] where term != Self.separator {
                    counts[term, default: FieldCounts()][field] &+= 1
                }
            }
            for (term, count) in counts.sorted(by: { $0.key < $1.key }) {
                postings[Int(term)].docs.append(doc)
                postings[Int(term)].counts.append(count)
            }
            fieldLengths += fields.map { UInt16(clamping: $0.count) }
            for (slot, names) in [paper.keywords, paper.authors, paper.category.map { [$0] } ?? []].enumerated() {
                for name in Set(names.map { SearchText.key($0) }) where !name.isEmpty {
                    buckets[slot][name, default: []].append(doc)
                }
                for name in names {
                    let key = SearchText.key(name)
                    switch slot {
                    case 0: if tagNames[key] == nil { tagNames[key] = name }
                    case 1: if authorNames[key] == nil { authorNames[key] = name }
                    default: if categoryNames[key] == nil { categoryNames[key] = name }
                    }
                }
            }
            if let year = paper.year { years[year, default: []].append(doc) }
            dateKeys.append(paper.date.map { Int32($0.year * 10_000 + $0.month * 100 + $0.day) } ?? -1)
        }
        tagDocs = buckets[0].mapValues { DocSet(sorted: $0) }
        authorDocs = buckets[1].mapValues { DocSet(sorted: $0) }
        categoryDocs = buckets[2].mapValues { DocSet(sorted: $0) }
        yearDocs = years.mapValues { DocSet(sorted: $0) }
        let count = Double(max(1, papers.count))
        averageFieldLength = totalLength.map { max(1, Double($0) / count) }
    }

    /// The term ids of one field of `paper`, interning new terms.
    private mutating func termIDs(of paper: Paper, field: Field) -> [Int32] {
        var ids: [Int32] = []
        for (position, part) in Self.parts(of: paper, field: field).enumerated() {
            if position > 0 { ids.append(Self.separator) }
            for term in SearchText.terms(part) { ids.append(intern(term)) }
        }
        return ids
    }

    /// The term ids of one field of an indexed document, in order, with
    /// `separator` between two authors or two tags so that a phrase cannot
    /// span them. - Complexity: O(length of the field's text).
    func terms(of doc: Int32, field: Field) -> [Int32] {
        var ids: [Int32] = []
        for (position, part) in Self.parts(of: papers[Int(doc)], field: field).enumerated() {
            if position > 0 { ids.append(Self.separator) }
            for term in SearchText.terms(part) { ids.append(termIDs[term] ?? Self.separator) }
        }
        return ids
    }

    private static func parts(of paper: Paper, field: Field) -> [String] {
        switch field {
        case .title: paper.title.map { [$0] } ?? []
        case .keywords: paper.keywords
        case .authors: paper.authors
        case .abstract: paper.abstract.map { [$0] } ?? []
        }
    }

    private mutating func intern(_ term: String) -> Int32 {
        if let id = termIDs[term] { return id }
        let id = Int32(termNames.count)
        termIDs[term] = id
        termNames.append(term)
        postings.append(Postings())
        return id
    }

    /// The number of indexed papers.
    public var count: Int { papers.count }

    /// Documents containing `term` in any of `fields`. - Complexity: O(postings).
    func docs(containing term: String, in fields: [Field]) -> DocSet {
        guard let id = termIDs[term] else { return DocSet(sorted: []) }
        let list = postings[Int(id)]
        if fields.count == Field.allCases.count { return DocSet(sorted: list.docs) }
        return DocSet(sorted: zip(list.docs, list.counts).compactMap { doc, counts in
            fields.contains { counts[$0] > 0 } ? doc : nil
        })
    }

    /// Whether `phrase` occurs as consecutive terms of one field of `doc`.
    func contains(phrase: [Int32], in fields: [Field], doc: Int32) -> Bool {
        fields.contains { field in
            let terms = self.terms(of: doc, field: field)
            guard terms.count >= phrase.count else { return false }
            return (0...(terms.count - phrase.count)).contains { start in
                terms[start..<(start + phrase.count)].elementsEqual(phrase)
            }
        }
    }

    /// Terms of the vocabulary that start with `prefix`. - Complexity: O(vocabulary).
    func terms(withPrefix prefix: String) -> [String] {
        termNames.filter { $0.hasPrefix(prefix) }
    }
}
