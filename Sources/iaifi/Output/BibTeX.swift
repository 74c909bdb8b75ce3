import PaperCatalog

/// BibTeX entries a paper can cite, in the shape of arXiv's own export.
///
/// Every entry is `@misc` (no dump names a journal; arXiv and INSPIRE export
/// preprints so) keyed by the record id, with `title` (capitals that must
/// stay, and math, protected by braces), `author` (`Last, First` joined by
/// `and`, `and others` when the list was truncated; else `key`, the title, which
/// styles sort and label by), `year`, `month` (a
/// month macro), and for papers with an arXiv id `eprint`,
/// `archivePrefix = {arXiv}` and `url`; then `keywords`, `annote` (the
/// comments: pages, figures, venue, which styles do not print) and
/// `abstract`. Text keeps LaTeX (`$...$` math, commands) and UTF-8; `&`,
/// `%`, `#`, `_`, `^` and an unpaired `$` outside math are escaped,
/// unbalanced braces dropped, and control characters become spaces.
enum BibTeX {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func entry(for paper: Paper) -> String {
        var fields: [(String, String)] = []
        if let title = paper.title { fields.append(("title", "{" + self.title(title, abstract: paper.abstract) + "}")) }
        if let author = authorField(paper) {
            fields.append(("author", "{" + author + "}"))
        } else {
            // What styles sort and label an entry with no author by.
            fields.append(("key", "{" + text(paper.title ?? paper.id) + "}"))
        }
        if let date = paper.date {
            fields.append(("year", "{\(date.year)}"))
            fields.append(("month", months[date.month - 1]))
        }
        if let arxivId = paper.arxivId {
            fields.append(("eprint", "{" + text(arxivId) + "}"))
            fields.append(("archivePrefix", "{arXiv}"))
        }
        if paper.urlKind == .arxiv { fields.append(("url", "{" + paper.url + "}")) }
        if !paper.keywords.isEmpty { fields.append(("keywords", "{" + text(paper.keywords.joined(separator: ", ")) + "}")) }
        if let comments = paper.comments { fields.append(("annote", "{" + text(comments) + "}")) }
        if let abstract = paper.abstract { fields.append(("abstract", "{" + text(abstract) + "}")) }
        let body = fields.map { "  \($0.0) = \($0.1)" }.joined(separator: ",\n")
        return "@misc{\(key(paper.id)),\n\(body)\n}\n"
    }

    /// The `author` field: every name as `Last, First`, `and others` when the
    /// list is incomplete; the organisation, braced, when no name is known.
    static func authorField(_ paper: Paper) -> String? {
        var names = paper.authors.map(name)
        if names.isEmpty, let organization = paper.organization { names = ["{" + text(organization) + "}"] }
        guard !names.isEmpty else { return nil }
        if !paper.authorsComplete { names.append("others") }
        return names.joined(separator: " and ")
    }

    /// A name as BibTeX's `von Last, Jr, First`: `Victoria Ashley Villar` is
    /// `Villar, Victoria Ashley`; lower-case particles start the surname
    /// (`Johannes Diderik van der Waals` is `van der Waals, Johannes
    /// Diderik`); `Jr.`, `Sr.`, `II`-`IV` are kept apart. A name already with
    /// a comma is kept; one holding the word `and` or naming a
    /// collaboration is braced whole, so BibTeX does not split it.
    static func name(_ name: String) -> String {
        let words = text(name).split(separator: " ").map(String.init)
        if words.contains(where: { $0.lowercased() == "and" }) || words.contains(where: corporateWords.contains) {
            return "{" + words.joined(separator: " ") + "}"
        }
        guard words.count > 1, !name.contains(",") else { return words.joined(separator: " ") }
        var given = words
        var suffix: String?
        if given.count > 2, let last = given.last, suffixes.contains(last) {
            suffix = last
            given.removeLast()
        }
        let surnameStart = given.indices.dropLast().first { given[$0].first?.isLowercase == true } ?? given.count - 1
        let surname = given[surnameStart...].joined(separator: " ")
        let first = given[..<surnameStart].joined(separator: " ")
        guard !first.isEmpty else { return surname }
        return [surname, suffix, first].compactMap { $0 }.joined(separator: ", ")
    }

