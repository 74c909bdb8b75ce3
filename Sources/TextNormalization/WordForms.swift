/// The forms of one folded word (lower-case letters and digits) that
/// matching treats as the same word, at two strengths:
///
/// - ``unifyKey(_:)``, for exact values (tags, author names, categories)
///   and keyword segmentation: British and American spellings meet
///   (`normalizing` -> `normalising`, `modelling` -> `modeling`; see
///   ``unifySpelling(_:)``) and plurals become singular
///   (`models` -> `model`), nothing else, so that `cosmology` and
///   `cosmological` stay two tags;
/// - ``unifyTerm(_:)``, for full-text terms: the same spellings, Latin
///   plurals (`nebulae` -> `nebula`, `spectra` -> `spectrum`, `nuclei` ->
///   `nucleus`), then the Porter2 stemmer (``EnglishStemmer``), so that
///   `cosmology` and `cosmological`, `inference` and `inferring` meet.
///
/// Every rule rewrites a word's ending and applies to both sides of a
/// match (the indexed text and the query), so a rule that also rewrites
/// a word that is not a variant (`camera` -> `camerum`) costs nothing
/// unless another word then takes the same form.
package enum WordForms {
    /// The full-text term of a folded word.
    /// - Complexity: O(word length).
    package static func unifyTerm(_ word: inout [UInt8]) {
        guard isLowercaseASCII(word) else { return singular(&word) }
        latinSingular(&word)
        unifySpelling(&word)
        acronymSingular(&word)
        EnglishStemmer.stem(&word)
    }

    /// The exact-value form of a folded word.
    /// - Complexity: O(word length).
    package static func unifyKey(_ word: inout [UInt8]) {
        if isLowercaseASCII(word) { unifySpelling(&word) }
        singular(&word)
    }

    /// Singular of a plural, by suffix rules (after Harman's S-stemmer, with
    /// `-sses`, `-xes`, `-ches`, `-shes` handled): `models` -> `model`,
    /// `processes` -> `process`, `theories` -> `theory`; `physics` and
    /// `process` keep a stable form either way, which is all matching needs.
    static func singular(_ word: inout [UInt8]) {
        guard word.count > 3, word.last == UInt8(ascii: "s") else { return }
        if word.ends(with: "ies"), !word.ends(with: "eies"), !word.ends(with: "aies") {
            word.replaceEnding(3, with: "y")
        } else if word.ends(with: "sses") || word.ends(with: "xes") || word.ends(with: "ches") || word.ends(with: "shes") {
            word.removeLast(2)
        } else if !(word.ends(with: "ss") || word.ends(with: "us") || word.ends(with: "is")) {
            word.removeLast()
        }
    }

    /// One spelling for each British/American pair, by ending: `-iz-`
    /// before an ending of the `-ize` family becomes `-is-` (`normalization`,
    /// `optimizing`; only after three or more letters, so `size` and `prize`
    /// stay; `-is-` rather than `-iz-` because the stemmer reduces
    /// `normalize` to `normal` but `normalise` to `normalis`), `-yze` `-yse`,
    /// and the American forms of the rest: `-our` `-or` (`behaviour`, `colours`; not after `f`,
    /// `h`, `t` or `y`: `four`, `hour`, `tour`, `your`), `-tre`/`-bre`
    /// `-ter`/`-ber` (`centre`, `fibres`), `-ogue` `-og` (`catalogue`),
    /// `-fence` `-fense`, and a doubled `l` before `-ing`, `-ed` or `-er`
    /// after `e` (`modelling`, `labelled`, `travellers`; not `telling`:
    /// three letters must come before the `ell`).
    static func unifySpelling(_ word: inout [UInt8]) {
        guard let last = word.last else { return }
        for (suffix, rule) in spellingRules[Int(last)] where word.ends(with: suffix) {
            let stem = word.count - suffix.count
            switch rule {
            case .ize:
                if stem >= 3 { word[stem + 1] = UInt8(ascii: "s") }
            case .our:
                if stem >= 3, !"fhty".utf8.contains(word[stem - 1]) { word.remove(at: stem + 1) }
            case .american(let ending):
                if stem >= 2 { word.replaceEnding(suffix.count, with: ending) }
            case .ell:
                if stem >= 3 { word.remove(at: stem + 2) }
            }
            return
        }
    }

    /// What a spelling rule does to the ending it matched.
    private enum SpellingRule {
        /// `iz` or `yz` becomes `is` or `ys`.
        case ize
        /// `our` loses its `u`.
        case our
        /// The ending becomes this one.
        case american(String)
        /// `ell` loses an `l`.
        case ell
    }

    /// The rules by the last letter of their ending, in the order they are
    /// tried: a word is checked only against endings that end as it does.
    private static let spellingRules: [[(suffix: [UInt8], rule: SpellingRule)]] = {
        var rules: [(String, SpellingRule)] = []
        for ending in ["e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational"] {
            rules += [("iz" + ending, .ize), ("yz" + ending, .ize)]
        }
        for ending in ["", "s", "ed", "ing", "ite", "ites", "able", "al", "ful", "less", "ist", "ists"] {
            rules.append(("our" + ending, .our))
        }
        for (british, american) in [
            ("tre", "ter"), ("tres", "ters"), ("tred", "tered"), ("bre", "ber"), ("bres", "bers"),
            ("bred", "bered"), ("ogue", "og"), ("ogues", "ogs"), ("fence", "fense"),
        ] {
            rules.append((british, .american(american)))
        }
        for ending in ["ing", "ed", "er", "ers"] { rules.append(("ell" + ending, .ell)) }
        var byLast = Array(repeating: [(suffix: [UInt8], rule: SpellingRule)](), count: 256)
        for (suffix, rule) in rules { byLast[Int(suffix.utf8.last!)].append((Array(suffix.utf8), rule)) }
        return byLast
    }()

    /// Latin and Greek plurals to their singular, by ending: `-i` `-us`
    /// after `c`, `e`, `g`, `i`, `l` in words of four letters or more
    /// (`foci`, `nuclei`, `fungi`, `radii`, `stimuli`); in words of five or
    /// more, `-ae` `-a` (`nebulae`, `supernovae`), `-a` `-um` after `t`, `r`, `ima`, `ema`, `dia`
    /// (`spectra`, `quanta`, `maxima`, `extrema`, `media`); `-ena` `-enon`
    /// (`phenomena`); `-rtices` `-rtex`, `-trices` `-trix`, `-ndices` `-ndex`
    /// (`vertices`, `matrices`, `indices`); `-theses` `-thesis`.
    static func latinSingular(_ word: inout [UInt8]) {
        guard word.count >= 4 else { return }
        if word.last == UInt8(ascii: "i"), "cegil".utf8.contains(word[word.count - 2]) {
            return word.replaceEnding(1, with: "us")
        }
        guard word.count >= 5 else { return }
        if word.ends(with: "ae") {
            word.removeLast()
            return
        }
        if word.ends(with: "ena") { return word.replaceEnding(1, with: "on") }
        for ending in ["ta", "ra", "ima", "ema", "dia"] where word.ends(with: ending) {
            return word.replaceEnding(1, with: "um")
        }
        for (plural, singular) in [("rtices", "rtex"), ("trices", "trix"), ("ndices", "ndex"), ("theses", "thesis")]
        where word.ends(with: plural) {
            return word.replaceEnding(plural.utf8.count, with: singular)
        }
    }

    /// The plural of an acronym loses its `s` (`llms` -> `llm`, `gnns`
    /// -> `gnn`): a word with no vowel but its last letter `s`, which the
    /// stemmer keeps because it needs a vowel before the `s`.
    static func acronymSingular(_ word: inout [UInt8]) {
        guard word.count >= 3, word.last == UInt8(ascii: "s"), word[word.count - 2] != UInt8(ascii: "s"),
            !word.dropLast().contains(where: { "aeiouy".utf8.contains($0) })
        else { return }
        word.removeLast()
    }

    private static func isLowercaseASCII(_ word: [UInt8]) -> Bool {
        word.allSatisfy { $0 &- UInt8(ascii: "a") < 26 }
    }
}

extension [UInt8] {
    func ends(with suffix: String) -> Bool { ends(with: suffix.utf8) }

    func ends(with suffix: some Collection<UInt8>) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }

    mutating func replaceEnding(_ length: Int, with replacement: String) {
        removeLast(length)
        append(contentsOf: replacement.utf8)
    }
}
