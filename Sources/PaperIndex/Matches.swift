import PaperCatalog
import TextNormalization

/// Why a paper matched a ranked query: the query words found in each of
/// its fields, and an excerpt around the best match.
public struct Matches: Sendable, Equatable {
    /// The query words (as typed) found in one field, in query order.
    public struct FieldWords: Sendable, Equatable {
        /// The field the words are in.
        public var field: Field
        /// The query words found there, as typed, in query order.
        public var words: [String]
    }

    /// A stretch of the abstract, or of the title when the abstract holds
    /// no query word, with the matched words marked.
    public struct Excerpt: Sendable, Equatable {
        /// The field the stretch is from: the abstract or the title.
        public var field: Field
        /// The stretch, with `…` where it cuts the field.
        public var text: String
        /// Each matched word's place in `text`, in Unicode scalars (code points).
        public var highlights: [Range<Int>]
    }

    /// Fields in the order title, keywords, authors, abstract; only those holding a query word.
    public var fields: [FieldWords]
    /// A stretch of the abstract or title around the best match; `nil` when neither holds a query word.
    public var excerpt: Excerpt?
}

extension CatalogIndex {
    /// Bytes of context an excerpt keeps before its first match, and its most bytes.
    static let excerptLead = 60, excerptLength = 200

    /// Why document `doc` (`paper`) matched a query whose scoring terms are
    /// `labels` (``QueryPlan/orderedLabels``): the fields holding each term,
    /// from its postings; the excerpt, from re-reading the abstract or title
    /// through the query's normalisation, each distinct spelling unified
    /// once.
    /// - Complexity: O(terms × log postings + the excerpt field's length).
    func matches(of doc: Int32, _ paper: Paper, labels: [Int32: (label: String, order: Int)]) -> Matches {
        var spellings: [String: Int32] = [:]
        var words = Array(repeating: [String: Int](), count: Field.allCases.count)
        for (term, (label, order)) in labels {
            let range = postingRange(term)
            let position = DocSet.firstPosition(in: postingDocs.slice(range), notBelow: doc, from: 0)
            guard position < range.count, postingDocs[range.lowerBound + position] == doc else { continue }
            let counts = FieldCounts(packed: postingCounts[range.lowerBound + position])
            for field in Field.allCases where counts[field] > 0 { words[field.rawValue][label] = order }
        }
        let fields = Field.allCases.filter { !words[$0.rawValue].isEmpty }.map { field in
            Matches.FieldWords(field: field, words: words[field.rawValue].sorted { $0.value < $1.value }.map(\.key))
        }
        guard let field = [Field.abstract, .title].first(where: { !words[$0.rawValue].isEmpty }),
            var text = paper.texts(of: field.stored).first
        else { return Matches(fields: fields, excerpt: nil) }
        var hits: [(range: Range<Int>, label: String)] = []
        var previous: (surface: [UInt8], start: Int) = ([], 0)
        let vocabulary = self.vocabulary
        // The term of a folded word, as the index unified it (``WordForms/unifyTerm(_:)``); -1 if none.
        func term(_ surface: [UInt8]) -> Int32 {
            let key = String(decoding: surface, as: UTF8.self)
            if let known = spellings[key] { return known }
            var unified = surface
            WordForms.unifyTerm(&unified)
            let id = vocabulary.index(of: String(decoding: unified, as: UTF8.self)).map(Int32.init) ?? -1
            spellings[key] = id
            return id
        }
        text.withUTF8 { utf8 in
            SearchText.forEachWord(inUTF8: utf8) { word in
                let surface = Array(word.folded)
                if let (label, _) = labels[term(surface)] { hits.append((word.range, label)) }
                if word.joinsPrevious, let (label, _) = labels[term(previous.surface + surface)] {
                    hits.append((previous.start..<word.range.upperBound, label))
                }
                previous = (surface, word.range.lowerBound)
            }
        }
        return Matches(fields: fields, excerpt: hits.isEmpty ? nil : Self.excerpt(of: text, around: hits, field: field))
    }

    /// The window of `text` holding the most distinct matched words (the
    /// first such), cut at spaces.
    static func excerpt(of text: String, around hits: [(range: Range<Int>, label: String)], field: Field) -> Matches.Excerpt {
        let utf8 = Array(text.utf8)
        var best = (start: 0, end: 0, words: -1)
        for hit in hits {
            let start = max(0, hit.range.lowerBound - excerptLead)
            let end = min(utf8.count, start + excerptLength)
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