    /// A title whose capitals survive a style that lowercases titles
    /// (`plain`, `abbrv`, ...): each word, or part of a hyphenated word,
    /// that holds math (`{$SU(2)$}`), a capital after its first letter
    /// (`{LSST}`, `{GW170817}`, `{OmniJet}`, `{LLMs}`), or is a capital
    /// letter alone (`{S}-wave`, `Part {I}`; not the article `A`) is braced, and so is a
    /// capitalised word the abstract writes capitalised mid-sentence and
    /// never in lower case (a proper noun: `{Fisher}`, `{Gaussian}`).
    /// Words holding braces or LaTeX commands outside math are left as written.
    static func title(_ title: String, abstract: String?) -> String {
        let properNouns = ProperNouns(abstract ?? "")
        let words = split(spaced(title), separators: [" "]).map { word -> String in
            // A word with braces or commands outside math is the author's own LaTeX.
            if outsideMath(word).contains(where: { "{}\\".contains($0) }) { return escape(word) }
            let parts = split(word, separators: ["-", "/"])
            return parts.map { part -> String in
                if part == "-" || part == "/" { return part }
                guard protects(part, wholeWord: parts.count == 1, properNouns: properNouns) else { return escape(part) }
                // Punctuation around the word stays outside the braces: `({GCN})`, `{AI} {Feynman}:`.
                let isWord: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "$" }
                let start = part.firstIndex(where: isWord) ?? part.startIndex
                let end = part.lastIndex(where: isWord).map(part.index(after:)) ?? part.endIndex
                return escape(String(part[..<start])) + "{" + escape(String(part[start..<end])) + "}" + escape(String(part[end...]))
            }.joined()
        }
        return finished(words.joined(separator: " "))
    }

    /// Field text: controls become spaces, `&`, `%`, `#`, `_`, `^` and an
    /// unpaired `$` outside math are escaped (unless already escaped),
    /// unbalanced braces are dropped, and a trailing backslash (which would
    /// escape the field's closing brace in LaTeX) is removed.
    static func text(_ value: String) -> String { finished(escape(spaced(value))) }

    /// A citation key BibTeX accepts: no spaces, commas, braces or quotes.
    private static func key(_ id: String) -> String {
        String(id.map { " ,{}\"#%'()=\\~".contains($0) ? "_" : $0 })
    }
}

