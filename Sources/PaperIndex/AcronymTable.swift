import PaperCatalog
import TextNormalization

/// An acronym the catalog defines, and how often.
public struct Acronym: Sendable, Equatable {
    /// As written most often (`SBI`, `LLMs`).
    public var acronym: String
    /// The long form, as first written (`simulation-based inference`).
    public var expansion: String
    /// Papers that define it so.
    public var count: Int
}

/// Acronyms learned from the catalog's own titles and abstracts, where
/// papers define them: `simulation-based inference (SBI)`.
///
/// A definition is a parenthesised short form of 2 to 10 ASCII letters and digits
/// with at least two capitals, after words whose letters spell it, found by
/// Schwartz & Hearst's algorithm (2003, "A simple algorithm for identifying
/// abbreviation definitions in biomedical text"): the short form's
/// characters are matched right to left in the preceding words, the first
/// at the start of a word, and the long form starts there; it must have
/// two words or more and no more than the short form's length + 2. The
/// same short form defined two ways keeps both, each with its count.
struct AcronymTable: Sendable {
    /// Per entry, sorted by acronym key, then most frequent first: the
    /// acronym's search term (`sbi`), as written, the long form's terms
    /// joined by spaces (`simul base infer`), as written, and the count.
    let keys: StringTable
    let forms: StringTable
    let expansionKeys: StringTable
    let expansions: StringTable
    let counts: Column<Int32>
    /// Entry numbers sorted by `expansionKeys`.
    let byExpansion: Column<Int32>

    var count: Int { counts.count }

    subscript(entry: Int) -> Acronym {
        Acronym(acronym: forms[entry], expansion: expansions[entry], count: Int(counts[entry]))
    }

    /// Entries whose acronym key is `key`, most frequent first.
    /// - Complexity: O(log entries).
    func entries(acronym key: String) -> [Int] {
        keys.range(withPrefix: key).filter { keys[$0] == key }
    }

    /// Entries whose long form's key is `key`.
    /// - Complexity: O(log entries).
    func entries(expansion key: String) -> [Int] {
        var low = 0
        var high = byExpansion.count
        while low < high {
            let middle = (low + high) / 2
            if expansionKeys[Int(byExpansion[middle])] < key { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        while low < byExpansion.count, expansionKeys[Int(byExpansion[low])] == key {
            found.append(Int(byExpansion[low]))
            low += 1
        }
        return found
    }

    /// Counts definitions paper by paper; ``finish()`` lays out the table.
    struct Builder {
        /// Per pair of search keys: papers defining it, and its first spelling.
        private var learned: [Pair: (count: Int, spelling: Pair)] = [:]
        /// Each definition as written, and its pair of search keys: catalogs repeat definitions.
        private var keys: [Pair: Pair] = [:]

        private struct Pair: Hashable {
            var acronym: String
            var expansion: String
        }

        /// The definitions in one paper's texts, in order, as
        /// (short form, long form): what ``add(_:)`` takes, found apart
        /// from it so that papers can be read on every core.
        static func definitions(in texts: [String]) -> [(acronym: String, expansion: String)] {
            var found: [(acronym: String, expansion: String)] = []
            for text in texts { AcronymTable.forEachDefinition(in: text) { found.append(($0, $1)) } }
            return found
        }

        /// Adds one paper's ``definitions(in:)``, each pair once per paper.
        mutating func add(_ definitions: [(acronym: String, expansion: String)]) {
            var seen: Set<Pair> = []
            for (acronym, expansion) in definitions {
                let written = Pair(acronym: acronym, expansion: expansion)
                if keys[written] == nil {
                    guard let key = SearchText.terms(acronym).first else { continue }
                    keys[written] = Pair(acronym: key, expansion: SearchText.terms(expansion).joined(separator: " "))
                }
                let pair = keys[written]!
                guard seen.insert(pair).inserted else { continue }
                learned[pair, default: (0, written)].count += 1
            }
        }

        func finish() -> AcronymTable {
            let pairs = learned.keys.sorted { a, b in
                a.acronym != b.acronym
                    ? Array(a.acronym.utf8).lexicographicallyPrecedes(b.acronym.utf8)
                    : learned[a]!.count != learned[b]!.count ? learned[a]!.count > learned[b]!.count : a.expansion < b.expansion
            }
            let byExpansion = pairs.indices.sorted { a, b in
                pairs[a].expansion != pairs[b].expansion ? pairs[a].expansion < pairs[b].expansion : a < b
            }
            return AcronymTable(
                keys: .build(pairs.map(\.acronym)), forms: .build(pairs.map { learned[$0]!.spelling.acronym }),
                expansionKeys: .build(pairs.map(\.expansion)), expansions: .build(pairs.map { learned[$0]!.spelling.expansion }),
                counts: Column(pairs.map { Int32(learned[$0]!.count) }), byExpansion: Column(byExpansion.map(Int32.init)))
        }
    }

    /// Calls `body` with each (short form, long form) that `text` defines.
    /// - Complexity: O(text length); the text is read as UTF-8 bytes.
    static func forEachDefinition(in text: String, _ body: (String, String) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                defer { index += 1 }
                guard utf8[index] == UInt8(ascii: "(") else { continue }
                var close = index + 1
                while close < utf8.count, close - index <= 11, utf8[close] != UInt8(ascii: ")") { close += 1 }
                guard close < utf8.count, utf8[close] == UInt8(ascii: ")") else { continue }
                let short = UnsafeBufferPointer(rebasing: utf8[(index + 1)..<close])
                guard isShortForm(short) else { continue }
                // The words before, back to a clause boundary: at most min(n + 5, 2n) of them.
                let letters = short.count(where: \.isASCIIAlphanumeric)
                let most = min(letters + 5, 2 * letters)
                var start = index
                var words = 0
                while start > 0, !"().;:[]".utf8.contains(utf8[start - 1]) {
                    if utf8[start - 1] == UInt8(ascii: " "), start < index, utf8[start] != UInt8(ascii: " ") {
                        words += 1
                        if words > most { break }
                    }
                    start -= 1
                }
                guard let long = longForm(of: short, in: UnsafeBufferPointer(rebasing: utf8[start..<index])) else { continue }
                body(String(decoding: short, as: UTF8.self), long)
            }
        }
    }

