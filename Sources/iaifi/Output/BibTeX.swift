import PaperCatalog
import TextNormalization

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
        var output: [UInt8] = []
        output.reserveCapacity(256 + (paper.abstract?.utf8.count ?? 0))
        output += "@misc{".utf8
        output += key(paper.id).utf8
        output += ",".utf8
        // `name = value`, each on a line of its own after the key's.
        func field(_ name: String, _ value: some Sequence<UInt8>, braced: Bool = true) {
            output += "\n  ".utf8
            output += name.utf8
            output += braced ? " = {".utf8 : " = ".utf8
            output += value
            if braced { output.append(UInt8(ascii: "}")) }
            output.append(UInt8(ascii: ","))
        }
        if let title = paper.title { field("title", self.title(title, abstract: paper.abstract).utf8) }
        if let author = authorField(paper) {
            field("author", author.utf8)
        } else {
            // What styles sort and label an entry with no author by.
            field("key", textBytes(paper.title ?? paper.id))
        }
        if let date = paper.date {
            field("year", String(date.year).utf8)
            field("month", months[date.month - 1].utf8, braced: false)
        }
        if let arxivId = paper.arxivId {
            field("eprint", textBytes(arxivId))
            field("archivePrefix", "arXiv".utf8)
        }
        if paper.urlKind == .arxiv { field("url", paper.url.utf8) }
        if !paper.keywords.isEmpty { field("keywords", textBytes(paper.keywords.joined(separator: ", "))) }
        if let comments = paper.comments { field("annote", textBytes(comments)) }
        if let abstract = paper.abstract { field("abstract", textBytes(abstract)) }
        // The last field's comma closes the entry instead.
        output[output.count - 1] = UInt8(ascii: "\n")
        output += "}\n".utf8
        return String(decoding: output, as: UTF8.self)
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
            return (word, isLaTeX ? nil : split(Array(word.utf8), separators: [UInt8(ascii: "-"), UInt8(ascii: "/")]))
        }
        let decisions = words.map { word in word.parts?.map { bracing($0, wholeWord: word.parts!.count == 1) } }
        // The abstract is read only when a word's capital is in question.
        var asked: [String] = []
        for case .ifProperNoun(let letters) in decisions.compactMap({ $0 }).joined() { asked.append(letters) }
        let properNouns = asked.isEmpty ? nil : ProperNouns(abstract ?? "", askedOf: asked)
        let written = zip(words, decisions).map { word, bracing -> String in
            guard let parts = word.parts, let bracing else { return escape(word.word) }
            return zip(parts, bracing).map { part, bracing -> String in
                if part == "-" || part == "/" { return part }
                let braced =
                    switch bracing {
                    case .always: true
                    case .never: false
                    case .ifProperNoun(let letters): properNouns?.contains(letters) ?? false
                    }
                guard braced else { return escape(part) }
                // Punctuation around the word stays outside the braces: `({GCN})`, `{AI} {Feynman}:`.
                let isWord: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "$" }
                let start = part.firstIndex(where: isWord) ?? part.startIndex
                let end = part.lastIndex(where: isWord).map(part.index(after:)) ?? part.endIndex
                return escape(String(part[..<start])) + "{" + escape(String(part[start..<end])) + "}" + escape(String(part[end...]))
            }.joined()
        }
        return String(decoding: finished(Array(written.joined(separator: " ").utf8)), as: UTF8.self)
    }

    /// Field text: controls become spaces, `&`, `%`, `#`, `_`, `^` and an
    /// unpaired `$` outside math are escaped (unless already escaped),
    /// unbalanced braces are dropped, and a trailing backslash (which would
    /// escape the field's closing brace in LaTeX) is removed.
    static func text(_ value: String) -> String { String(decoding: textBytes(value), as: UTF8.self) }

    /// ``text(_:)`` as UTF-8.
    private static func textBytes(_ value: String) -> [UInt8] { finished(escape(spaced(value))) }

    /// A citation key BibTeX accepts: no spaces, commas, braces or quotes.
    private static func key(_ id: String) -> String {
        let unsafe = Set(" ,{}\"#%'()=\\~".utf8)
        return String(decoding: id.utf8.map { unsafe.contains($0) ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }
}

extension BibTeX {
    /// `&`, `%`, `#`, `_`, `^` and an unpaired `$` outside math escaped,
    /// unless a backslash already escapes them; math kept as written.
    fileprivate static func escape(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 == dollar || $0 == UInt8(ascii: "^") || isEscaped($0) }) else { return bytes }
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
        return output
    }

    fileprivate static func escape(_ value: String) -> String { String(decoding: escape(Array(value.utf8)), as: UTF8.self) }

    /// Unbalanced braces dropped, and a trailing backslash, which would
    /// escape the field's closing brace in LaTeX.
    fileprivate static func finished(_ text: [UInt8]) -> [UInt8] {
        var output = balanced(text)
        while output.last == backslash { output.removeLast() }
        return output
    }

    fileprivate static let suffixes: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"]
    fileprivate static let corporateWords: Set<String> = ["Collaboration", "Consortium", "Team", "Group", "Project", "Survey"]

    /// Whether a title word's part is braced.
    fileprivate enum Bracing {
        case always, never
        /// When the abstract writes these letters as a proper noun (``ProperNouns``).
        case ifProperNoun(String)
    }

    /// Whether a title word (or part of a hyphenated one) needs braces.
    fileprivate static func bracing(_ part: String, wholeWord: Bool) -> Bracing {
        if part.utf8.contains(dollar) { return .always }
        let letters = letters(of: part)
        let first: Bool
        if letters.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the same tests on bytes, without the Unicode tables.
            guard let byte = letters.utf8.first else { return .never }
            if letters.utf8.dropFirst().contains(where: \.isASCIICapital) { return .always }
            first = byte.isASCIICapital
        } else {
            guard let character = letters.first else { return .never }
            if letters.dropFirst().contains(where: \.isUppercase) { return .always }
            first = character.isUppercase
        }
        guard first else { return .never }
        if letters.count == 1 { return wholeWord && letters == "A" ? .never : .always }
        return .ifProperNoun(letters)
    }

    /// The letters of a title word or part, which decide whether it is
    /// braced: for ASCII, read as bytes without the Unicode tables.
    fileprivate static func letters(of part: String) -> String {
        guard part.utf8.allSatisfy({ $0 < 0x80 }) else { return part.filter(\.isLetter) }
        return String(decoding: part.utf8.filter(\.isASCIILetter), as: UTF8.self)
    }

    /// Tokens split after each separator outside `$...$`, separators kept
    /// as their own tokens except spaces, which are dropped.
    fileprivate static func split(_ bytes: [UInt8], separators: Set<UInt8>) -> [String] {
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

    /// Controls, line breaks and tabs as spaces, runs of spaces as one,
    /// none at either end.
    fileprivate static func spaced(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var lastWasSpace = true
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                var length = 1
                var space = lead <= UInt8(ascii: " ") || lead == 0x7F
                if lead >= 0x80 {
                    let decoded = Unicode.Scalar.decoded(from: bytes, at: index)
                    length = decoded.length
                    space = decoded.scalar.isActedOnByTerminals
                }
                if !space {
                    for next in index..<index + length { output.append(bytes[next]) }
                } else if !lastWasSpace {
                    output.append(UInt8(ascii: " "))
                }
                lastWasSpace = space
                index += length
            }
            if output.last == UInt8(ascii: " ") { output.removeLast() }
            return output
        }
    }

    /// The text with every brace that has no partner dropped (BibTeX counts
    /// braces even after a backslash, so `\{` goes with its backslash).
    fileprivate static func balanced(_ text: [UInt8]) -> [UInt8] {
        guard text.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else { return text }
        var bytes = text
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
        return bytes
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
    /// Only `letters` (of title words, or parts of them) are asked about:
    /// an ASCII word of the abstract that is none of them in any case is
    /// passed over, which leaves every answer the same.
    init(_ abstract: String, askedOf letters: [String]) {
        // The ASCII letters asked about, in lower case.
        let asked = letters.map { Array($0.utf8) }.filter { $0.allSatisfy { $0 < 0x80 } }.map { $0.map(\.asciiLowercased) }
        var lengths: UInt64 = 0
        for letters in asked { lengths |= Self.bit(forLength: letters.count) }
        var capitalised: Set<String> = []
        var lowered: Set<String> = []
        var abstract = abstract
        abstract.withUTF8 { bytes in
            // The word being read is `bytes[start..<index]`, letters and the marks that go with them.
            var start = 0
            var isASCII = true
            var (startsUpper, restLower, allLower) = (false, true, true)
            var previous: Unicode.Scalar = "."
            var beforeWord: Unicode.Scalar = "."
            var index = 0
            // A space after the last word ends it like any other.
            while index <= bytes.count {
                var scalar: Unicode.Scalar = " "
                var length = 1
                if index < bytes.count { (scalar, length) = Unicode.Scalar.decoded(from: bytes, at: index) }
                let isEmpty = start == index
                if Self.isLetter(scalar) {
                    if isEmpty {
                        beforeWord = previous
                        (startsUpper, restLower, allLower) = (Self.isUppercase(scalar), true, Self.isLowercase(scalar))
                    } else {
                        let lower = Self.isLowercase(scalar)
                        (restLower, allLower) = (restLower && lower, allLower && lower)
                    }
                    isASCII = isASCII && length == 1
                    previous = scalar
                    index += length
                    continue
                }
                if !isEmpty, Self.isMark(scalar) {
                    isASCII = false
                    index += length
                    continue
                }
                if !isEmpty, !isASCII || Self.isAsked(bytes[start..<index], among: asked, lengths: lengths) {
                    let word = String(decoding: bytes[start..<index], as: UTF8.self)
                    if startsUpper, restLower {
                        if !Self.endsSentence(beforeWord) { capitalised.insert(word) }
                    } else if allLower {
                        lowered.insert(word)
                    }
                }
                isASCII = true
                if !Self.isWhitespace(scalar) { previous = scalar }
                index += length
                start = index
            }
        }
        words = capitalised.filter { !lowered.contains($0.lowercased()) }
    }

    /// Whether a word after `scalar` starts a sentence (or a clause after a colon).
    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || scalar == ":"
    }

    /// Whether an ASCII word is one of `asked` (in lower case) in any case.
    private static func isAsked(_ word: Slice<UnsafeBufferPointer<UInt8>>, among asked: [[UInt8]], lengths: UInt64) -> Bool {
        lengths & bit(forLength: word.count) != 0 && asked.contains { $0.count == word.count && zip($0, word).allSatisfy { $0 == $1.asciiLowercased } }
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
