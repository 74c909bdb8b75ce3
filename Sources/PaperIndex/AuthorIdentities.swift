import TextNormalization

/// Which author spellings of the catalog name one person: `V. Ashley
/// Villar`, `V. A. Villar`, `Ashley Villar` and `Victoria Ashley Villar`
/// are one identity, `Kyle Cranmer` and `Miles Cranmer` two.
///
/// Built once at index time over the author keys (``ExactIndex``, so
/// spellings that differ only in case, accents or full stops are already one
/// key), and saved with the index. The rules (``PersonName/Likeness``):
///
/// - two spellings can be one person only with the same surname (or the
///   same words in another order) and given names that agree: a full name
///   with itself or a nickname (`Alex`, `Alexander`), an initial with any
///   name it starts, a middle name missing on one side;
/// - two spellings on the same paper are two people;
/// - when a full first name agrees (`Alexander T.` ~ `Alexander`), they
///   are grouped;
/// - when only initials agree (`A.` ~ `Alexander`, `V. A.` ~ `Victoria
///   Ashley`), or a leading initial is dropped, or the order differs, they
///   are grouped only with evidence: a coauthor in common (by surname and
///   first initial) or ``minimumSharedTags`` keyword tags in common; and not
///   when the bare spelling has such evidence for two people who cannot be
///   one;
/// - a group never holds two spellings that cannot be one person, so a
///   bare `A. Smith` never joins `Alice Smith` and `Andrew Smith` together.
///
/// Measured on `Bench/authors/pairs.tsv` (`iaifi-bench authors`).
struct AuthorIdentities: Sendable {
    /// Per author key (position in ``CatalogIndex/authors``), its identity.
    let identityOfKey: Column<Int32>
    /// Identity `i`'s keys are `members[memberStarts[i]..<memberStarts[i + 1]]`:
    /// the spelling to show first (``displayOrder``), then the others, most papers first.
    let memberStarts: Column<Int64>
    let members: Column<Int32>

    /// Keyword tags two spellings must share, with no coauthor in common,
    /// to be one person when only initials agree (tuned on `tune` pairs).
    static let minimumSharedTags = 2

    var count: Int { max(0, memberStarts.count - 1) }

    /// The author keys of identity `identity`, its shown spelling first.
    func keys(of identity: Int) -> UnsafeBufferPointer<Int32> {
        members.slice(memberStarts.span(at: identity, within: members.count))
    }

    var isConsistent: Bool {
        memberStarts.first == 0 && memberStarts.last.map { Int($0) == members.count } ?? false
            && members.count == identityOfKey.count
    }
}

