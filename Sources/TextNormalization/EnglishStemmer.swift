/// The English ("Porter2") stemmer of M. F. Porter (2001, revised to 2006) as
/// published by the Snowball project: "The English (Porter2) stemming
/// algorithm", https://snowballstem.org/algorithms/english/stemmer.html.
///
/// This follows the current Snowball definition (the `english.sbl` of
/// Snowball 3.x, checked word for word against the `snowballstemmer` 3.1.1
/// reference on the vocabulary in `Tests/Fixtures/stemmer/`), which refines
/// the 2006 text in a few places: R1 also starts after the prefixes `emerg`,
/// `inter`, `later`, `organ`, `past` and `univers` (besides `gener`, `commun`,
/// `arsen`); `past` counts as a short syllable; a double letter after exactly
/// `a`, `e` or `o` is kept (`added` -> `add`); `-ogist` becomes `-og`; and the
/// `dying`/`inning`/`proceed` style exceptions live in step 1b (any consonant
/// plus `ying` -> `ie`; `inn`, `out`, `cann`, `herr`, `earr`, `even` keep
/// their `ing`; `proc`, `exc`, `succ` keep their `eed`), so the rest of the
/// steps still run on them.
///
/// Words are bytes. A word that holds any byte outside `a`...`z` (digits,
/// upper case, apostrophes, the UTF-8 of non-ASCII letters) is left exactly as
/// it is, and so is every word of one or two letters.
package enum EnglishStemmer {
    /// Stems `word` (lower-case ASCII letters and digits) in place.
    ///
    /// Only words made of `a`...`z` alone are stemmed; any other word is left
    /// unchanged. A stem is never longer than its word, so the array only
    /// ever shrinks: no call allocates (unless the array shares its storage
    /// with another copy, which Swift then copies before writing).
    package static func stem(_ word: inout [UInt8]) {
        let count = word.count
        guard count > 2, let (vowels, hasY) = Stemmer.scan(word) else { return }
        let stemCount = word.withUnsafeMutableBufferPointer { buffer in
            var stemmer = Stemmer(buffer.baseAddress!, count: count, vowels: vowels)
            stemmer.run(hasY: hasY)
            return stemmer.n
        }
        if stemCount < count { word.removeLast(count - stemCount) }
    }

    /// `stem(_:)` over a `String`, for tests and one-off calls (it allocates).
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The regions R1 and R2 that the algorithm marks in `word` (a...z), with
    /// consonant y shown as `Y`; for tests.
    static func regions(_ word: String) -> (r1: String, r2: String) {
        var bytes = Array(word.utf8)
        guard !bytes.isEmpty, let (vowels, hasY) = Stemmer.scan(bytes) else { return ("", "") }
        let (p1, p2) = bytes.withUnsafeMutableBufferPointer { buffer in
            var stemmer = Stemmer(buffer.baseAddress!, count: buffer.count, vowels: vowels)
            if hasY { _ = stemmer.markConsonantY() }
            stemmer.markRegions()
            return (stemmer.p1, stemmer.p2)
        }
        return (String(decoding: bytes[p1...], as: UTF8.self), String(decoding: bytes[p2...], as: UTF8.self))
    }
}

// MARK: - The algorithm

/// One word being stemmed: its bytes `w[0..<n]` (`n` never grows past the
/// caller's count) and the starts of the regions R1 and R2.
/// A `y` that counts as a consonant is held as `Y` until the end.
private struct Stemmer {
    /// Bit i set for the i-th letter of the alphabet if it is a vowel.
    static let vowelLetters: UInt32 = 0x0110_4111  // a e i o u y

    let w: UnsafeMutablePointer<UInt8>
    var n: Int
    /// Bit i is set if w[i] is a vowel, for i < 64, as the word stands after
    /// the y marking (only the regions use it, and they come right after).
    var vowels: UInt64
    var p1 = 0
    var p2 = 0

    init(_ w: UnsafeMutablePointer<UInt8>, count: Int, vowels: UInt64) {
        self.w = w
        n = count
        self.vowels = vowels
    }

