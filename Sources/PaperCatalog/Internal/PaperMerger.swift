import TextNormalization

/// Merges entries that describe the same paper (same arXiv id, same title
/// of 20 letters or more, same title and date, or same abstract, once folded) into one record that keeps every source and takes
/// each field from the source that states it best.
enum PaperMerger {
    /// Returns the merged records in first-seen order, and for each input
    /// paper the index of the record it went into.
    static func merge(_ papers: consuming [Paper]) -> (records: [Paper], recordOf: [Int]) {
        var parent = Array(papers.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        var firstByKey: [MatchKey: Int] = [:]
        // Keys on every core; grouping in paper order.
        Parallel.forEach(
            papers.count, computing: { [papers] in matchKeys(papers[$0]) },
            then: { index, keys in
                for key in keys {
                    if let other = firstByKey[key] {
                        let (a, b) = (root(other), root(index))
                        if a != b { parent[max(a, b)] = min(a, b) }
                    } else {
                        firstByKey[key] = index
                    }
                }
            })
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        for index in papers.indices {
            let group = root(index)
            if groups[group] == nil { order.append(group) }
            groups[group, default: []].append(index)
        }
        var recordOf = Array(repeating: 0, count: papers.count)
        let records = order.enumerated().map { position, group in
            let members = groups[group]!
            for member in members { recordOf[member] = position }
            return members.count == 1 ? papers[members[0]] : combine(members.map { papers[$0] })
        }
        return (records, recordOf)
    }

    private static func matchKeys(_ paper: Paper) -> [MatchKey] {
        var keys: [MatchKey] = []
        if let id = paper.arxivId { keys.append(MatchKey(.arxivId, Array(id.lowercased().utf8))) }
        if let title = paper.title.map(TextFolding.alphanumerics), !title.isEmpty {
            if title.count >= 20 { keys.append(MatchKey(.title, title)) }
            if let date = paper.date { keys.append(MatchKey(.datedTitle, Array("\(date) ".utf8) + title)) }
        }
        if let abstract = paper.abstract.map(TextFolding.alphanumerics), abstract.count >= 100 {
            keys.append(MatchKey(.abstract, abstract))
        }
        return keys
    }

    /// What two entries must share to be one paper: a kind and a 128-bit
    /// hash of the folded letters and digits (robust to spacing, case and
    /// punctuation). Hashes, not the text itself, so that a million
    /// abstracts are not held twice; two different texts meet with a
    /// chance of about 2⁻¹²⁸ per pair.
    private struct MatchKey: Hashable {
        enum Kind: UInt8 { case arxivId, title, datedTitle, abstract }
        var low: UInt64
        var high: UInt64

        init(_ kind: Kind, _ bytes: [UInt8]) {
            // Two independent multiply-xorshift lanes over the bytes, each
            // finished with the SplitMix64 mixer.
            var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(kind.rawValue)
            var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(kind.rawValue)
            for byte in bytes {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                b = (b &+ UInt64(byte)) &* 0xFF51_AFD7_ED55_8CCD
                b ^= b >> 29
            }
            low = Self.mix(a ^ UInt64(bytes.count))
            high = Self.mix(b &+ UInt64(bytes.count))
        }

        private static func mix(_ value: UInt64) -> UInt64 {
            var z = value
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// One record from the entries of one paper, each field taken as
    /// ``PaperField/merging`` says.
    private static func combine(_ papers: [Paper]) -> Paper {
        var merged = papers[0]
        for field in PaperField.allCases {
            switch field.merging {
            case .firstStated:
                if let stating = papers.first(where: { $0.states(field) }) { merged.copy(field, from: stating) }
            case .longest:
                let longest = papers.max { $0.texts(of: field).first?.count ?? -1 < $1.texts(of: field).first?.count ?? -1 }!
                merged.copy(field, from: longest)
            case .largest:
                if case .optionalNumber(let path) = field.value { merged[keyPath: path] = papers.compactMap { $0[keyPath: path] }.max() }
            case .all:
                if case .sources(let path) = field.value { merged[keyPath: path] = papers.flatMap { $0[keyPath: path] } }
            case .group(let group):
                merged.copy(field, from: source(of: group, among: papers) ?? Paper())
            }
        }
        // A complete list counts itself; a cut one keeps the largest count any entry states.
        merged.authorCount = merged.authorsComplete ? merged.authors.count : papers.compactMap(\.authorCount).max()
        return merged
    }

    /// The entry a group of fields is taken from, if any states it: the
    /// longest complete author list (else the longest), the first date with
    /// a stated year (else the first date), the first keyword line.
    private static func source(of group: PaperField.Group, among papers: [Paper]) -> Paper? {
        switch group {
        case .authors:
            papers.filter(\.authorsComplete).max { $0.authors.count < $1.authors.count } ?? papers.max { $0.authors.count < $1.authors.count }
        case .date: papers.first { $0.date != nil && !$0.dateYearInferred } ?? papers.first { $0.date != nil }
        case .keywords: papers.first { $0.keywordLine != nil }
        }
    }
}
