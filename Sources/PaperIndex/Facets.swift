import PaperCatalog
import TextNormalization

/// A dimension to count papers by.
public enum Facet: String, CaseIterable, Sendable {
    case keywords, authors, categories, years
}

/// One value per ``Facet`` (an exact index, or its builder), addressed by
/// the facet rather than by a slot number.
struct PerFacet<Value> {
    private var values: [Value]

    init(_ make: (Facet) throws -> Value) rethrows { values = try Facet.allCases.map(make) }

    subscript(facet: Facet) -> Value {
        get { values[Self.position(facet)] }
        // In place: a builder's arrays are not copied to add one value.
        _modify { yield &values[Self.position(facet)] }
    }

    /// `transform` of every value, facet by facet.
    func map<T>(_ transform: (Value) throws -> T) rethrows -> PerFacet<T> { try PerFacet<T> { try transform(self[$0]) } }

    private static func position(_ facet: Facet) -> Int { Facet.allCases.firstIndex(of: facet)! }
}

extension PerFacet: Sendable where Value: Sendable {}

/// One value of a facet and how many papers have it; `value` is `nil` for
/// papers with none (no category, no date).
public struct FacetCount: Equatable, Sendable {
    /// The value as the first paper counted spells it (an author: the person's most complete
    /// spelling); `nil` in the row of papers with none.
    public var value: String?
    /// How many of the selected papers have the value (an author: under any spelling).
    public var count: Int
    /// Authors only: the spellings of the person among the papers counted,
    /// `value` (the most complete spelling of the catalog) first when it is among them.
    public var variants: [String] = []
    /// Categories counted with inferred ones: papers with no stated category
    /// inferred to be in this one at or above
    /// ``CatalogIndex/inferredCategoryThreshold``; in the row of papers
    /// with no stated category, those left with none. `nil` otherwise.
    public var inferred: Int? = nil
}

/// A facet's counts, and the papers they were counted over.
public struct FacetCounts: Equatable, Sendable {
    /// Most frequent first (years: oldest first unless sorted by count),
    /// papers with no value (no category, no date) last.
    public var rows: [FacetCount]
    /// The papers counted: those the request selects.
    public var papers: Int
    /// Of those, the ones whose records list only some of their authors, or none.
    public var incompleteAuthorLists: Int
}

extension CatalogIndex {
    /// Counts the papers `request` selects (those `list` would print) by
    /// `facet`, most frequent first (years: the `top` most frequent, oldest
    /// first, unless `yearsByCount`), papers with no value last.
    ///
    /// Counts come from the exact index of the facet: each value's posting
    /// list, its length when nothing is filtered, otherwise its papers
    /// tested against the selection held as a bitmap; no paper is decoded.
    /// A value is spelled as the first paper counted spells it, in `list`'s
    /// order (papers carrying more of the `--keyword` tags exactly first,
    /// then newest). Categories with `request.includesInferred` also count,
    /// apart (``FacetCount/inferred``), the categories inferred for papers
    /// whose sources state none, and rank by both counts together. Authors
    /// are counted by identity (``AuthorIdentities``): a paper counts once
    /// for a person however it spells the name (two spellings on one paper
    /// are never one identity, so a person's count is the sum of their
    /// spellings' counts).
    /// - Complexity: unfiltered, O(values of the facet) (categories with
    ///   inferred ones: O(papers)); filtered, O(papers + postings of the
    ///   facet), after the filters' own cost (``search(_:)``); then
    ///   O(v log v) to rank the v values that can make the `top`.
    public func count(
        _ facet: Facet, matching request: SearchRequest = SearchRequest(), top: Int? = nil,
        yearsByCount: Bool = false
    ) throws(SearchError) -> FacetCounts {
        let selected = try FacetSelection(self, request)
        let rows =
            switch facet {
            case .authors: countAuthors(selected, top: top)
            case .keywords: countValues(tags, in: selected, top: top)
            case .categories: countValues(categories, in: selected, top: top, withMissing: true, inferring: request.includesInferred)
            case .years: countValues(years, in: selected, top: top, withMissing: true, oldestFirst: !yearsByCount)
            }
        return FacetCounts(rows: rows, papers: selected.count, incompleteAuthorLists: selected.count(of: DocSet(view: incompleteAuthors)))
    }
}