    /// One pass over `word`: the vowel bits (garbage past 64 letters, where
    /// they go unused) and whether there is a y; nil if any byte is not a...z.
    static func scan(_ word: [UInt8]) -> (vowels: UInt64, hasY: Bool)? {
        var vowels: UInt64 = 0
        var letters: UInt32 = 0
        for (i, byte) in word.enumerated() {
            let letter = UInt32(truncatingIfNeeded: byte &- UInt8(ascii: "a"))
            if letter > 25 { return nil }
            letters |= 1 &<< letter
            vowels |= UInt64(vowelLetters &>> letter & 1) &<< i
        }
        return (vowels, letters & 1 << 24 != 0)
    }

    mutating func run(hasY: Bool) {
        if exceptionalForm() { return }
        let markedY = hasY && markConsonantY()
        markRegions()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        // Finally, every Y back to y.
        if markedY {
            for i in 0..<n where w[i] == consonantY { w[i] = UInt8(ascii: "y") }
        }
    }
}

/// The marker for a y that acts as a consonant (Porter2's `Y`).
private let consonantY = UInt8(ascii: "Y")

// MARK: Letters and suffixes

extension Stemmer {
    /// a e i o u y (not `Y`, the consonant y).
    fileprivate static func isVowel(_ c: UInt8) -> Bool {
        let i = c &- UInt8(ascii: "a")
        return i < 26 && vowelLetters &>> UInt32(i) & 1 != 0
    }

    /// A vowel, or w, x or Y: what may not end a short syllable.
    fileprivate static func isVowelOrWXY(_ c: UInt8) -> Bool {
        let i = c &- UInt8(ascii: "a")
        return c == consonantY || i < 26 && (0x01D0_4111 as UInt32) &>> UInt32(i) & 1 != 0
    }

    /// c d e g h k m n r t: the letters that may come before a removable `li`.
    fileprivate static func isValidLiEnding(_ c: UInt8) -> Bool {
        let i = c &- UInt8(ascii: "a")
        return i < 26 && (0x000A_34DC as UInt32) &>> UInt32(i) & 1 != 0
    }

    /// bb dd ff gg mm nn pp rr tt end with one of these.
    fileprivate static func isDoubleable(_ c: UInt8) -> Bool {
        let i = c &- UInt8(ascii: "a")
        return i < 26 && (0x000A_B06A as UInt32) &>> UInt32(i) & 1 != 0
    }

    /// Whether `w[0..<end]` ends with `suffix`.
    fileprivate func has(_ suffix: StaticString, endingAt end: Int) -> Bool {
        let k = suffix.utf8CodeUnitCount
        guard k <= end else { return false }
        // No early exit: a fixed number of compares predicts better.
        let s = suffix.utf8Start
        let start = end - k
        var difference: UInt8 = 0
        for i in 0..<k { difference |= w[start + i] ^ s[i] }
        return difference == 0
    }

    /// Whether the word ends with `suffix`.
    fileprivate func ends(_ suffix: StaticString) -> Bool { has(suffix, endingAt: n) }

    /// Whether `w[0..<end]` is exactly `prefix`.
    fileprivate func isExactly(_ prefix: StaticString, _ end: Int) -> Bool {
        end == prefix.utf8CodeUnitCount && has(prefix, endingAt: end)
    }

    /// Whether the word is exactly `word`.
    fileprivate func `is`(_ word: StaticString) -> Bool { isExactly(word, n) }

    /// Replaces the last `count` letters with `replacement` (no longer).
    fileprivate mutating func replaceLast(_ count: Int, with replacement: StaticString) {
        let k = replacement.utf8CodeUnitCount
        let s = replacement.utf8Start
        n -= count
        for i in 0..<k { w[n + i] = s[i] }
        n += k
    }

    /// Replaces the suffix of length `count` if it starts in R1.
    fileprivate mutating func inR1(_ count: Int, _ replacement: StaticString) {
        if n - count >= p1 { replaceLast(count, with: replacement) }
    }

    /// Whether `w[0..<end]` ends in a short syllable: non-vowel, vowel,
    /// non-vowel other than w, x, Y; or a vowel then a non-vowel as the
    /// whole of it; or `past`.
    fileprivate func endsInShortSyllable(_ end: Int) -> Bool {
        if end >= 3 {
            return !Self.isVowelOrWXY(w[end - 1]) && Self.isVowel(w[end - 2]) && !Self.isVowel(w[end - 3])
                || has("past", endingAt: end)
        }
        return end == 2 && !Self.isVowel(w[1]) && Self.isVowel(w[0])
    }