extension AuthorIdentities {
    /// Groups the keys of `authors` (tags: `tags`, the evidence of topics).
    /// - Complexity: O(postings + Σ over surnames of spellings²).
    static func build(authors: ExactIndex, tags: ExactIndex, categories: ExactIndex, documents: Int) -> AuthorIdentities {
        let keyCount = authors.keys.count
        let names = (0..<keyCount).map { PersonName(authors.names[$0]) }
        let papers = (0..<keyCount).map { authors.docs(at: $0) }
        let authorsOfDoc = Inverted(papers, documents: documents)
        let tagsOfDoc = Inverted((0..<tags.keys.count).map { tags.docs(at: $0) }, documents: documents)
        let categoriesOfDoc = Inverted((0..<categories.keys.count).map { categories.docs(at: $0) }, documents: documents)

        // Candidate pairs: same surname, or the same words in another order.
        var bySurname: [String: [Int]] = [:]
        var bySignature: [[String]: [Int]] = [:]
        for (key, name) in names.enumerated() {
            guard let name else { continue }
            bySurname[name.surname, default: []].append(key)
            if name.wordSignature.count >= 2 { bySignature[name.wordSignature, default: []].append(key) }
        }
        var groups = Array(bySurname.values.filter { $0.count > 1 })
        groups += bySignature.values.filter { keys in keys.count > 1 && Set(keys.map { names[$0]!.surname }).count > 1 }

        var likeness: [Pair: PersonName.Likeness] = [:]
        var likely: [Pair] = []
        var possible: [Pair] = []
        for group in groups {
            for (index, a) in group.enumerated() {
                for b in group[(index + 1)...] {
                    let pair = Pair(a, b)
                    guard likeness[pair] == nil else { continue }
                    var alike = names[a]!.likeness(to: names[b]!)
                    // On one paper together: two people.
                    if alike != .incompatible, !papers[a].intersection(papers[b]).isEmpty { alike = .incompatible }
                    likeness[pair] = alike
                    if alike == .likely { likely.append(pair) } else if alike == .possible { possible.append(pair) }
                }
            }
        }
        func compatible(_ a: Int, _ b: Int) -> Bool { a == b || (likeness[Pair(a, b)] ?? .incompatible) != .incompatible }

        // Evidence for the pairs whose names alone do not show it.
        var coauthors: [Int: Set<String>] = [:]
        func coauthorsOf(_ key: Int) -> Set<String> {
            if let known = coauthors[key] { return known }
            var found = Set<String>()
            for doc in papers[key] {
                for other in authorsOfDoc[Int(doc)] where Int(other) != key {
                    guard let name = names[Int(other)], name.surname != names[key]?.surname else { continue }
                    found.insert(name.surname + " " + String(name.given.first?.initial ?? " "))
                }
            }
            coauthors[key] = found
            return found
        }
        func tagsOf(_ key: Int) -> Set<Int32> { Set(papers[key].flatMap { tagsOfDoc[Int($0)] }) }
        func categoriesOf(_ key: Int) -> Set<Int32> { Set(papers[key].flatMap { categoriesOfDoc[Int($0)] }) }
        // Surnames whose spellings could all be one person: no one else for an initial to be.
        let oneSurname = Set(
            bySurname.compactMap { surname, keys in
                keys.indices.allSatisfy { i in keys[(i + 1)...].allSatisfy { compatible(keys[i], $0) } } ? surname : nil
            })
        var evidenced: [(pair: Pair, strength: Int)] = []
        for pair in possible {
            let shared = coauthorsOf(pair.a).intersection(coauthorsOf(pair.b)).count
            let sharedTags = tagsOf(pair.a).intersection(tagsOf(pair.b)).count
            let alone = oneSurname.contains(names[pair.a]!.surname) && names[pair.a]!.surname == names[pair.b]!.surname
            let sameField = !categoriesOf(pair.a).isDisjoint(with: categoriesOf(pair.b))
            if shared > 0 || sharedTags >= minimumSharedTags || (alone && (sharedTags > 0 || sameField)) {
                evidenced.append((pair, shared * 100 + sharedTags))
            }
        }

        // Union, never joining two groups with a pair that cannot be one person.
        var group = Array(0..<keyCount)
        var memberList = (0..<keyCount).map { [$0] }
        func root(_ key: Int) -> Int {
            var key = key
            while group[key] != key { key = group[key] }
            return key
        }
        func canJoin(_ a: Int, _ b: Int) -> Bool {
            memberList[a].allSatisfy { x in memberList[b].allSatisfy { y in compatible(x, y) } }
        }
        func join(_ pair: Pair) {
            let (a, b) = (root(pair.a), root(pair.b))
            guard a != b, canJoin(a, b) else { return }
            let (big, small) = memberList[a].count >= memberList[b].count ? (a, b) : (b, a)
            group[small] = big
            memberList[big] += memberList[small]
            memberList[small] = []
        }
        for pair in likely { join(pair) }
        // Evidence for two groups that cannot be one: a bare initial stays apart.
        var evidencedGroups: [Int: Set<Int>] = [:]
        for (pair, _) in evidenced {
            evidencedGroups[pair.a, default: []].insert(root(pair.b))
            evidencedGroups[pair.b, default: []].insert(root(pair.a))
        }
        func ambiguous(_ key: Int) -> Bool {
            let roots = Array(evidencedGroups[key] ?? [])
            return roots.indices.contains { i in roots[(i + 1)...].contains { !canJoin(roots[i], $0) } }
        }
        for (pair, _) in evidenced.sorted(by: { ($0.strength, $1.pair) > ($1.strength, $0.pair) })
        where !ambiguous(pair.a) && !ambiguous(pair.b) {
            join(pair)
        }

        // Identities in key order of their first member; the shown spelling first.
        var identityOfKey = [Int32](repeating: 0, count: keyCount)
        var starts: [Int64] = [0]
        var members: [Int32] = []
        for key in 0..<keyCount where group[key] == key {
            let identity = Int32(starts.count - 1)
            let ordered = memberList[key].sorted { a, b in
                let (x, y) = (displayOrder(names[a], papers[a].count), displayOrder(names[b], papers[b].count))
                return x != y ? y.lexicographicallyPrecedes(x) : a < b
            }
            for member in ordered { identityOfKey[member] = identity }
            members += ordered.map(Int32.init)
            starts.append(Int64(members.count))
        }
        return AuthorIdentities(identityOfKey: Column(identityOfKey), memberStarts: Column(starts), members: Column(members))
    }

