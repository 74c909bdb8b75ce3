import PaperCatalog
import TextNormalization

/// In-memory inverted indices over a catalog's papers: exact indices for
/// keyword tag, author, category and year, and a full-text index over
/// title, keywords, authors and abstract ranked with BM25F.
///
/// Every structure is a flat column (``Column``), so the same index is built
/// in memory or mapped from a snapshot without decoding (``IndexSnapshot``).
/// Papers are numbered by their position in ``papers`` ("doc" numbers).
public struct CatalogIndex: Sendable {
    /// The papers, decoded on access.
    package let papers: PaperStore

    /// The vocabulary, sorted by bytes; a term's id is its position.
    let vocabulary: StringTable
    /// `postingDocs[postingStarts[t]..<postingStarts[t + 1]]`: the documents
    /// containing term `t`, ascending; `postingCounts` holds, at the same
    /// positions, how often per field (``FieldCounts``).
    let postingStarts: Column<Int64>
    let postingDocs: Column<Int32>
    let postingCounts: Column<UInt16>
    /// Per term, the most it adds to a document's score in any field
    /// (idf × the largest saturated frequency among its postings, rounded
    /// up): MaxScore's bound (``topScoring(_:units:limit:within:excluding:parts:)``).
    let termBounds: Column<Float>
    /// Per block of ``blockSize`` postings (by position in `postingDocs`,
    /// whatever their terms), the most any of them adds: MaxScore skips a
    /// block whose bound cannot help (block-max, after Ding & Suel 2011).
    let blockBounds: Column<Float>
    static let blockSize = 64
    /// Per document and field (`doc * 4 + field`), the number of terms:
    /// BM25F's length normalisation. Term positions are not stored; phrases
    /// are checked by re-reading the few candidate fields (``terms(of:field:)``).
    let fieldLengths: Column<UInt16>
    let averageFieldLength: [Double]
    /// Per document, `yyyymmdd` of its date, or -1: sorting without decoding.
    let dateKeys: Column<Int32>

    /// The exact index of each facet's values: tags, authors, categories,
    /// and years (keyed by their four digits).
    let exact: PerFacet<ExactIndex>
    var tags: ExactIndex { exact[.keywords] }
    var authors: ExactIndex { exact[.authors] }
    var categories: ExactIndex { exact[.categories] }
    var years: ExactIndex { exact[.years] }
    /// Acronyms the papers define (`simulation-based inference (SBI)`).
    let acronyms: AcronymTable
    /// Which author keys name one person (``AuthorIdentities``).
    let identities: AuthorIdentities
    /// Documents whose author list is incomplete (cut after a few names,
    /// or only a count or an organisation), ascending.
    let incompleteAuthors: Column<Int32>
    /// Categories inferred for papers whose sources state none.
    let inferred: InferredCategories

    static let separator: Int32 = -1

    /// How often a term occurs in each field of one document, packed into
    /// 16 bits, 4 per field: each count capped at 15, where BM25's term
    /// frequency saturation has long flattened (a 16th occurrence in one
    /// abstract would add under 1% to its weight).
    struct FieldCounts {
        var packed: UInt16

        static let cap: UInt16 = 15

        subscript(field: Field) -> UInt16 { packed >> (4 * UInt16(field.rawValue)) & Self.cap }

        mutating func add(_ field: Field) {
            if self[field] < Self.cap { packed += 1 << (4 * UInt16(field.rawValue)) }
        }
    }