extension BibTeX {
    /// `&`, `%`, `#`, `_`, `^` and an unpaired `$` outside math escaped,
    /// unless a backslash already escapes them; math kept as written.
    fileprivate static func escape(_ value: String) -> String {
        var output = ""
        let characters = Array(value)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let escaped = index > 0 && characters[index - 1] == "\\"
            if character == "$", !escaped {
                if let close = closingDollar(characters, after: index) {
                    output += String(characters[index...close])
                    index = close + 1
                    continue
                }
                output += "\\$"
            } else if !escaped, "&%#_".contains(character) {
                output += "\\" + String(character)
            } else if !escaped, character == "^" {
                output += "\\^{}"
            } else {
                output.append(character)
            }
            index += 1
        }
        return output
    }

    /// Unbalanced braces dropped, and a trailing backslash, which would
    /// escape the field's closing brace in LaTeX.
    fileprivate static func finished(_ text: String) -> String {
        var output = balanced(text)
        while output.hasSuffix("\\") { output.removeLast() }
        return output
    }

    fileprivate static let suffixes: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"]
    fileprivate static let corporateWords: Set<String> = ["Collaboration", "Consortium", "Team", "Group", "Project", "Survey"]

    /// Whether a title word (or part of a hyphenated one) needs braces.
    fileprivate static func protects(_ part: String, wholeWord: Bool, properNouns: ProperNouns) -> Bool {
        if part.contains("$") { return true }
        let letters = part.filter(\.isLetter)
        guard let first = letters.first else { return false }
        if letters.dropFirst().contains(where: \.isUppercase) { return true }
        if letters.count == 1, first.isUppercase { return !(wholeWord && letters == "A") }
        return first.isUppercase && properNouns.contains(String(letters))
    }

    /// Tokens split after each separator outside `$...$`, separators kept
    /// as their own tokens except spaces, which are dropped.
    fileprivate static func split(_ text: String, separators: Set<Character>) -> [String] {
        let characters = Array(text)
        var tokens: [String] = []
        var current = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "$", index == 0 || characters[index - 1] != "\\", let close = closingDollar(characters, after: index) {
                current += String(characters[index...close])
                index = close + 1
                continue
            }
            if separators.contains(character) {
                tokens.append(current)
                if character != " " { tokens.append(String(character)) }
                current = ""
            } else {
                current.append(character)
            }
            index += 1
        }
        tokens.append(current)
        return tokens.filter { !$0.isEmpty }
    }

    /// The `$` that closes the math opened at `open`, if any.
    fileprivate static func closingDollar(_ characters: [Character], after open: Int) -> Int? {
        var index = open + 1
        while index < characters.count {
            if characters[index] == "$", characters[index - 1] != "\\" { return index }
            index += 1
        }
        return nil
    }

    /// The text with its `$...$` spans removed.
    fileprivate static func outsideMath(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            if characters[index] == "$", index == 0 || characters[index - 1] != "\\", let close = closingDollar(characters, after: index) {
                index = close + 1
                continue
            }
            output.append(characters[index])
            index += 1
        }
        return output
    }

    /// Controls, line breaks and tabs as spaces, runs of spaces as one.
    fileprivate static func spaced(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let space = scalar == " " || scalar.isActedOnByTerminals
            if space, lastWasSpace { continue }
            output.append(space ? " " : scalar)
            lastWasSpace = space
        }
        if output.last == " " { output.removeLast() }
        return String(output)
    }

    /// The text with every brace that has no partner dropped (BibTeX counts
    /// braces even after a backslash, so `\{` goes with its backslash).
    fileprivate static func balanced(_ text: String) -> String {
        var characters = Array(text)
        var open: [Int] = []
        var unmatched: [Int] = []
        for (index, character) in characters.enumerated() {
            if character == "{" {
                open.append(index)
            } else if character == "}" {
                if open.popLast() == nil { unmatched.append(index) }
            }
        }
        unmatched += open
        guard !unmatched.isEmpty else { return text }
        for index in unmatched.sorted(by: >) {
            characters.remove(at: index)
            if index > 0, characters[index - 1] == "\\" { characters.remove(at: index - 1) }
        }
        return String(characters)
    }
}

/// Capitalised words an abstract writes capitalised in mid-sentence and
/// never in lower case: proper nouns, as far as the abstract can tell.
struct ProperNouns {
    private var words: Set<String> = []

    init(_ abstract: String) {
        var capitalised: Set<String> = []
        var lowered: Set<String> = []
        var word = ""
        var previous: Character = "."
        var beforeWord: Character = "."
        for character in abstract + " " {
            if character.isLetter {
                if word.isEmpty { beforeWord = previous }
                word.append(character)
                previous = character
                continue
            }
            if !word.isEmpty {
                if word.first!.isUppercase, word.dropFirst().allSatisfy(\.isLowercase) {
                    if !".!?:".contains(beforeWord) { capitalised.insert(word) }
                } else if word.allSatisfy(\.isLowercase) {
                    lowered.insert(word)
                }
                word = ""
            }
            if !character.isWhitespace { previous = character }
        }
        words = capitalised.filter { !lowered.contains($0.lowercased()) }
    }

    func contains(_ word: String) -> Bool { words.contains(word) }
}
