/// The one normalisation used to index, to query and to find keyword words
/// in the prose, so that a query finds what a reader would call the same
/// words:
///
/// - case and diacritics fold (`Jurgen` finds `Jürgen`), and an acronym's
///   plural is its singular (`LLMs` finds `LLM`, `PDEs` finds `PDE`);
/// - hyphens and punctuation separate words (`score based` finds
///   `score-based`), and two words joined by a hyphen also stand as one
///   (`multiscale` finds `multi-scale`);
/// - word forms meet (``WordForms``): plurals, British and American
///   spellings, Latin plurals and, for full-text terms, English stems;
/// - LaTeX math loses its markup and Greek letters are spelled out
///   (`lyman-alpha` finds `Lyman-$α$`, `su(2)` finds `$SU(2)$`).
package enum SearchText {
    /// The full-text search terms of `text`, in order (``WordForms/unifyTerm(_:)``).
    package static func terms(_ text: some StringProtocol) -> [String] {
        var terms: [String] = []
        var term: [UInt8] = []
        withUTF8(of: text) { utf8 in
            forEachWord(inUTF8: utf8) { word in
                term.removeAll(keepingCapacity: true)
                term.append(contentsOf: word.folded)
                WordForms.unifyTerm(&term)
                terms.append(String(decoding: term, as: UTF8.self))
            }
        }
        return terms
    }

    /// The whole text as one comparable key for exact values
    /// (``WordForms/unifyKey(_:)``): `"Score-Based Models"` -> `"score based model"`.
    package static func key(_ text: some StringProtocol) -> String {
        var words: [String] = []
        forEachKeyWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words.joined(separator: " ")
    }

    /// Calls `body` with each full-text term of `text`, its range of UTF-8
    /// offsets in `text`, and whether it is the compound of two words joined
    /// by a hyphen (`multi-scale` gives `multi`, `scale`, then the compound
    /// `multiscale`, spanning both).
    package static func forEachTerm(in text: some StringProtocol, _ body: (String, Range<Int>, _ isCompound: Bool) -> Void) {
        var previous: (surface: [UInt8], start: Int) = ([], 0)
        withUTF8(of: text) { utf8 in
            forEachWord(inUTF8: utf8) { word in
                var term = Array(word.folded)
                WordForms.unifyTerm(&term)
                body(String(decoding: term, as: UTF8.self), word.range, false)
                if word.joinsPrevious {
                    var compound = previous.surface + word.folded
                    WordForms.unifyTerm(&compound)
                    body(String(decoding: compound, as: UTF8.self), previous.start..<word.range.upperBound, true)
                }
                previous = (Array(word.folded), word.range.lowerBound)
            }
        }
    }

    /// Calls `body` with the UTF-8 bytes of each exact-value word of `text`
    /// (``WordForms/unifyKey(_:)``), in order, without making a string of
    /// each: the keyword segmenter's and the exact indices' words.
    package static func forEachKeyWord(in text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        withUTF8(of: text) { forEachKeyWord(inUTF8: $0, body) }
    }

    /// ``forEachKeyWord(in:_:)`` over UTF-8 bytes (valid, or cut at an ASCII byte).
    package static func forEachKeyWord(inUTF8 utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var word: [UInt8] = []
        forEachWord(inUTF8: utf8) { surface in
            word.removeAll(keepingCapacity: true)
            word.append(contentsOf: surface.folded)
            WordForms.unifyKey(&word)
            word.withUnsafeBufferPointer(body)
        }
    }

    /// A word as written: folded, before ``WordForms`` unifies its form.
    package struct Word {
        /// Lower-case letters and digits, diacritics removed.
        package var folded: UnsafeBufferPointer<UInt8>
        /// Its UTF-8 offsets in the text (LaTeX markup inside it included).
        package var range: Range<Int>
        /// Whether a single hyphen joins it to the word before (`multi-scale`).
        package var joinsPrevious: Bool
    }

    /// Calls `body` with each word of UTF-8 text, in order: the tokeniser.
    ///
    /// One pass over the bytes: ASCII is folded inline; `$`, `{` and `}`
    /// vanish without splitting a word; a `\command` splits and is dropped,
    /// unless it names a Greek letter, which becomes a word of its own, as
    /// does a Greek letter written as such; other scalars fold through
    /// ``TextFolding``.
    package static func forEachWord(inUTF8 utf8: UnsafeBufferPointer<UInt8>, _ body: (Word) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var start = 0
        var end = 0
        // Whether the last separator was a single hyphen right after a word.
        var hyphen = false
        var joins = false
        func flush() {
            guard !word.isEmpty else { return }
            word.withUnsafeBufferPointer { body(Word(folded: $0, range: start..<end, joinsPrevious: joins)) }
            word.removeAll(keepingCapacity: true)
            joins = false
        }
        func begin(at index: Int) {
            if word.isEmpty {
                start = index
                joins = hyphen
                hyphen = false
            }
        }
        func emit(_ name: String, _ range: Range<Int>) {
            flush()
            (start, end) = (range.lowerBound, range.upperBound)
            joins = hyphen
            hyphen = false
            word.append(contentsOf: name.utf8)
            flush()
        }
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte.isASCIIAlphanumeric {
                // A run of ASCII letters and digits goes in at once, then folds in place.
                begin(at: index)
                let runStart = index
                while index < utf8.count, utf8[index].isASCIIAlphanumeric { index += 1 }
                end = index
                let old = word.count
                let run = UnsafeBufferPointer(rebasing: utf8[runStart..<index])
                word.append(contentsOf: isAcronymPlural(run) ? UnsafeBufferPointer(rebasing: run.dropLast()) : run)
                word.withUnsafeMutableBufferPointer { word in
                    for position in old..<word.count { word[position] = word[position].asciiLowercased }
                }
                continue
            }
            if byte < 0x80 {
                index += 1
                switch byte {
                case UInt8(ascii: "$"), UInt8(ascii: "{"), UInt8(ascii: "}"): continue
                case UInt8(ascii: "\\"):
                    flush()
                    hyphen = false
                    let commandStart = index
                    while index < utf8.count, utf8[index].isASCIILetter { index += 1 }
                    let command = String(decoding: utf8[commandStart..<index], as: UTF8.self)
                    if greekNames.contains(command) {
                        emit(command.hasPrefix("var") ? String(command.dropFirst(3)) : command, (commandStart - 1)..<index)
                    }
                case UInt8(ascii: "-"):
                    let afterWord = !word.isEmpty
                    flush()
                    hyphen = afterWord
                default:
                    flush()
                    hyphen = false
                }
                continue
            }
            let (scalar, length) = Unicode.Scalar.decoded(from: utf8, at: index)
            if let name = greek[scalar] {
                emit(name, index..<(index + length))
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                begin(at: index)
                TextFolding.appendAlphanumerics(of: scalar, to: &word)
                end = index + length
            } else {
                flush()
                hyphen = false
            }
            index += length
        }
        flush()
    }

    /// Calls `body` with the UTF-8 bytes of `text` in contiguous memory.
    private static func withUTF8(of text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if text.utf8.withContiguousStorageIfAvailable(body) == nil {
            Array(text.utf8).withUnsafeBufferPointer(body)
        }
    }

    /// Capitals (and digits) and a final `s`: `LLMs`, `PDEs`, `GNNs`, whose
    /// singular is the word without its `s`.
    private static func isAcronymPlural(_ run: UnsafeBufferPointer<UInt8>) -> Bool {
        guard run.count >= 3, run.last == UInt8(ascii: "s") else { return false }
        return run.dropLast().count(where: \.isASCIICapital) >= 2 && run.dropLast().allSatisfy { $0.isASCIICapital || $0.isASCIIDigit }
    }

    private static let greek: [Unicode.Scalar: String] = {
        let names = [
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
            "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
        ]
        var table: [Unicode.Scalar: String] = [:]
        // U+03B1...U+03C9 (lower) and U+0391...U+03A9 (upper), skipping final sigma's slot.
        var lower = 0x3B1
        var upper = 0x391
        for name in names {
            if lower == 0x3C2 {
                table[Unicode.Scalar(0x3C2)!] = "sigma"
                lower += 1
            }
            if upper == 0x3A2 { upper += 1 }
            table[Unicode.Scalar(lower)!] = name
            table[Unicode.Scalar(upper)!] = name
            lower += 1
            upper += 1
        }
        table["ϕ"] = "phi"
        table["ϑ"] = "theta"
        table["ϵ"] = "epsilon"
        table["µ"] = "mu"
        return table
    }()

    private static let greekNames: Set<String> = Set(greek.values).union(["varepsilon", "varphi", "vartheta", "varrho", "varsigma"])
}