    /// Indexes `papers`, numbering them newest first (undated last, ties
    /// in the order given): the order `list` prints, so that a filter's
    /// first matches are its newest.
    /// - Complexity: O(total text length +
    ///   vocabulary × log vocabulary + papers × log papers).
    ///
    /// The papers' categories are inferred, then the papers are encoded, on
    /// every core, into the records the index keeps, in document order, and
    /// released all at once (pass the array with `consume`, holding no other
    /// reference). The postings are then built from the records, read front
    /// to back, their pages let go a block at a time: indexing needs little
    /// memory beyond the index itself.
    ///
    /// With `recordsIn`, a folder of the user's own (the snapshot cache),
    /// the records go to an unnamed temporary file there and are mapped,
    /// rather than held in memory: at a million papers, 1.5 GB that need not
    /// be resident.
    ///
    /// Documents are indexed on every core, each core a contiguous range of
    /// them with a builder of its own; the builders are then merged in
    /// document order, which gives the index one builder would.
    /// `parts` (for tests) sets how many builders share the documents; by
    /// default, one per core and per ``documentsPerIndexingPart`` papers.
    public init(papers: consuming [Paper], parts: Int? = nil, recordsIn folder: String? = nil) {
        let keys = papers.map { $0.date.map(Self.dateKey) ?? -1 }
        let order = papers.indices.sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }
        var docOfPaper = [Int32](repeating: 0, count: papers.count)
        for (doc, position) in order.enumerated() { docOfPaper[position] = Int32(doc) }
        let inferred = InferredCategories(papers: papers, docOfPaper: docOfPaper)
        // Each paper's record, and the acronyms it defines, found on every
        // core in document order; the definitions weighed in load order.
        var store = PaperStore.Builder(documents: order.count, recordsIn: folder)
        var definitionsOfPaper = [[(acronym: String, expansion: String)]](repeating: [], count: order.count)
        do {
            let loaded = papers
            Parallel.forEach(
                order.count, block: Self.readingBlock, chunk: 256,
                computing: { doc in
                    let paper = loaded[order[doc]]
                    return (
                        record: PaperStore.Builder.record(of: paper),
                        definitions: AcronymTable.Builder.definitions(in: [paper.title, paper.abstract].compactMap { $0 })
                    )
                },
                then: { doc, found in
                    store.add(found.record, id: loaded[order[doc]].id, as: Int32(doc))
                    definitionsOfPaper[order[doc]] = found.definitions
                })
        }
        papers = []
        FreedMemory.release()
        let stored = store.finish()
        var acronyms = AcronymTable.Builder()
        for definitions in definitionsOfPaper { acronyms.add(definitions) }
        definitionsOfPaper = []
        // One builder per core, each over a contiguous range of documents,
        // merged in document order: the index one builder would give.
        let ranges = Self.indexingRanges(
            documents: order.count,
            parts: parts ?? min(Parallel.cores, order.count / Self.documentsPerIndexingPart))
        let dateKeys = order.map { keys[$0] }
        var builders = Parallel.map(ranges.count, chunk: 1) { part in
            var builder = Builder(dateKeys: dateKeys)
            let range = ranges[part]
            for start in stride(from: range.lowerBound, to: range.upperBound, by: Self.readingBlock) {
                let end = min(range.upperBound, start + Self.readingBlock)
                for doc in start..<end { builder.add(stored[doc], as: Int32(doc)) }
                stored.releasePages(ofRecords: start..<end)
            }
            return builder
        }
        var builder = builders.removeFirst()
        for range in ranges.dropFirst() { builder.append(builders.removeFirst(), documents: range) }
        self = builder.finish(papers: stored, inferred: inferred, acronyms: acronyms.finish())
    }

    /// `documents` split into `parts` contiguous ranges as even as can be
    /// (at least one range, none empty unless there are no documents).
    static func indexingRanges(documents: Int, parts: Int) -> [Range<Int>] {
        let count = max(1, min(parts, documents))
        return (0..<count).map { part in (documents * part / count)..<(documents * (part + 1) / count) }
    }

    /// The fewest documents worth a builder of their own by default.
    static let documentsPerIndexingPart = 4_096

    /// How many papers are encoded, or read from their records, between two
    /// returns of the records' pages.
    static let readingBlock = 16_384

    init(
        papers: PaperStore, vocabulary: StringTable, postingStarts: Column<Int64>, postingDocs: Column<Int32>,
        postingCounts: Column<UInt16>, termBounds: Column<Float>, blockBounds: Column<Float>, fieldLengths: Column<UInt16>, averageFieldLength: [Double],
        dateKeys: Column<Int32>,
        exact: PerFacet<ExactIndex>, acronyms: AcronymTable,
        inferred: InferredCategories, identities: AuthorIdentities, incompleteAuthors: Column<Int32>
    ) {
        self.papers = papers
        self.vocabulary = vocabulary
        self.postingStarts = postingStarts
        self.postingDocs = postingDocs
        self.postingCounts = postingCounts
        self.termBounds = termBounds
        self.blockBounds = blockBounds
        self.fieldLengths = fieldLengths
        self.averageFieldLength = averageFieldLength
        self.dateKeys = dateKeys
        self.exact = exact
        self.acronyms = acronyms
        self.inferred = inferred
        self.identities = identities
        self.incompleteAuthors = incompleteAuthors
    }

    /// Whether this index, read from a snapshot, met damage there (a
    /// checksum that failed, a value out of bounds): answers given since
    /// may be wrong or incomplete; discard them and build the index again.
    /// - Complexity: O(1).
    public var isDamaged: Bool { papers.bytes.checkedFile?.isDamaged ?? false }

    /// The number of indexed papers.
    /// - Complexity: O(1).
    public var count: Int { papers.count }

    /// The id of `term`, if indexed.
    /// - Complexity: O(log vocabulary).
    func termID(_ term: String) -> Int32? { vocabulary.index(of: term).map(Int32.init) }

    /// Positions of `term`'s postings in `postingDocs` and `postingCounts`.
    func postingRange(_ term: Int32) -> Range<Int> {
        postingStarts.span(at: Int(term), within: postingDocs.count)
    }

    /// Documents containing term `id` in any of `fields`.
    /// - Complexity: O(postings).
    func docs(containingID id: Int32, in fields: [Field]) -> DocSet {
        let range = postingRange(id)
        if fields.count == Field.allCases.count { return DocSet(view: postingDocs.column(range)) }
        return DocSet(
            sorted: range.compactMap { position in
                let counts = FieldCounts(packed: postingCounts[position])
                return fields.contains { counts[$0] > 0 } ? postingDocs[position] : nil
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

    /// The term ids of one field of an indexed document, in order, with
    /// `separator` between two authors or two tags so that a phrase cannot
    /// span them.
    /// - Complexity: O(length of the field's text).
    func terms(of doc: Int32, field: Field) -> [Int32] {
        var ids: [Int32] = []
        for (position, part) in papers.parts(of: Int(doc), field: field).enumerated() {
            if position > 0 { ids.append(Self.separator) }
            for term in SearchText.terms(part) { ids.append(termID(term) ?? Self.separator) }
        }
        return ids
    }

    /// Terms of the vocabulary that start with `prefix` as typed: its
    /// letters and digits folded (`self-sup` -> `selfsup`, which the
    /// compound of `self-supervised` starts with), or, for one word, its
    /// term (`models` -> `model`). At most
    /// ``maxPrefixTerms``, the most frequent.
    /// - Complexity: O(log vocabulary + matches).
    func terms(withPrefix prefix: String) -> [Int32] {
        let folded = String(decoding: TextFolding.alphanumerics(prefix), as: UTF8.self)
        var forms = [folded]
        let words = SearchText.terms(prefix)
        if words.count == 1 { forms.append(words[0]) }
        var ids = Set<Int32>()
        for form in forms where !form.isEmpty {
            for position in vocabulary.range(withPrefix: form) { ids.insert(Int32(position)) }
        }
        return ids.sorted { (postingRange($0).count, $1) > (postingRange($1).count, $0) }.prefix(Self.maxPrefixTerms).sorted()
    }

    /// The most terms a prefix query expands to.
    static let maxPrefixTerms = 64

    /// The document whose id is `id`, if any.
    /// - Complexity: O(papers).
    public func doc(withID id: String) -> Int? {
        (0..<count).first { papers.id(at: $0) == id }
    }

    /// Documents whose id starts with `prefix`.
    /// - Complexity: O(papers).
    public func docs(withIDPrefix prefix: String) -> [Int] {
        (0..<count).filter { papers.id(at: $0).hasPrefix(prefix) }
    }

    /// The document with this exact id, else the one whose id starts with
    /// `id`: what a user means by an id or a unique prefix of one.
    /// - Complexity: O(papers), plus O(papers × length of `id`) for the
    ///   nearest id when none matches.
    public func resolve(id: String) throws(IDLookupError) -> Int {
        if let doc = doc(withID: id) { return doc }
        let candidates = docs(withIDPrefix: id)
        if candidates.count == 1 { return candidates[0] }
        if candidates.isEmpty {
            throw .notFound(id, nearest: Suggestion.nearest(to: id, in: (0..<count).lazy.map { papers.id(at: $0) }))
        }
        let shown = candidates.prefix(IDLookupError.shownCandidates).map { IDLookupError.Candidate(id: papers.id(at: $0), title: papers[$0].title) }
        throw .ambiguous(id, matching: candidates.count, first: shown)
    }
}

/// Why an id names no single paper (``CatalogIndex/resolve(id:)``).
public enum IDLookupError: Error, Equatable, CustomStringConvertible {
    /// No id is or starts with the text; the nearest id, if one is close.
    case notFound(String, nearest: String?)
    /// Several ids start with the text: how many, and the first few ids
    /// with their titles.
    case ambiguous(String, matching: Int, first: [Candidate])

    /// An id a prefix matched, and its paper's title.
    public struct Candidate: Equatable, Sendable {
        /// The paper's id.
        public var id: String
        /// The paper's title, if it has one.
        public var title: String?
    }

    /// How many candidates an ambiguous prefix lists.
    static let shownCandidates = 10

    /// The problem in words, with the nearest id or the candidates.
    public var description: String {
        switch self {
        case .notFound(let id, let nearest):
            return "no paper with id '\(id)'" + (nearest.map { "; did you mean '\($0)'?" } ?? "")
        case .ambiguous(let id, let count, let first):
            let shown = first.map { "  \($0.id)  \($0.title ?? "")" }.joined(separator: "\n")
            return "id prefix '\(id)' is ambiguous; it matches \(count) papers:\n\(shown)"
        }
    }
}

extension CatalogIndex {
    /// Collects postings and exact values paper by paper, in any order of
    /// document numbers, then lays them out as sorted columns. Terms are
    /// interned as bytes and postings kept in two flat arrays in the order
    /// added, regrouped by term, in document order, at the end.
    struct Builder {
        private var terms = TermTable()
        /// Words as written (folded), the term each unifies to and its
        /// exact-value form (in `keyBytes`): each distinct spelling goes
        /// through ``WordForms`` once.
        private var spellings = TermTable()
        private var termOfSpelling: [Int32] = []
        private var keyOfSpelling: [Range<Int>] = []
        private var keyBytes: [UInt8] = []
        /// Scratch: a word being unified, the word before the current one, an exact key.
        private var unified: [UInt8] = []
        private var previous: [UInt8] = []
        private var key: [UInt8] = []
        /// Per posting, in the order added: the term and its ``FieldCounts``.
        private var postingTerms = ColumnBuilder<Int32>()
        private var postingCounts = ColumnBuilder<UInt16>()
        /// By document number, where its postings are in `postingTerms`.
        private var postingsOfDoc: [Range<Int>]
        /// Scratch for the document being added: counts by term id, and the terms touched.
        private var countsOfTerm: [FieldCounts] = []
        private var termsOfDocument: [Int32] = []
        /// By document number.
        private var fieldLengths: [UInt16]
        private let dateKeys: [Int32]
        private var totalLength = Array(repeating: 0, count: Field.allCases.count)
        private var exact = PerFacet { _ in ExactIndex.Builder() }
        private var incompleteAuthors: [Int32] = []

        /// A builder for documents numbered `0..<dateKeys.count`, each with its ``CatalogIndex/dateKey(_:)`` or -1.
        init(dateKeys: [Int32]) {
            let documents = dateKeys.count
            self.dateKeys = dateKeys
            postingsOfDoc = Array(repeating: 0..<0, count: documents)
            fieldLengths = Array(repeating: 0, count: documents * Field.allCases.count)
        }

        /// Adds `paper` as document `doc`, each number once.
        /// - Complexity: O(length of its text).
        mutating func add(_ paper: Paper, as doc: Int32) {
            for field in Field.allCases {
                var length = 0
                // A tag's or an author's exact key: its words' exact forms joined by spaces (``SearchText/key(_:)``).
                let exactFacet = field.facet
                for var part in paper.texts(of: field.stored) {
                    key.removeAll(keepingCapacity: true)
                    part.withUTF8 { utf8 in
                        SearchText.forEachWord(inUTF8: utf8) { word in
                            let spelling = self.spelling(word.folded)
                            count(termOfSpelling[spelling], in: field)
                            length += 1
                            if exactFacet != nil {
                                if !key.isEmpty { key.append(UInt8(ascii: " ")) }
                                key.append(contentsOf: keyBytes[keyOfSpelling[spelling]])
                            }
                            // Two words joined by a hyphen also count as their compound (``SearchText``).
                            if word.joinsPrevious {
                                previous.append(contentsOf: word.folded)
                                let compound = previous.withUnsafeBufferPointer { self.spelling($0) }
                                count(termOfSpelling[compound], in: field)
                            }
                            previous.removeAll(keepingCapacity: true)
                            previous.append(contentsOf: word.folded)
                        }
                    }
                    if let exactFacet {
                        key.withUnsafeBufferPointer { exact[exactFacet].add(key: $0, name: part, doc: doc) }
                    }
                }
                totalLength[field.rawValue] += length
                fieldLengths[Int(doc) * Field.allCases.count + field.rawValue] = UInt16(clamping: length)
            }
            let firstPosting = postingTerms.count
            for id in termsOfDocument {
                postingTerms.append(id)
                postingCounts.append(countsOfTerm[Int(id)].packed)
                countsOfTerm[Int(id)].packed = 0
            }
            termsOfDocument.removeAll(keepingCapacity: true)
            postingsOfDoc[Int(doc)] = firstPosting..<postingTerms.count
            for (facet, value) in [(Facet.categories, paper.category), (.years, paper.year.map(String.init))] {
                guard let value else { continue }
                var valueKey = SearchText.key(value)
                valueKey.withUTF8 { exact[facet].add(key: $0, name: value, doc: doc) }
            }
            if !paper.authorsComplete { incompleteAuthors.append(doc) }
        }

        /// The id of a folded word's spelling; a new spelling gets its term
        /// (``WordForms/unifyTerm(_:)``) and its exact-value form
        /// (``WordForms/unifyKey(_:)``) once.
        /// - Complexity: O(length) expected.
        private mutating func spelling(_ folded: UnsafeBufferPointer<UInt8>) -> Int {
            let id = Int(spellings.intern(folded))
            if id == termOfSpelling.count {
                unified.removeAll(keepingCapacity: true)
                unified.append(contentsOf: folded)
                WordForms.unifyTerm(&unified)
                termOfSpelling.append(unified.withUnsafeBufferPointer { terms.intern($0) })
                unified.removeAll(keepingCapacity: true)
                unified.append(contentsOf: folded)
                WordForms.unifyKey(&unified)
                keyOfSpelling.append(keyBytes.count..<(keyBytes.count + unified.count))
                keyBytes.append(contentsOf: unified)
            }
            return id
        }

        /// Counts one occurrence of `term` in `field` of the document being added.
        private mutating func count(_ term: Int32, in field: Field) {
            let id = Int(term)
            if id == countsOfTerm.count { countsOfTerm.append(FieldCounts(packed: 0)) }
            if countsOfTerm[id].packed == 0 { termsOfDocument.append(term) }
            countsOfTerm[id].add(field)
        }

        /// Takes in what `other` collected for `documents`, every one of
        /// them above this builder's: the builder that added this one's
        /// documents, then those, would hold the same. Add nothing after.
        /// - Complexity: O(`other`'s postings + its distinct terms and values).
        mutating func append(_ other: consuming Builder, documents: Range<Int>) {
            let termOf = terms.intern(contentsOf: other.terms)
            let shift = postingTerms.count
            // Each column of `other` is freed once copied: a merge holds one
            // copy of that column at a time, not of all its postings.
            do {
                let otherTerms = Self.taken(&other.postingTerms).column()
                for position in 0..<otherTerms.count { postingTerms.append(termOf[Int(otherTerms[position])]) }
            }
            do {
                let otherCounts = Self.taken(&other.postingCounts).column()
                for position in 0..<otherCounts.count { postingCounts.append(otherCounts[position]) }
            }
            let width = Field.allCases.count
            for doc in documents {
                let range = other.postingsOfDoc[doc]
                postingsOfDoc[doc] = (range.lowerBound + shift)..<(range.upperBound + shift)
                for field in 0..<width { fieldLengths[doc * width + field] = other.fieldLengths[doc * width + field] }
            }
            for field in totalLength.indices { totalLength[field] += other.totalLength[field] }
            for facet in Facet.allCases { exact[facet].append(other.exact[facet]) }
            incompleteAuthors += other.incompleteAuthors
        }

        /// The postings regrouped by term, terms in `order`, each term's
        /// documents ascending: where each term's list starts, the
        /// documents, and their ``FieldCounts``.
        ///
        /// A counting sort in `parts` contiguous ranges of documents, each
        /// on a core of its own: each range counts its postings per term,
        /// then places them after those of the ranges before it, so that
        /// each list comes out ascending, as one pass over all documents
        /// would lay it out.
        /// - Complexity: O(postings + vocabulary × parts²).
        static func groupedByTerm(
            _ terms: Column<Int32>, _ counts: Column<UInt16>, postingsOfDoc: [Range<Int>], order: [Int32], parts: Int
        ) -> (starts: [Int64], docs: Column<Int32>, counts: Column<UInt16>) {
            var rankOfTerm = [Int32](repeating: 0, count: order.count)
            for (position, id) in order.enumerated() { rankOfTerm[Int(id)] = Int32(position) }
            let ranks = rankOfTerm
            nonisolated(unsafe) let termOf = terms.buffer
            nonisolated(unsafe) let countOf = counts.buffer
            let ranges = CatalogIndex.indexingRanges(documents: postingsOfDoc.count, parts: parts)
            // Per range, its postings of each term, by rank.
            let countsOfRange = Parallel.map(ranges.count, chunk: 1) { part in
                var counted = [Int32](repeating: 0, count: ranks.count)
                for doc in ranges[part] {
                    for posting in postingsOfDoc[doc] { counted[Int(ranks[Int(termOf[posting])])] += 1 }
                }
                return counted
            }
            var starts = [Int64](repeating: 0, count: order.count + 1)
            for rank in order.indices { starts[rank + 1] = starts[rank] + countsOfRange.reduce(0) { $0 + Int64($1[rank]) } }
            let (firsts, total) = (starts, termOf.count)
            var grouped: Column<UInt16>?
            let docs = Column<Int32>(capacity: total) { docsOutput in
                grouped = Column<UInt16>(capacity: total) { countsOutput in
                    nonisolated(unsafe) let docsOutput = docsOutput
                    nonisolated(unsafe) let countsOutput = countsOutput
                    _ = Parallel.map(ranges.count, chunk: 1) { part in
                        // Where this range's postings of each term go: after those of the ranges before.
                        var next = Array(firsts.dropLast())
                        for earlier in 0..<part {
                            for rank in next.indices { next[rank] += Int64(countsOfRange[earlier][rank]) }
                        }
                        for doc in ranges[part] {
                            for posting in postingsOfDoc[doc] {
                                let rank = Int(ranks[Int(termOf[posting])])
                                let position = Int(next[rank])
                                next[rank] += 1
                                docsOutput[position] = Int32(doc)
                                countsOutput[position] = countOf[posting]
                            }
                        }
                    }
                    return total
                }
                return total
            }
            return (starts, docs, grouped!)
        }

        /// `column`'s values, leaving it empty.
        private static func taken<Element>(_ column: inout ColumnBuilder<Element>) -> ColumnBuilder<Element> {
            defer { column = ColumnBuilder() }
            return column
        }

        /// The fewest postings worth regrouping on more than one core.
        static let postingsPerGroupingPart = 1 << 16

        /// The index of the documents added, whose records are `papers`.
        consuming func finish(papers: PaperStore, inferred: InferredCategories, acronyms: AcronymTable) -> CatalogIndex {
            let order = terms.idsSortedByBytes()
            let documents = dateKeys.count
            let postings = postingTerms.count
            // The postings in the order added go once grouped by term, before
            // the bounds, the exact indices and the identities are built.
            let (starts, docs, groupedCounts) = Self.groupedByTerm(
                Self.taken(&postingTerms).column(), Self.taken(&postingCounts).column(), postingsOfDoc: postingsOfDoc, order: order,
                parts: postings < Self.postingsPerGroupingPart ? 1 : Parallel.cores)
            let average = totalLength.map { max(1, Double($0) / Double(max(1, documents))) }
            let lengths = Column(fieldLengths)
            let scorer = FieldScorer(lengths: lengths, averages: average)
            let allFields = FieldScorer.mask(Field.allCases)
            // Bounds on every core, a range of terms each; a block of postings
            // that two ranges share takes the larger of their bounds.
            let termStarts = starts
            let size = CatalogIndex.blockSize
            let termCount = termStarts.count - 1
            let rangeCount = min(termCount, 256)
            let ranges = Parallel.map(rangeCount, chunk: 1) { range in
                let first = termCount * range / rangeCount
                let end = termCount * (range + 1) / rangeCount
                let firstBlock = Int(termStarts[first]) / size
                var blocks = [Float](repeating: 0, count: (Int(termStarts[end]) + size - 1) / size - firstBlock)
                let bounds = (first..<end).map { term in
                    let postings = Int(termStarts[term])..<Int(termStarts[term + 1])
                    let idf = CatalogIndex.idf(frequency: postings.count, count: documents)
                    var most: Float = 0
                    for position in postings {
                        let score = Float(idf * scorer.saturated(FieldCounts(packed: groupedCounts[position]), docs[position], allFields)).nextUp
                        most = max(most, score)
                        blocks[position / size - firstBlock] = max(blocks[position / size - firstBlock], score)
                    }
                    return most
                }
                return (bounds: bounds, firstBlock: firstBlock, blocks: blocks)
            }
            var blockBounds = [Float](repeating: 0, count: (postings + size - 1) / size)
            for range in ranges {
                for (offset, bound) in range.blocks.enumerated() {
                    blockBounds[range.firstBlock + offset] = max(blockBounds[range.firstBlock + offset], bound)
                }
            }
            let bounds = ranges.flatMap { $0.bounds }
            let exact = exact.map { $0.finish() }
            return CatalogIndex(
                papers: papers, vocabulary: terms.table(order),
                postingStarts: Column(starts), postingDocs: docs, postingCounts: groupedCounts, termBounds: Column(bounds),
                blockBounds: Column(blockBounds),
                fieldLengths: lengths, averageFieldLength: average,
                dateKeys: Column(dateKeys), exact: exact, acronyms: acronyms, inferred: inferred,
                identities: AuthorIdentities.build(authors: exact[.authors], tags: exact[.keywords], categories: exact[.categories], documents: documents),
                incompleteAuthors: Column(incompleteAuthors.sorted()))
        }
    }
}