    /// Whether `w[from..<to]` holds a vowel.
    fileprivate func hasVowel(_ from: Int, _ to: Int) -> Bool {
        var i = from
        while i < to {
            if Self.isVowel(w[i]) { return true }
            i += 1
        }
        return false
    }
}

// MARK: Exceptions, Y and regions

extension Stemmer {
    /// Whole words stemmed by a table: `skies` -> `sky`, six `-ly` words, and
    /// words left as they are (sky, news, howe, atlas, cosmos, bias, andes).
    fileprivate mutating func exceptionalForm() -> Bool {
        // They all have three to six letters and end in s, y or e.
        if n == 3 { return `is`("sky") }
        guard n <= 6, w[n - 1] == UInt8(ascii: "s") || w[n - 1] == UInt8(ascii: "y") || w[n - 1] == UInt8(ascii: "e")
        else { return false }
        switch w[0] {
        case UInt8(ascii: "a"): return `is`("andes") || `is`("atlas")
        case UInt8(ascii: "b"): return `is`("bias")
        case UInt8(ascii: "c"): return `is`("cosmos")
        case UInt8(ascii: "h"): return `is`("howe")
        case UInt8(ascii: "n"): return `is`("news")
        case UInt8(ascii: "e"):
            if `is`("early") {
                replaceLast(1, with: "i")
                return true
            }
        case UInt8(ascii: "o"):
            if `is`("only") {
                replaceLast(1, with: "i")
                return true
            }
        case UInt8(ascii: "u"):
            if `is`("ugly") {
                replaceLast(1, with: "i")
                return true
            }
        case UInt8(ascii: "g"):
            if `is`("gently") {
                n -= 1
                return true
            }
        case UInt8(ascii: "i"):
            if `is`("idly") {
                n -= 1
                return true
            }
        case UInt8(ascii: "s"):
            if `is`("skies") {
                replaceLast(3, with: "y")
                return true
            }
            if `is`("skis") || `is`("singly") {
                n -= 1
                return true
            }
        default: break
        }
        return false
    }

    /// Initial y, and y after a vowel, become the consonant Y. Left to right,
    /// so in `ayy` only the first y follows a vowel.
    fileprivate mutating func markConsonantY() -> Bool {
        var marked = false
        if w[0] == UInt8(ascii: "y") {
            w[0] = consonantY
            marked = true
            vowels &= ~1
        }
        for i in 1..<n where w[i] == UInt8(ascii: "y") && Self.isVowel(w[i - 1]) {
            w[i] = consonantY
            marked = true
            vowels &= ~(1 << i)
        }
        return marked
    }

    /// R1 starts after the first non-vowel that follows a vowel (or after one
    /// of the prefixes gener, commun, arsen, emerg, inter, later, organ,
    /// past, univers); R2 the same way inside R1. Empty if there is none.
    fileprivate mutating func markRegions() {
        p1 = specialR1Prefix() ?? regionStart(from: 0)
        p2 = regionStart(from: p1)
    }

    /// Just after the first non-vowel that follows a vowel at or after
    /// `start`; n if there is none.
    fileprivate func regionStart(from start: Int) -> Int {
        if n <= 64 {
            // Over the vowel bits, without a loop: the first vowel from
            // `start`, then the first non-vowel after it (every bit from n on
            // reads as a non-vowel, and shifts by 64 or more give 0).
            let firstVowel = (vowels & ~0 << start).trailingZeroBitCount
            let nonVowel = (~vowels & ~0 << (firstVowel + 1)).trailingZeroBitCount
            return min(nonVowel + 1, n)
        }
        // Longer words (rare), letter by letter.
        var i = start
        while i < n && !Self.isVowel(w[i]) { i += 1 }
        i += 1
        while i < n && Self.isVowel(w[i]) { i += 1 }
        return min(i + 1, n)
    }

    fileprivate func specialR1Prefix() -> Int? {
        let prefix: StaticString
        switch w[0] {
        case UInt8(ascii: "a"): prefix = "arsen"
        case UInt8(ascii: "c"): prefix = "commun"
        case UInt8(ascii: "e"): prefix = "emerg"
        case UInt8(ascii: "g"): prefix = "gener"
        case UInt8(ascii: "i"): prefix = "inter"
        case UInt8(ascii: "l"): prefix = "later"
        case UInt8(ascii: "o"): prefix = "organ"
        case UInt8(ascii: "p"): prefix = "past"
        case UInt8(ascii: "u"): prefix = "univers"
        default: return nil
        }
        let k = prefix.utf8CodeUnitCount
        return k <= n && has(prefix, endingAt: k) ? k : nil
    }
}

