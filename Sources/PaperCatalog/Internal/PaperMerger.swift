/// Merges entries that describe the same paper (same arXiv id, same title
/// of 20 letters or more, same title and date, or same abstract, once folded) into one record that keeps every source and takes
/// each field from the source that states it best.
enum PaperMerger {
    /// Returns the merged records in first-seen order, and for each input
    /// paper the index of the record it went into.
    static func merge(_ papers: [Paper]) -> (records: [Paper], recordOf: [Int]) {
        var parent = Array(papers.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        var firstByKey: [String: Int] = [:]
        for (index, paper) in papers.enumerated() {
            for key in matchKeys(paper) {
                if let other = firstByKey[key] {
                    let (a, b) = (root(other), root(index))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    firstByKey[key] = index
                }
            }
        }
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

    private static func matchKeys(_ paper: Paper) -> [String] {
        var keys: [String] = []
        if let id = paper.arxivId { keys.append("id:" + id.lowercased()) }
        if let title = paper.title.map(squeezed), !title.isEmpty {
            if title.utf8.count >= 20 { keys.append("title:" + title) }
            if let date = paper.date { keys.append("dated-title:\(date) " + title) }
        }
        if let abstract = paper.abstract.map(squeezed), abstract.count >= 100 {
            keys.append("abstract:" + abstract)
        }
        return keys
    }

    /// Letters and digits only, folded: robust to spacing, case and punctuation.
    private static func squeezed(_ text: String) -> String {
        String(decoding: TextFolding.alphanumerics(text), as: UTF8.self)
    }

    private static func combine(_ papers: [Paper]) -> Paper {
        var merged = papers[0]
        let complete = papers.filter(\.authorsComplete).max { $0.authors.count < $1.authors.count }
        let longest = papers.max { $0.authors.count < $1.authors.count }!
        let authorSource = complete ?? longest
        merged.authors = authorSource.authors
        merged.authorsComplete = authorSource.authorsComplete
        merged.authorCount = authorSource.authorsComplete
            ? authorSource.authors.count
            : papers.compactMap(\.authorCount).max()
        let dated = papers.first { $0.date != nil && !$0.dateYearInferred } ?? papers.first { $0.date != nil }
        merged.date = dated?.date
        merged.dateYearInferred = dated?.dateYearInferred ?? false
        merged.title = papers.lazy.compactMap(\.title).first
        merged.organization = papers.lazy.compactMap(\.organization).first
        merged.category = papers.lazy.compactMap(\.category).first
        merged.abstract = papers.compactMap(\.abstract).max { $0.count < $1.count }
        let tagged = papers.first { $0.keywordLine != nil }
        merged.keywordLine = tagged?.keywordLine
        merged.keywords = tagged?.keywords ?? []
        merged.arxivId = papers.lazy.compactMap(\.arxivId).first
        merged.comments = papers.lazy.compactMap(\.comments).first
        merged.upvotes = papers.compactMap(\.upvotes).max()
        merged.sources = papers.flatMap(\.sources)
        return merged
    }
}
