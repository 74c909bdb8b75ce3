import Foundation

/// Writes a synthetic catalog: `iaifi-papers.txt`, `arxiv-listing.txt` and
/// `hf-daily-papers.txt` in the bundled formats, with realistic lengths,
/// tag and author reuse, and dates from 2015 to 2026.
struct CorpusGenerator {
    var vocabulary: Vocabulary
    var random: SeededGenerator
    private let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    init(vocabulary: Vocabulary, seed: UInt64) {
        self.vocabulary = vocabulary
        random = SeededGenerator(seed: seed)
    }

    mutating func write(papers: Int, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let arxiv = papers / 10
        let hf = papers / 10
        let iaifi = papers - arxiv - hf
        try write(iaifiPage(iaifi), to: folder + "/iaifi-papers.txt")
        try write(arxivListing(arxiv), to: folder + "/arxiv-listing.txt")
        try write(huggingFacePage(hf), to: folder + "/hf-daily-papers.txt")
    }

    private func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    private mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }

    private mutating func title() -> String {
        let words = (0..<Int.random(in: 5...13, using: &random)).map { _ in pick(vocabulary.titleWords) }
        return words.joined(separator: " ") + " \(Int.random(in: 1...99_999, using: &random))"
    }

    private mutating func abstract() -> String {
        (0..<Int.random(in: 4...9, using: &random)).map { _ in pick(vocabulary.sentences) }.joined(separator: ". ") + "."
    }

    private mutating func date() -> (year: Int, month: Int, day: Int) {
        (Int.random(in: 2015...2026, using: &random), Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random))
    }

    private mutating func iaifiPage(_ count: Int) -> String {
        var entries: [String] = []
        var counts: [String: Int] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let category = pick(vocabulary.categories)
            counts[category, default: 0] += 1
            let (year, month, day) = date()
            let authorCount = Int.random(in: 1...5, using: &random)
            var authors = (0..<min(authorCount, 3)).map { _ in pick(vocabulary.authors) }.joined(separator: ", ")
            if authorCount > 3 { authors += " et al." }
            var tags: [String] = []
            while tags.count < 5 {
                let tag = pick(vocabulary.tags)
                if !tags.contains(tag) { tags.append(tag) }
            }
            entries.append("\(category) \(months[month - 1]) \(day), \(year)\n\n\(title())\n\n\(authors)\n\n\(abstract())\n\n\(tags.joined(separator: " "))\n")
        }
        let stated = vocabulary.categories.map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: " ")
        return "Synthetic catalog\n\n\(count) papers \(stated)\n\nLatest\n\n" + entries.joined()
    }

    private mutating func arxivListing(_ count: Int) -> String {
        var entries: [String] = []
        for index in 0..<count {
            let (year, month, day) = date()
            var entry = ""
            if index % 4 == 0 { entry += title() + "\n" + pick(vocabulary.authors) + ", " + pick(vocabulary.authors) + "\n\n" }
            entry += abstract() + "\n\n"
            if index % 3 != 0 { entry += "\(Int.random(in: 4...60, using: &random)) pages, \(Int.random(in: 1...20, using: &random)) figures\n\n" }
            let id = String(format: "%02d%02d.%05d", year % 100, month, index % 100_000)
            entry += "arXiv:\(id)v\(index / 100_000 + 1)\nCreated: \(String(format: "%04d-%02d-%02d", year, month, day))\n"
            entries.append(entry)
        }
        return entries.joined(separator: "\n")
    }

    private mutating func huggingFacePage(_ count: Int) -> String {
        var page = "Daily Papers\n\nApr 20\n"
        for index in 0..<count {
            let (year, month, day) = date()
            let who = index % 10 == 0 ? "Some Lab" : "  • \(Int.random(in: 1...40, using: &random)) authors"
            let when = index % 7 == 0 ? "\(months[month - 1]) \(day)" : "\(months[month - 1]) \(day), \(min(year, 2025))"
            page += "\n\(title())\n\n\(abstract())\n\n\(who)\n·\n\(when)\n"
        }
        return page
    }
}