    /// The most complete spelling first: most full given names, then most
    /// papers, then most given names (then the key's order).
    private static func displayOrder(_ name: PersonName?, _ papers: Int) -> [Int] {
        let given = name?.given ?? []
        return [given.count { !$0.isInitial }, papers, given.count]
    }

    /// A pair of keys, the smaller first.
    struct Pair: Hashable, Comparable {
        let a: Int, b: Int
        init(_ x: Int, _ y: Int) { (a, b) = x < y ? (x, y) : (y, x) }
        static func < (l: Pair, r: Pair) -> Bool { (l.a, l.b) < (r.a, r.b) }
    }

    /// Per document, the keys holding it: an ``ExactIndex`` turned around.
    private struct Inverted {
        var starts: [Int], keys: [Int32]

        init(_ docsOfKey: [DocSet], documents: Int) {
            starts = Array(repeating: 0, count: documents + 1)
            for docs in docsOfKey { for doc in docs { starts[Int(doc) + 1] += 1 } }
            for doc in 0..<documents { starts[doc + 1] += starts[doc] }
            var next = starts
            keys = Array(repeating: 0, count: starts[documents])
            for (key, docs) in docsOfKey.enumerated() {
                for doc in docs {
                    keys[next[Int(doc)]] = Int32(key)
                    next[Int(doc)] += 1
                }
            }
        }

        subscript(doc: Int) -> ArraySlice<Int32> { keys[starts[doc]..<starts[doc + 1]] }
    }
}

extension CatalogIndex {
    /// The author keys a typed name stands for, each with every spelling of
    /// its identity: keys holding the name's words in order (`Tegmark`,
    /// `Max Tegmark`, as before identities), and keys whose name is
    /// compatible with it (`Thaler, Jesse`, `J. Thaler`, `Thaler, J`,
    /// `Villar, V. A.`): with the same full first name, or, for a name
    /// typed with initials only, any name the initials fit. Initials that fit
    /// several people (`A. Smith`) stand for all of them.
    /// - Complexity: O(log keys + keys holding the surname + their identities' keys).
    func authorKeys(matching typed: String) -> Set<Int> {
        var matched = Set(authors.positions(containing: SearchText.key(typed)))
        if let query = PersonName(typed, query: true), !query.given.isEmpty {
            // A full first name picks its person (and, through the identity, the initials grouped with it);
            // initials alone pick every person they could be.
            let initialsOnly = query.given.allSatisfy(\.isInitial)
            for key in authors.positions(containing: SearchText.key(query.surnameText)) {
                guard let name = PersonName(authors.names[key]), name.surname == query.surname else { continue }
                let likeness = query.likeness(to: name)
                if likeness == .likely || (initialsOnly && likeness == .possible) { matched.insert(key) }
            }
        }
        var expanded = Set<Int>()
        for key in matched where !expanded.contains(key) {
            expanded.formUnion(identities.keys(of: Int(identities.identityOfKey[key])).map(Int.init))
        }
        return expanded
    }

