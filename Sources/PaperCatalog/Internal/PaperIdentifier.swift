import TextNormalization

/// Gives every record a short, stable, unique id.
///
/// The arXiv id when the record has one; otherwise a citation-style key,
/// `<first author's surname><year><first title word>` (`udrescu2019ai` for "AI Feynman: ..."),
/// or `<first title word><year><second title word>` when no author is named.
/// The surname is the name's last word, its hyphenated parts joined
/// (`Siddharth Mishra-Sharma` -> `mishrasharma2024paperclip`), folded to
/// ASCII letters and digits; for `X Collaboration`, `x`.
/// Keys that collide get `b`, `c`, ... in load order, as BibTeX users expect.
enum PaperIdentifier {
    private static let minorWords: Set<String> = [
        "a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "towards", "toward", "from", "by", "at", "via", "is",
    ]

    static func assign(_ papers: inout [Paper]) {
        var used = Set<String>()
        var collisions: [String: Int] = [:]
        // Keys on every core; collisions settled in load order.
        let bases = Parallel.map(papers.count) { [papers] in papers[$0].arxivId ?? key(for: papers[$0]) }
        for index in papers.indices {
            let base = bases[index]
            var id = base
            while used.contains(id) {
                let count = collisions[base, default: 0] + 1
                collisions[base] = count
                id = base + suffix(count)
            }
            used.insert(id)
            papers[index].id = id
        }
    }

    private static func key(for paper: Paper) -> String {
        let words = (paper.title.map(asciiWords) ?? []).filter { !minorWords.contains($0) }
        let year = paper.year.map(String.init) ?? ""
        if let author = paper.authors.first, let surname = surname(author) {
            return surname + year + (words.first ?? "")
        }
        let key = (words.first ?? "paper") + year + (words.dropFirst().first ?? "")
        return key
    }

    /// The last space-separated word of `name`, its hyphenated parts
    /// joined; the first word of a collaboration.
    private static func surname(_ name: String) -> String? {
        let words = name.split(whereSeparator: \.isWhitespace)
        let word = words.count > 1 && asciiWords(String(words.last!)) == ["collaboration"] ? words.first : words.last
        return word.map { asciiWords(String($0)).joined() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The runs of ASCII letters and digits of the folded text.
    private static func asciiWords(_ text: String) -> [String] {
        TextFolding.fold(text).utf8.split { !(97...122).contains($0) && !(48...57).contains($0) }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// 1 -> "b", 25 -> "z", 26 -> "ba": a bijective base-26 tail.
    private static func suffix(_ number: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var number = number
        var output = ""
        repeat {
            output = String(letters[number % 26]) + output
            number /= 26
        } while number > 0
        return output
    }
}