extension CatalogIndex {
    /// The values of `exact` among the selected papers, most first (ties by
    /// spelling); the `top` most frequent, then `oldestFirst` by spelling;
    /// `withMissing`, a last row of the papers with none (a paper has at
    /// most one category and one year, so they are the papers not counted).
    /// - Complexity: O(postings of `exact`), or O(values) unfiltered; inferring, + O(papers).
    fileprivate func countValues(
        _ exact: ExactIndex, in selected: FacetSelection, top: Int?, withMissing: Bool = false,
        inferring: Bool = false, oldestFirst: Bool = false
    ) -> [FacetCount] {
        let (counts, first) = selected.tally(exact)
        var keys = counts.indices.filter { counts[$0] > 0 }
        let counted = keys.reduce(0) { $0 + counts[$1] }
        // Inferred counts add to the ranking: every row is kept then.
        if !inferring { keys = Self.contenders(keys, by: { counts[$0] }, top: top) }
        let spellings = exact.spellings(ofKeys: keys, at: keys.map { first[$0] })
        var result = zip(keys, spellings).map { FacetCount(value: $1, count: counts[$0], inferred: inferring ? 0 : nil) }
        var uninferred = 0
        if inferring {
            // Per row, the paper its spelling comes from; by key, the row.
            var spelledBy = keys.map { exact.docs[first[$0]] }
            var rowOfKey = Dictionary(uniqueKeysWithValues: keys.enumerated().map { (exact.keys[$1], $0) })
            let tally = selected.tallyInferred(self)
            uninferred = tally.uninferred
            for category in tally.counts.indices where tally.counts[category] > 0 {
                let name = inferred.names[category]
                let key = SearchText.key(name)
                if let row = rowOfKey[key] {
                    result[row].inferred! += tally.counts[category]
                    if selected.precedes(tally.first[category], spelledBy[row]) {
                        result[row].value = name
                        spelledBy[row] = tally.first[category]
                    }
                } else {
                    result.append(FacetCount(value: name, count: 0, inferred: tally.counts[category]))
                    spelledBy.append(tally.first[category])
                    rowOfKey[key] = result.count - 1
                }
            }
        }
        let total = { (count: FacetCount) in count.count + (count.inferred ?? 0) }
        result.sort { total($0) != total($1) ? total($0) > total($1) : $0.value! < $1.value! }
        if let top { result = Array(result.prefix(top)) }
        if oldestFirst { result.sort { $0.value! < $1.value! } }
        let missing = selected.count - counted
        if withMissing, missing > 0 {
            result.append(FacetCount(value: nil, count: missing, inferred: inferring ? uninferred : nil))
        }
        return result
    }

    /// Papers per person, most first (ties by name), with the spellings
    /// seen: the identity's keys with selected papers, in its order.
    /// - Complexity: O(postings of the authors), or O(author keys) unfiltered.
    fileprivate func countAuthors(_ selected: FacetSelection, top: Int?) -> [FacetCount] {
        let (counts, _) = selected.tally(authors)
        var papersOf = [Int](repeating: 0, count: identities.count)
        var counted: [Int] = []
        for key in counts.indices where counts[key] > 0 {
            let identity = Int(identities.identityOfKey[key])
            guard papersOf.indices.contains(identity) else {
                identities.identityOfKey.reportOutOfBounds("identity out of range")
                continue
            }
            if papersOf[identity] == 0 { counted.append(identity) }
            papersOf[identity] += counts[key]
        }
        var result = Self.contenders(counted, by: { papersOf[$0] }, top: top).map { identity in
            let keys = identities.keys(of: identity).map(Int.init).filter(counts.indices.contains)
            return FacetCount(
                value: keys.first.map { authors.names[$0] }, count: papersOf[identity],
                variants: keys.filter { counts[$0] > 0 }.map { authors.names[$0] })
        }
        result.sort { $0.count != $1.count ? $0.count > $1.count : ($0.value ?? "") < ($1.value ?? "") }
        return top.map { Array(result.prefix($0)) } ?? result
    }

    /// The `candidates` that can be among the `top` with the largest
    /// `count` once ties are broken: those counting at least as much as the
    /// `top`-th; all of them without `top`. Only these get their names
    /// read and sorted.
    /// - Complexity: O(candidates × log candidates).
    fileprivate static func contenders(_ candidates: [Int], by count: (Int) -> Int, top: Int?) -> [Int] {
        guard let top, top >= 1, top < candidates.count else { return candidates }
        let least = candidates.map(count).sorted(by: >)[top - 1]
        return candidates.filter { count($0) >= least }
    }
}

/// The papers a facet counts: every paper, or a selection held as a
/// bitmap, with the order `list` prints them in (papers carrying more of
/// the `--keyword` tags exactly first, then newest first), which picks
/// the spelling a value is shown with.
private struct FacetSelection {
    let documents: Int
    /// The selected papers; `nil`: every paper.
    let members: DocBitmap?
    /// The selected papers, ascending; `nil`: every paper.
    let docs: DocSet?
    let count: Int
    /// Per paper, how many `--keyword` tags it carries exactly; `nil` without them.
    let carried: [UInt16]?

    /// The papers `request` selects, phrases checked.
    /// - Complexity: O(the filters' postings + papers).
    init(_ index: CatalogIndex, _ request: SearchRequest) throws(SearchError) {
        let selection = try index.select(request)
        var docs = index.matches(selection)
        let phrases = selection.plan.phrases
        if !phrases.isEmpty {
            docs = (docs ?? DocSet(sorted: Array(selection.dated))).keeping { doc in
                phrases.allSatisfy { index.contains(phrase: $0.terms, in: $0.fields, doc: doc) }
            }
        }
        documents = index.count
        self.docs = docs
        count = docs?.count ?? documents
        members = docs.map { DocBitmap($0, documents: index.count) }
        if selection.exactTags.isEmpty {
            carried = nil
        } else {
            var carried = [UInt16](repeating: 0, count: documents)
            for exact in selection.exactTags {
                for doc in exact where carried.indices.contains(Int(doc)) { carried[Int(doc)] &+= 1 }
            }
            self.carried = carried
        }
    }