// MARK: Steps

extension Stemmer {
    /// Step 1a: sses -> ss; ied, ies -> i (ie after one letter); us, ss stay;
    /// s goes if a vowel comes before the letter before it.
    fileprivate mutating func step1a() {
        guard w[n - 1] == UInt8(ascii: "s") || w[n - 1] == UInt8(ascii: "d") else { return }
        if ends("sses") {
            n -= 2
        } else if ends("ies") || ends("ied") {
            replaceLast(3, with: n > 4 ? "i" : "ie")
        } else if w[n - 1] == UInt8(ascii: "s") && !ends("ss") && !ends("us") && hasVowel(0, n - 2) {
            n -= 1
        }
    }

    /// Step 1b: eed, eedly -> ee in R1 (not proceed, exceed, succeed); ed,
    /// edly, ing, ingly go if a vowel precedes them, then the stem is tidied.
    fileprivate mutating func step1b() {
        if ends("eedly") || ends("eed") {
            let start = n - (w[n - 1] == UInt8(ascii: "y") ? 5 : 3)
            if start >= p1 && !isExactly("proc", start) && !isExactly("exc", start) && !isExactly("succ", start) {
                n = start + 2
            }
        } else if ends("ingly") {
            removeVerbEnding(5)
        } else if ends("edly") {
            removeVerbEnding(4)
        } else if ends("ed") {
            removeVerbEnding(2)
        } else if ends("ing") {
            let start = n - 3
            // dying, lying, tying, vying -> die, lie, tie, vie.
            if start == 2 && w[1] == UInt8(ascii: "y") && !Self.isVowel(w[0]) {
                replaceLast(4, with: "ie")
                return
            }
            // inning, outing, canning, herring, earring, evening stay.
            if isExactly("inn", start) || isExactly("out", start) || isExactly("cann", start)
                || isExactly("herr", start) || isExactly("earr", start) || isExactly("even", start)
            {
                return
            }
            removeVerbEnding(3)
        }
    }

    /// The rest of step 1b: drop the last `count` letters if a vowel comes
    /// before them; then at, bl, iz -> ate, ble, ize; a double loses a letter
    /// (not in add, egg, off...); a short word gains an e (hop -> hope).
    fileprivate mutating func removeVerbEnding(_ count: Int) {
        let start = n - count
        guard hasVowel(0, start) else { return }
        n = start
        if ends("at") || ends("bl") || ends("iz") {
            w[n] = UInt8(ascii: "e")
            n += 1
        } else if n >= 2 && w[n - 1] == w[n - 2] && Self.isDoubleable(w[n - 1]) {
            let aeo = w[0] == UInt8(ascii: "a") || w[0] == UInt8(ascii: "e") || w[0] == UInt8(ascii: "o")
            if !(n == 3 && aeo) { n -= 1 }
        } else if n == p1 && endsInShortSyllable(n) {
            w[n] = UInt8(ascii: "e")
            n += 1
        }
    }

    /// Step 1c: a final y or Y after a non-vowel that is not the first
    /// letter becomes i (cry -> cri, but by, say stay).
    fileprivate mutating func step1c() {
        let last = w[n - 1]
        if (last == UInt8(ascii: "y") || last == consonantY) && n > 2 && !Self.isVowel(w[n - 2]) {
            w[n - 1] = UInt8(ascii: "i")
        }
    }

