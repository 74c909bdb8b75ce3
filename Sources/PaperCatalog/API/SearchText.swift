/// The one normalisation used to index, to query and to find keyword words
/// in the prose, so that a query finds what a reader would call the same
/// words:
///
/// - case and diacritics fold (`Jurgen` finds `Jürgen`);
/// - hyphens and punctuation separate words (`score based` finds `score-based`);
/// - plurals reduce to the singular (`diffusion model` finds `diffusion models`);
/// - LaTeX math loses its markup and Greek letters are spelled out
///   (`lyman-alpha` finds `Lyman-$α$`, `su(2)` finds `$SU(2)$`).
public enum SearchText {
    /// The search terms of `text`, in order.
    public static func terms(_ text: some StringProtocol) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append(String(decoding: $0, as: UTF8.self)) }
        return terms
    }

    /// Calls `body` with the UTF-8 bytes of each search term of `text`, in
    /// order, without making a string of each: the index builder's tokeniser.
    ///
    /// One pass over the bytes: ASCII is folded inline; `$`, `{` and `}`
    /// vanish without splitting a word; a `\command` splits and is dropped,
    /// unless it names a Greek letter, which becomes a term of its own, as
    /// does a Greek letter written as such; other scalars fold through
    /// ``TextFolding``.
    public static func forEachTerm(in text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if text.utf8.withContiguousStorageIfAvailable({ forEachTerm(inUTF8: $0, body) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { forEachTerm(inUTF8: $0, body) }
        }
    }

    /// ``forEachTerm(in:_:)`` over UTF-8 bytes (valid, or cut at an ASCII byte).
    static func forEachTerm(inUTF8 utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func flush() {
            guard !word.isEmpty else { return }
            stem(&word)
            word.withUnsafeBufferPointer(body)
            word.removeAll(keepingCapacity: true)
        }
        func emit(_ name: String) {
            var name = name
            name.withUTF8(body)
        }
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if isASCIIAlphanumeric(byte) {
                // A run of ASCII letters and digits goes in at once, then folds in place.
                let start = index
                while index < utf8.count, isASCIIAlphanumeric(utf8[index]) { index += 1 }
                let old = word.count
                word.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                word.withUnsafeMutableBufferPointer { word in
                    for position in old..<word.count where word[position] &- UInt8(ascii: "A") < 26 { word[position] |= 0x20 }
                }
                continue
            }
            if byte < 0x80 {
                index += 1
                switch byte {
                case UInt8(ascii: "$"), UInt8(ascii: "{"), UInt8(ascii: "}"): continue
                case UInt8(ascii: "\\"):
                    flush()
                    let start = index
                    while index < utf8.count, isASCIILetter(utf8[index]) { index += 1 }
                    let command = String(decoding: utf8[start..<index], as: UTF8.self)
                    if greekNames.contains(command) { emit(command.hasPrefix("var") ? String(command.dropFirst(3)) : command) }
                default: flush()
                }
                continue
            }
            let (scalar, length) = decodeScalar(utf8, at: index)
            index += length
            if let name = greek[scalar] {
                flush()
                emit(name)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                TextFolding.appendAlphanumerics(of: scalar, to: &word)
            } else {
                flush()
            }
        }
        flush()
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "A") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "A") < 26
    }

    /// The scalar whose UTF-8 encoding starts at `index` of valid UTF-8, and its length in bytes.
    private static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = utf8[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The whole text as one comparable key (`"Score-Based Models"` -> `"score based model"`).
    public static func key(_ text: some StringProtocol) -> String {
        terms(text).joined(separator: " ")
    }

    /// Singular of a plural, by suffix rules (after Harman's S-stemmer, with
    /// `-sses`, `-xes`, `-ches`, `-shes` handled): `models` -> `model`,
    /// `processes` -> `process`, `theories` -> `theory`; `physics` and `process` keep
    /// a stable form either way, which is all matching needs.
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``stem(_:)`` on a word's UTF-8 bytes, in place.
    static func stem(_ word: inout [UInt8]) {
        guard word.count > 3, word.last == UInt8(ascii: "s") else { return }
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            return word.count >= count && UnsafeBufferPointer(start: suffix.utf8Start, count: count).elementsEqual(word[(word.count - count)...])
        }
        if ends("ies"), !ends("eies"), !ends("aies") {
            word.removeLast(3)
            word.append(UInt8(ascii: "y"))
        } else if ends("sses") || ends("xes") || ends("ches") || ends("shes") {
            word.removeLast(2)
        } else if !(ends("ss") || ends("us") || ends("is")) {
            word.removeLast()
        }
    }

    private static let greek: [Unicode.Scalar: String] = {
        let names = [
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
            "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
        ]
        var table: [Unicode.Scalar: String] = [:]
        // U+03B1...U+03C9 (lower) and U+0391...U+03A9 (upper), skipping final sigma's slot.
        var lower = 0x3B1, upper = 0x391
        for name in names {
            if lower == 0x3C2 { table[Unicode.Scalar(0x3C2)!] = "sigma"; lower += 1 }
            if upper == 0x3A2 { upper += 1 }
            table[Unicode.Scalar(lower)!] = name
            table[Unicode.Scalar(upper)!] = name
            lower += 1
            upper += 1
        }
        table["ϕ"] = "phi"; table["ϑ"] = "theta"; table["ϵ"] = "epsilon"; table["µ"] = "mu"
        return table
    }()

    private static let greekNames: Set<String> = Set(greek.values).union(["varepsilon", "varphi", "vartheta", "varrho", "varsigma"])
}
