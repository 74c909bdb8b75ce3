import PaperCatalog

/// The one normalisation used both to index and to query, so that a query
/// finds what a reader would call the same words:
///
/// - case and diacritics fold (`Jurgen` finds `Jürgen`);
/// - hyphens and punctuation separate words (`score based` finds `score-based`);
/// - plurals reduce to the singular (`diffusion model` finds `diffusion models`);
/// - LaTeX math loses its markup and Greek letters are spelled out
///   (`lyman-alpha` finds `Lyman-$α$`, `su(2)` finds `$SU(2)$`).
public enum SearchText {
    /// The search terms of `text`, in order.
    ///
    /// One pass over the scalars: ASCII is folded inline; `$`, `{` and `}`
    /// vanish without splitting a word; a `\command` splits and is dropped,
    /// unless it names a Greek letter, which becomes a term of its own, as
    /// does a Greek letter written as such; other scalars fold through
    /// ``TextFolding``.
    public static func terms(_ text: some StringProtocol) -> [String] {
        var terms: [String] = []
        var word: [UInt8] = []
        func flush() {
            if !word.isEmpty {
                terms.append(stem(String(decoding: word, as: UTF8.self)))
                word.removeAll(keepingCapacity: true)
            }
        }
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
                case UInt8(ascii: "$"), UInt8(ascii: "{"), UInt8(ascii: "}"): continue
                case UInt8(ascii: "\\"):
                    flush()
                    var name: [UInt8] = []
                    while let next = scalars.next() {
                        if next.isASCII, next.properties.isAlphabetic { name.append(UInt8(next.value)) } else { pending = next; break }
                    }
                    let command = String(decoding: name, as: UTF8.self)
                    if greekNames.contains(command) { terms.append(command.hasPrefix("var") ? String(command.dropFirst(3)) : command) }
                default: flush()
                }
            } else if let name = greek[scalar] {
                flush()
                terms.append(name)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                TextFolding.appendAlphanumerics(of: scalar, to: &word)
            } else {
                flush()
            }
        }
        flush()
        return terms
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
        let utf8 = word.utf8
        guard utf8.count > 3, utf8.last == UInt8(ascii: "s") else { return word }
        if word.hasSuffix("ies"), !word.hasSuffix("eies"), !word.hasSuffix("aies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes") {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        return String(word.dropLast())
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
