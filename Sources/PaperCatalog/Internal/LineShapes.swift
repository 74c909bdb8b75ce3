/// Content tests that tell the lines of an entry apart, shared by the readers.
enum LineShape {
    static func isBlank(_ line: String) -> Bool {
        for byte in line.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { continue }
            if byte < 0x80 { return false }
            return line.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        }
        return true
    }

    /// A comma-separated list of personal names or a collaboration, optionally ending in `et al.`.
    static func isAuthorList(_ line: String) -> Bool {
        guard mostlyCapitalised(line) else { return false }
        let names = AuthorList(line).names
        guard !names.isEmpty, line.utf8.count < 20_000 else { return false }
        let plausible = names.filter(isName).count
        return plausible * 10 >= names.count * 9
    }

    /// Capitalised words, a few lower-case particles allowed (`Yara do Amaral
    /// Coutinho`, `Oriol Mayné i Comas`, `MicroBooNE collaboration`), and
    /// initials (`Michael S. Albergo`, `J.-P. Uzan`, `Jr.`); a full stop that
    /// ends a longer word ends a sentence, not a name.
    static func isName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (1...7).contains(words.count), name.utf8.count <= 80,
            let first = words.first?.unicodeScalars.first, first.properties.isUppercase
        else { return false }
        let lowercase = words.count { $0.first?.isLowercase == true }
        return lowercase * 2 <= words.count && words.allSatisfy { $0.last != "." || isInitial($0) }
    }

    /// `R.`, `J.-P.`, `Th.`, `Jr.`: at most three letters, with dots and hyphens.
    private static func isInitial(_ word: Substring) -> Bool {
        word.count { $0.isLetter } <= 3 && word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" }
    }

    /// Whether at most half of the words start with a lower-case ASCII
    /// letter: a cheap test that rules out prose before splitting it.
    private static func mostlyCapitalised(_ line: String) -> Bool {
        var words = 0
        var lowercase = 0
        var atWordStart = true
        for byte in line.utf8 {
            if byte == UInt8(ascii: " ") {
                atWordStart = true
            } else if atWordStart {
                atWordStart = false
                words += 1
                if (97...122).contains(byte) { lowercase += 1 }
            }
        }
        return lowercase * 2 <= words
    }

    /// A run-together keyword line: lower-case words, no sentence punctuation.
    static func isKeywordLine(_ line: String) -> Bool {
        guard !line.isEmpty, line.utf8.count < 600, !line.hasSuffix("."), !containsSentenceBreak(line) else { return false }
        if line.utf8.contains(where: { (65...90).contains($0) }) { return false }
        return line.utf8.allSatisfy { $0 < 0x80 } || !line.unicodeScalars.contains { $0.properties.isUppercase }
    }

    /// Whether `. ` occurs.
    /// - Complexity: one pass over the UTF-8 bytes.
    private static func containsSentenceBreak(_ line: String) -> Bool {
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: " "), previous == UInt8(ascii: ".") { return true }
            previous = byte
        }
        return false
    }

    /// A short capitalised line with no punctuation, such as `All Posts`:
    /// part of the page, not of any paper.
    static func isNavigation(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard (1...3).contains(words.count), line.utf8.count <= 30 else { return false }
        return words.allSatisfy { word in
            word.first?.isUppercase == true && word.allSatisfy { $0.isLetter }
        }
    }
}

/// An author line split into names, remembering whether it was truncated.
struct AuthorList {
    var names: [String]
    var truncated: Bool

    init(_ line: String) {
        var text = Substring(line.trimmed)
        truncated = false
        for marker in [" et al.", " et al", ", et al.", " and others"] where text.hasSuffix(marker) {
            text = text.dropLast(marker.count)
            truncated = true
            break
        }
        names = []
        for part in text.utf8.split(separator: UInt8(ascii: ",")) {
            for name in Self.split(Substring(part), on: " and ") {
                let name = name.trimmed
                if Self.containsLetter(name) { names.append(name) }
            }
        }
        if let last = names.last, last.hasPrefix("and ") { names[names.count - 1] = String(last.dropFirst(4)) }
    }
}

extension AuthorList {
    /// The non-empty pieces of `text` between occurrences of `separator`.
    private static func split(_ text: Substring, on separator: StaticString) -> [Substring] {
        let pattern = UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)
        let utf8 = text.utf8
        var pieces: [Substring] = []
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index...].starts(with: pattern) {
                if start != index { pieces.append(text[start..<index]) }
                index = utf8.index(index, offsetBy: pattern.count)
                start = index
            } else {
                index = utf8.index(after: index)
            }
        }
        if start != utf8.endIndex { pieces.append(text[start...]) }
        return pieces
    }

    private static func containsLetter(_ name: String) -> Bool {
        if name.utf8.contains(where: { (65...90).contains($0 & 0xDF) }) { return true }
        return name.utf8.contains { $0 >= 0x80 } && name.contains { $0.isLetter }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    var trimmed: String {
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
