import PaperCatalog
import TextNormalization

/// Why a paper matched a ranked query: the query words found in each of
/// its fields, and an excerpt around the best match.
public struct Matches: Sendable, Equatable {
    /// The query words (as typed) found in one field, in query order.
    public struct FieldWords: Sendable, Equatable {
        public var field: Field
        public var words: [String]
    }

    /// A stretch of the abstract, or of the title when the abstract holds
    /// no query word, with the matched words marked.
    public struct Excerpt: Sendable, Equatable {
        public var field: Field
        /// The stretch, with `…` where it cuts the field.
        public var text: String
        /// Each matched word's place in `text`, in Unicode scalars (code points).
        public var highlights: [Range<Int>]
    }

    /// Fields in the order title, keywords, authors, abstract; only those holding a query word.
    public var fields: [FieldWords]
    public var excerpt: Excerpt?
}

extension CatalogIndex {
    /// Bytes of context an excerpt keeps before its first match, and its most bytes.
    static let excerptLead = 60, excerptLength = 200

    /// Why `paper` (document `doc`) matched `plan`: each field re-read
    /// through the query's normalisation. - Complexity: O(the paper's text).
    func matches(of paper: Paper, for plan: QueryPlan) -> Matches {
        var labels: [Int32: (label: String, order: Int)] = [:]
        for (order, term) in plan.clauses.flatMap({ $0.alternatives.flatMap(\.terms) }).enumerated() {
            if let label = plan.labels[term], labels[term] == nil { labels[term] = (label, order) }
        }
        var fields: [Matches.FieldWords] = []
        var found: [Field: [(range: Range<Int>, label: String)]] = [:]
        for field in Field.allCases {
            var words: [String: Int] = [:]
            var offset = 0
            for part in Builder.parts(of: paper, field: field) {
                SearchText.forEachTerm(in: part) { term, range, _ in
                    guard let id = termID(term), let (label, order) = labels[id] else { return }
                    words[label] = order
                    found[field, default: []].append((range.lowerBound + offset..<range.upperBound + offset, label))
                }
                offset += part.utf8.count + 1
            }
            if !words.isEmpty { fields.append(.init(field: field, words: words.sorted { $0.value < $1.value }.map(\.key))) }
        }
        let excerpt: Matches.Excerpt? = [Field.abstract, .title].lazy.compactMap { field -> Matches.Excerpt? in
            guard let hits = found[field], let text = Builder.parts(of: paper, field: field).first else { return nil }
            return Self.excerpt(of: text, around: hits, field: field)
        }.first
        return Matches(fields: fields, excerpt: excerpt)
    }

    /// The window of `text` holding the most distinct matched words (the
    /// first such), cut at spaces.
    static func excerpt(of text: String, around hits: [(range: Range<Int>, label: String)], field: Field) -> Matches.Excerpt {
        let utf8 = Array(text.utf8)
        var best = (start: 0, end: 0, words: -1)
        for hit in hits {
            let start = max(0, hit.range.lowerBound - excerptLead), end = min(utf8.count, start + excerptLength)
            let words = Set(hits.filter { $0.range.lowerBound >= start && $0.range.upperBound <= end }.map(\.label)).count
            if words > best.words { best = (start, end, words) }
        }
        var (start, end, _) = best
        let inside = hits.filter { $0.range.lowerBound >= start && $0.range.upperBound <= end }
        // Cut at spaces, never inside a word or a character.
        if start > 0 {
            let first = inside.first?.range.lowerBound ?? start
            while start < first, utf8[start - 1] != UInt8(ascii: " ") { start += 1 }
        }
        if end < utf8.count {
            let last = inside.last?.range.upperBound ?? end
            while end > last, utf8[end] != UInt8(ascii: " ") { end -= 1 }
        }
        while start < end, utf8[start] & 0xC0 == 0x80 { start += 1 }
        while end < utf8.count, end > start, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        let lead = start > 0 ? 1 : 0
        // Unicode scalars from `start` to each byte offset.
        func scalars(upTo offset: Int) -> Int { lead + utf8[start..<offset].count { $0 & 0xC0 != 0x80 } }
        // A compound (`multi-scale`) overlaps its parts: marks that overlap merge.
        var highlights: [Range<Int>] = []
        for hit in inside.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let range = scalars(upTo: hit.range.lowerBound)..<scalars(upTo: hit.range.upperBound)
            if let last = highlights.last, range.lowerBound <= last.upperBound {
                highlights[highlights.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                highlights.append(range)
            }
        }
        let body = String(decoding: utf8[start..<end], as: UTF8.self)
        return Matches.Excerpt(field: field, text: (lead == 1 ? "…" : "") + body + (end < utf8.count ? "…" : ""), highlights: highlights)
    }
}