    /// Step 2: the longest of these suffixes, if it starts in R1, is replaced.
    fileprivate mutating func step2() {
        guard n - 2 >= p1 else { return }  // every suffix here has two letters or more
        switch w[n - 1] {
        case UInt8(ascii: "i"):
            switch w[n - 2] {
            case UInt8(ascii: "c"):
                if ends("anci") { inR1(4, "ance") } else if ends("enci") { inR1(4, "ence") }
            case UInt8(ascii: "g"):
                // logi -> log.
                if ends("ogi") && n > 3 && n - 3 >= p1 && w[n - 4] == UInt8(ascii: "l") { n -= 1 }
            case UInt8(ascii: "l"):
                if ends("lessli") {
                    inR1(6, "less")
                } else if ends("fulli") {
                    inR1(5, "ful")
                } else if ends("ousli") {
                    inR1(5, "ous")
                } else if ends("entli") {
                    inR1(5, "ent")
                } else if ends("abli") {
                    inR1(4, "able")
                } else if ends("alli") {
                    inR1(4, "al")
                } else if ends("bli") {
                    inR1(3, "ble")
                } else if Self.isValidLiEnding(w[n - 3]) {
                    n -= 2
                }  // li, in R1 by the guard
            case UInt8(ascii: "t"):
                if ends("biliti") { inR1(6, "ble") } else if ends("aliti") { inR1(5, "al") } else if ends("iviti") { inR1(5, "ive") }
            default: break
            }
        case UInt8(ascii: "l"):
            if ends("ational") { inR1(7, "ate") } else if ends("tional") { inR1(6, "tion") }
        case UInt8(ascii: "m"):
            if ends("alism") { inR1(5, "al") }
        case UInt8(ascii: "n"):
            if ends("ization") { inR1(7, "ize") } else if ends("ation") { inR1(5, "ate") }
        case UInt8(ascii: "r"):
            if ends("izer") { inR1(4, "ize") } else if ends("ator") { inR1(4, "ate") }
        case UInt8(ascii: "s"):
            if ends("iveness") { inR1(7, "ive") } else if ends("fulness") { inR1(7, "ful") } else if ends("ousness") { inR1(7, "ous") }
        case UInt8(ascii: "t"):
            if ends("ogist") { inR1(5, "og") }
        default: break
        }
    }

    /// Step 3: the longest of these suffixes, if it starts in R1, is replaced
    /// (ative only if it starts in R2).
    fileprivate mutating func step3() {
        guard n - 3 >= p1 else { return }  // every suffix here has three letters or more
        switch w[n - 1] {
        case UInt8(ascii: "l"):
            if ends("ational") {
                inR1(7, "ate")
            } else if ends("tional") {
                inR1(6, "tion")
            } else if ends("ical") {
                inR1(4, "ic")
            } else if ends("ful") {
                inR1(3, "")
            }
        case UInt8(ascii: "e"):
            if ends("icate") { inR1(5, "ic") } else if ends("alize") { inR1(5, "al") } else if ends("ative") && n - 5 >= p2 { n -= 5 }
        case UInt8(ascii: "i"):
            if ends("iciti") { inR1(5, "ic") }
        case UInt8(ascii: "s"):
            if ends("ness") { inR1(4, "") }
        default: break
        }
    }

    /// Step 4: the longest of these suffixes is deleted if it starts in R2
    /// (ion only after s or t).
    fileprivate mutating func step4() {
        guard n - 2 >= p2 else { return }  // every suffix here has two letters or more
        var count = 0
        switch w[n - 1] {
        case UInt8(ascii: "l"): if ends("al") { count = 2 }
        case UInt8(ascii: "c"): if ends("ic") { count = 2 }
        case UInt8(ascii: "r"): if ends("er") { count = 2 }
        case UInt8(ascii: "m"): if ends("ism") { count = 3 }
        case UInt8(ascii: "i"): if ends("iti") { count = 3 }
        case UInt8(ascii: "s"): if ends("ous") { count = 3 }
        case UInt8(ascii: "e"):
            if ends("ance") || ends("ence") || ends("able") || ends("ible") { count = 4 } else if ends("ate") || ends("ive") || ends("ize") { count = 3 }
        case UInt8(ascii: "t"):
            if ends("ement") { count = 5 } else if ends("ment") { count = 4 } else if ends("ant") || ends("ent") { count = 3 }
        case UInt8(ascii: "n"):
            if ends("ion") && n > 3 && (w[n - 4] == UInt8(ascii: "s") || w[n - 4] == UInt8(ascii: "t")) { count = 3 }
        default: break
        }
        if count > 0 && n - count >= p2 { n -= count }
    }

    /// Step 5: e goes if in R2, or in R1 and not after a short syllable;
    /// l goes if in R2 and after another l.
    fileprivate mutating func step5() {
        let start = n - 1
        switch w[start] {
        case UInt8(ascii: "e"):
            if start >= p2 || start >= p1 && !endsInShortSyllable(start) { n = start }
        case UInt8(ascii: "l"):
            if start >= p2 && start > 0 && w[start - 1] == UInt8(ascii: "l") { n = start }
        default: break
        }
    }
}