    /// Papers by the person (or people) a typed name stands for (``authorKeys(matching:)``).
    func docs(byAuthor typed: String) -> DocSet {
        DocSet.union(authorKeys(matching: typed).sorted().map(authors.docs(at:)))
    }

    /// Papers whose first author is one `typed` stands for.
    func docs(byFirstAuthor typed: String) -> DocSet {
        let keys = authorKeys(matching: typed)
        return DocSet.union(keys.sorted().map(authors.docs(at:))).keeping { doc in
            guard let first = papers.parts(of: Int(doc), field: .authors).first,
                let key = authors.keys.index(of: SearchText.key(first))
            else { return false }
            return keys.contains(key)
        }
    }

    /// How many indexed records list only some of their authors (or none),
    /// and how many of them do not name every person `names` stand for:
    /// the papers an author filter may miss, because the person is among
    /// the authors not listed.
    /// - Complexity: O(those records + the names' papers).
    public func truncatedAuthorLists(notNaming names: [String]) -> (truncated: Int, unnamed: Int) {
        let truncated = DocSet(view: incompleteAuthors)
        guard !names.isEmpty else { return (truncated.count, truncated.count) }
        // A record misses the filter when it does not name one of them.
        var named = docs(byAuthor: names[0])
        for name in names.dropFirst() { named = named.intersection(docs(byAuthor: name)) }
        return (truncated.count, truncated.subtracting(named).count)
    }
}

extension CatalogIndex {
    /// The identity the author spelling `name` belongs to, if the catalog has it.
    package func identity(ofAuthor name: String) -> Int? {
        authors.keys.index(of: SearchText.key(name)).map { Int(identities.identityOfKey[$0]) }
    }
}

/// Hand-labelled pairs of author spellings (`Bench/authors/pairs.tsv`:
/// `a`, `b`, `same`, `note`, `split`) and how the grouping does on them.
package struct AuthorPairs {
    package struct Pair {
        package var a: String, b: String, same: Bool, split: String
    }

    /// Counts for one split: pairs grouped that are one person (true
    /// positives), grouped that are two (false), one person left apart (false negatives).
    package struct Score: Equatable {
        package var pairs = 0, truePositives = 0, falsePositives = 0, falseNegatives = 0
        package var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        package var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
    }

    package var pairs: [Pair]

    /// Reads the TSV text (one header line).
    package init(tsv: String) {
        pairs = tsv.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 5 else { return nil }
            return Pair(a: columns[0], b: columns[1], same: columns[2] == "1", split: columns[4])
        }
    }

    /// Whether `index` groups each pair, and the mistakes.
    package func evaluate(_ index: CatalogIndex) -> (scores: [String: Score], mistakes: [(Pair, grouped: Bool)]) {
        var scores: [String: Score] = [:]
        var mistakes: [(Pair, grouped: Bool)] = []
        for pair in pairs {
            let ids = (index.identity(ofAuthor: pair.a), index.identity(ofAuthor: pair.b))
            let grouped = ids.0 != nil && ids.0 == ids.1
            for split in [pair.split, "all"] {
                scores[split, default: Score()].pairs += 1
                switch (grouped, pair.same) {
                case (true, true): scores[split]!.truePositives += 1
                case (true, false): scores[split]!.falsePositives += 1
                case (false, true): scores[split]!.falseNegatives += 1
                case (false, false): break
                }
            }
            if grouped != pair.same { mistakes.append((pair, grouped)) }
        }
        return (scores, mistakes)
    }
}