    /// 2 to 10 ASCII letters or digits, starting with a letter, at least two capitals.
    private static func isShortForm(_ short: UnsafeBufferPointer<UInt8>) -> Bool {
        (2...10).contains(short.count) && short[0].isASCIILetter && short.allSatisfy(\.isASCIIAlphanumeric)
            && short.count(where: \.isASCIICapital) >= 2
    }

    /// Schwartz & Hearst's long form of `short` at the end of `candidate`.
    private static func longForm(of short: UnsafeBufferPointer<UInt8>, in candidate: UnsafeBufferPointer<UInt8>) -> String? {
        // A plural short form (`LLMs`) matches without its `s`.
        var letters = short.filter(\.isASCIIAlphanumeric).map(\.asciiLowercased)
        if short.last == UInt8(ascii: "s"), letters.count > 2 { letters.removeLast() }
        var shortIndex = letters.count - 1
        var longIndex = candidate.count - 1
        while shortIndex >= 0 {
            let wanted = letters[shortIndex]
            while longIndex >= 0,
                candidate[longIndex].asciiLowercased != wanted
                    || (shortIndex == 0 && longIndex > 0 && candidate[longIndex - 1].isASCIIAlphanumeric)
            {
                longIndex -= 1
            }
            guard longIndex >= 0 else { return nil }
            longIndex -= 1
            shortIndex -= 1
        }
        var form = Substring(String(decoding: UnsafeBufferPointer(rebasing: candidate[(longIndex + 1)...]), as: UTF8.self))
        // What closes the words before the parenthesis (`\textit{...}`, a quote) is no part of them.
        while let last = form.last, !(last.isLetter || last.isNumber) { form.removeLast() }
        let words = form.split(whereSeparator: { $0 == " " || $0 == "-" })
        let shortText = String(decoding: short, as: UTF8.self).lowercased()
        guard words.count >= 2, words.count <= letters.count + 2, !form.lowercased().contains(shortText),
            !StopWords.contains(words[0])
        else { return nil }
        return String(form)
    }

}
