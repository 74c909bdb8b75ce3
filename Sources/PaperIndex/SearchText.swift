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
    public static func terms(_ text: some StringProtocol) -> [String] {
        let plain = TextFolding.fold(spellOutMath(text))
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in plain.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                terms.append(stem(String(current)))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { terms.append(stem(String(current))) }
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

    /// Drops LaTeX markup (`$`, `\mathcal`, braces) and spells Greek letters out.
    private static func spellOutMath(_ text: some StringProtocol) -> String {
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\\" {
                let name = String(String.UnicodeScalarView(scalars.prefix { $0.properties.isAlphabetic && $0.isASCII }))
                scalars = scalars.dropFirst(name.unicodeScalars.count)
                output.append(" ")
                if greekNames.contains(name) {
                    output.append(contentsOf: (name.hasPrefix("var") ? String(name.dropFirst(3)) : name).unicodeScalars)
                    output.append(" ")
                }
            } else if let name = greek[scalar] {
                output.append(" ")
                output.append(contentsOf: name.unicodeScalars)
                output.append(" ")
            } else if scalar == "$" || scalar == "{" || scalar == "}" {
                continue
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }
}
