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
        guard words.count > 1, !name.utf8.contains(UInt8(ascii: ",")) else { return words.joined(separator: " ") }
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
        // Each word, and its parts unless it holds braces or commands outside
        // math: then it is the author's own LaTeX.
        let words = split(spaced(title), separators: [UInt8(ascii: " ")]).map { word -> (word: String, parts: [String]?) in
            let isLaTeX = outsideMath(word).utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 == backslash }
            return (word, isLaTeX ? nil : split(word, separators: [UInt8(ascii: "-"), UInt8(ascii: "/")]))
        }
        let properNouns = ProperNouns(abstract ?? "", askedOf: words.flatMap { $0.parts ?? [] })
        let written = words.map { word, parts -> String in
            guard let parts else { return escape(word) }
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
        return finished(written.joined(separator: " "))
    }

    /// Field text: controls become spaces, `&`, `%`, `#`, `_`, `^` and an
    /// unpaired `$` outside math are escaped (unless already escaped),
    /// unbalanced braces are dropped, and a trailing backslash (which would
    /// escape the field's closing brace in LaTeX) is removed.
    static func text(_ value: String) -> String { finished(escape(spaced(value))) }

    /// A citation key BibTeX accepts: no spaces, commas, braces or quotes.
    private static func key(_ id: String) -> String {
        let unsafe = Set(" ,{}\"#%'()=\\~".utf8)
        return String(decoding: id.utf8.map { unsafe.contains($0) ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }
}

extension BibTeX {
    /// `&`, `%`, `#`, `_`, `^` and an unpaired `$` outside math escaped,
    /// unless a backslash already escapes them; math kept as written.
    fileprivate static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == dollar || $0 == UInt8(ascii: "^") || isEscaped($0) }) else { return value }
        let bytes = Array(value.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let escaped = index > 0 && bytes[index - 1] == backslash
            if byte == dollar, !escaped {
                if let close = closingDollar(bytes, after: index) {
                    output += bytes[index...close]
                    index = close + 1
                    continue
                }
                output += [backslash, dollar]
            } else if !escaped, isEscaped(byte) {
                output += [backslash, byte]
            } else if !escaped, byte == UInt8(ascii: "^") {
                output += "\\^{}".utf8
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
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
        if part.utf8.contains(dollar) { return true }
        let letters = letters(of: part)
        if letters.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the same tests on bytes, without the Unicode tables.
            let isUpper = { (byte: UInt8) in byte &- UInt8(ascii: "A") < 26 }
            guard let first = letters.utf8.first else { return false }
            if letters.utf8.dropFirst().contains(where: isUpper) { return true }
            if letters.utf8.count == 1, isUpper(first) { return !(wholeWord && letters == "A") }
            return isUpper(first) && properNouns.contains(letters)
        }
        guard let first = letters.first else { return false }
        if letters.dropFirst().contains(where: \.isUppercase) { return true }
        if letters.count == 1, first.isUppercase { return !(wholeWord && letters == "A") }
        return first.isUppercase && properNouns.contains(letters)
    }

    /// The letters of a title word or part, which decide whether it is
    /// braced: for ASCII, read as bytes without the Unicode tables.
    fileprivate static func letters(of part: String) -> String {
        guard part.utf8.allSatisfy({ $0 < 0x80 }) else { return part.filter(\.isLetter) }
        return String(decoding: part.utf8.filter { ($0 | 0x20) &- UInt8(ascii: "a") < 26 }, as: UTF8.self)
    }

    /// Tokens split after each separator outside `$...$`, separators kept
    /// as their own tokens except spaces, which are dropped.
    fileprivate static func split(_ text: String, separators: Set<UInt8>) -> [String] {
        let bytes = Array(text.utf8)
        var tokens: [String] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == dollar, index == 0 || bytes[index - 1] != backslash, let close = closingDollar(bytes, after: index) {
                current += bytes[index...close]
                index = close + 1
                continue
            }
            if separators.contains(byte) {
                tokens.append(String(decoding: current, as: UTF8.self))
                if byte != UInt8(ascii: " ") { tokens.append(String(decoding: [byte], as: UTF8.self)) }
                current = []
            } else {
                current.append(byte)
            }
            index += 1
        }
        tokens.append(String(decoding: current, as: UTF8.self))
        return tokens.filter { !$0.isEmpty }
    }

    /// The `$` that closes the math opened at `open`, if any.
    fileprivate static func closingDollar(_ bytes: [UInt8], after open: Int) -> Int? {
        var index = open + 1
        while index < bytes.count {
            if bytes[index] == dollar, bytes[index - 1] != backslash { return index }
            index += 1
        }
        return nil
    }

    /// The text with its `$...$` spans removed.
    fileprivate static func outsideMath(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == dollar, index == 0 || bytes[index - 1] != backslash, let close = closingDollar(bytes, after: index) {
                index = close + 1
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Controls, line breaks and tabs as spaces, runs of spaces as one.
    fileprivate static func spaced(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let space = scalar == " " || scalar.isActedOnByTerminals
            if space, lastWasSpace { continue }
            if space {
                output.append(UInt8(ascii: " "))
            } else if scalar.isASCII {
                output.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                output += UTF8.encode(scalar)!
            }
            lastWasSpace = space
        }
        if output.last == UInt8(ascii: " ") { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text with every brace that has no partner dropped (BibTeX counts
    /// braces even after a backslash, so `\{` goes with its backslash).
    fileprivate static func balanced(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else { return text }
        var bytes = Array(text.utf8)
        var open: [Int] = []
        var unmatched: [Int] = []
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "{") {
                open.append(index)
            } else if byte == UInt8(ascii: "}") {
                if open.popLast() == nil { unmatched.append(index) }
            }
        }
        unmatched += open
        guard !unmatched.isEmpty else { return text }
        for index in unmatched.sorted(by: >) {
            bytes.remove(at: index)
            if index > 0, bytes[index - 1] == backslash { bytes.remove(at: index - 1) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // Every character these helpers act on is ASCII, so they work on UTF-8
    // bytes: a byte of a longer character is never one of them.
    private static let dollar = UInt8(ascii: "$")

    /// `&`, `%`, `#` and `_`, which a backslash escapes.
    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "_")
    }
    private static let backslash = UInt8(ascii: "\\")
}

/// Capitalised words an abstract writes capitalised in mid-sentence and
/// never in lower case: proper nouns, as far as the abstract can tell.
struct ProperNouns {
    private var words: Set<String> = []

    /// Reads the abstract scalar by scalar, ASCII classified without the
    /// Unicode tables; a combining mark stays with the letter before it.
    ///
    /// Only the letters of `parts` (title words, or parts of them) are
    /// asked about: an ASCII word of the abstract of another length than
    /// any of theirs is passed over, which leaves every answer the same
    /// (an ASCII word keeps its length in lower case).
    init(_ abstract: String, askedOf parts: [String]) {
        var lengths: UInt64 = 0
        for part in parts {
            // The letters asked about (``BibTeX/protects(_:wholeWord:properNouns:)``).
            let letters = BibTeX.letters(of: part)
            if letters.utf8.allSatisfy({ $0 < 0x80 }) { lengths |= Self.bit(forLength: letters.utf8.count) }
        }
        var capitalised: Set<String> = []
        var lowered: Set<String> = []
        var word: [UInt8] = []
        var isASCII = true
        var (startsUpper, restLower, allLower) = (false, true, true)
        var previous: Unicode.Scalar = "."
        var beforeWord: Unicode.Scalar = "."
        // A space after the last word ends it like any other.
        for scalar in (abstract + " ").unicodeScalars {
            if Self.isLetter(scalar) {
                if word.isEmpty {
                    beforeWord = previous
                    (startsUpper, restLower, allLower) = (Self.isUppercase(scalar), true, Self.isLowercase(scalar))
                } else {
                    let lower = Self.isLowercase(scalar)
                    (restLower, allLower) = (restLower && lower, allLower && lower)
                }
                if scalar.isASCII {
                    word.append(UInt8(scalar.value))
                } else {
                    word += UTF8.encode(scalar)!
                    isASCII = false
                }
                previous = scalar
                continue
            }
            if !word.isEmpty, Self.isMark(scalar) {
                word += UTF8.encode(scalar)!
                isASCII = false
                continue
            }
            if !word.isEmpty, isASCII, lengths & Self.bit(forLength: word.count) == 0 {
                word.removeAll(keepingCapacity: true)
            }
            if !word.isEmpty {
                if startsUpper, restLower {
                    if !Self.endsSentence(beforeWord) { capitalised.insert(String(decoding: word, as: UTF8.self)) }
                } else if allLower {
                    lowered.insert(String(decoding: word, as: UTF8.self))
                }
                word.removeAll(keepingCapacity: true)
            }
            isASCII = true
            if !Self.isWhitespace(scalar) { previous = scalar }
        }
        words = capitalised.filter { !lowered.contains($0.lowercased()) }
    }

    /// Whether a word after `scalar` starts a sentence (or a clause after a colon).
    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || scalar == ":"
    }

    /// One bit per word length; lengths from 63 on share the last.
    private static func bit(forLength length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }

    func contains(_ word: String) -> Bool { words.contains(word) }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value | 0x20) &- 0x61 < 26 : scalar.properties.isAlphabetic
    }

    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value &- 0x41 < 26 : scalar.properties.isUppercase
    }

    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value &- 0x61 < 26 : scalar.properties.isLowercase
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        return switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