    /// Whether `a` comes before `b` in `list`'s order; both selected.
    func precedes(_ a: Int32, _ b: Int32) -> Bool {
        guard let carried else { return a < b }
        let (x, y) = (carried[Int(a)], carried[Int(b)])
        return x != y ? x > y : a < b
    }

    /// How many of `docs` are selected.
    /// - Complexity: O(`docs`).
    func count(of docs: DocSet) -> Int {
        guard let members else { return docs.count }
        return docs.count(where: members.contains)
    }

    /// Per key of `exact`, its selected papers, and the position in
    /// `exact.docs` of the first of them in `list`'s order (-1 for none).
    /// - Complexity: O(keys) unfiltered, else O(postings of `exact`).
    func tally(_ exact: ExactIndex) -> (counts: [Int], first: [Int]) {
        let keys = exact.keys.count
        var counts = [Int](repeating: 0, count: keys)
        var first = [Int](repeating: -1, count: keys)
        guard let members else {
            for key in 0..<keys {
                let span = exact.starts.span(at: key, within: exact.docs.count)
                counts[key] = span.count
                if !span.isEmpty { first[key] = span.lowerBound }
            }
            return (counts, first)
        }
        for key in 0..<keys {
            let span = exact.starts.span(at: key, within: exact.docs.count)
            let docs = exact.docs.slice(span)
            var found = 0
            var best = -1
            var bestCarried = -1
            for (offset, doc) in docs.enumerated() {
                guard doc >= 0, Int(doc) < documents else {
                    exact.docs.reportOutOfBounds("document out of range")
                    continue
                }
                guard members.contains(doc) else { continue }
                found += 1
                if let carried {
                    if Int(carried[Int(doc)]) > bestCarried { (best, bestCarried) = (offset, Int(carried[Int(doc)])) }
                } else if best < 0 {
                    best = offset
                }
            }
            counts[key] = found
            if best >= 0 { first[key] = span.lowerBound + best }
        }
        return (counts, first)
    }

    /// Among the selected papers whose sources state no category, per
    /// category of the model, those inferred to be in it with at least
    /// ``CatalogIndex/inferredCategoryThreshold`` and the first of them in
    /// `list`'s order; and how many are left with none.
    /// - Complexity: O(papers + postings of the categories).
    func tallyInferred(_ index: CatalogIndex) -> (counts: [Int], first: [Int32], uninferred: Int) {
        let categories = index.inferred.names.count
        var counts = [Int](repeating: 0, count: categories)
        var first = [Int32](repeating: -1, count: categories)
        var stated = DocBitmap(documents: documents)
        for key in 0..<index.categories.keys.count {
            for doc in index.categories.docs(at: key) { stated.insert(doc) }
        }
        let categoryOfDoc = index.inferred.categoryOfDoc.buffer
        let confidenceOfDoc = index.inferred.confidenceOfDoc.buffer
        var uninferred = 0
        func visit(_ doc: Int32) {
            guard (0..<documents).contains(Int(doc)), !stated.contains(doc) else { return }
            let category = categoryOfDoc.indices.contains(Int(doc)) ? Int(categoryOfDoc[Int(doc)]) : -1
            guard (0..<categories).contains(category), confidenceOfDoc.indices.contains(Int(doc)),
                Double(confidenceOfDoc[Int(doc)]) >= CatalogIndex.inferredCategoryThreshold
            else {
                uninferred += 1
                return
            }
            counts[category] += 1
            if first[category] < 0 || precedes(doc, first[category]) { first[category] = doc }
        }
        if let docs { docs.forEach(visit) } else { (0..<Int32(documents)).forEach(visit) }
        return (counts, first, uninferred)
    }
}

/// A set of document numbers `0..<documents`, one bit each: membership in
/// O(1) for a selection of any size (125 KB per million papers).
private struct DocBitmap {
    private var words: [UInt64]

    init(documents: Int) { words = Array(repeating: 0, count: (documents + 63) / 64) }

    init(_ docs: DocSet, documents: Int) {
        self.init(documents: documents)
        for doc in docs { insert(doc) }
    }

    /// Adds `doc`; a number out of range (only damage can give one) is ignored.
    mutating func insert(_ doc: Int32) {
        guard doc >= 0, Int(doc) >> 6 < words.count else { return }
        words[Int(doc) >> 6] |= 1 << UInt64(doc & 63)
    }

    @inline(__always)
    func contains(_ doc: Int32) -> Bool {
        doc >= 0 && Int(doc) >> 6 < words.count && words[Int(doc) >> 6] & 1 << UInt64(doc & 63) != 0
    }
}
