import Foundation
import Testing

@testable import TextNormalization

/// The Porter2 stemmer, rule by rule (cases built from the published
/// definition, https://snowballstem.org/algorithms/english/stemmer.html), then
/// word for word against the Snowball reference on a vocabulary.
@Suite struct EnglishStemmerTests {
    private func expectStems(_ table: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) {
        for (word, stem) in table {
            #expect(EnglishStemmer.stem(word) == stem, "\(word)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Before the steps

    @Test func wordsOfOneOrTwoLettersStayAsTheyAre() {
        expectStems([
            ("a", "a"), ("s", "s"), ("y", "y"), ("as", "as"), ("is", "is"), ("us", "us"),
            ("by", "by"), ("ed", "ed"), ("ly", "ly"), ("yy", "yy"),
        ])
    }

    @Test func wordsWithAnythingButAToZStayAsTheyAre() {
        expectStems([
            ("", ""), ("running2", "running2"), ("2running", "2running"), ("x86", "x86"), ("1990s", "1990s"),
            ("Running", "Running"), ("runninG", "runninG"), ("it's", "it's"), ("cafés", "cafés"),
            ("naïvely", "naïvely"), ("generalization-based", "generalization-based"),
        ])
    }

    /// Whole words looked up before anything else.
    @Test func exceptionalForms() {
        expectStems([
            ("skies", "sky"), ("skis", "ski"),
            ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
            ("singly", "singl"),
            // Left as they are.
            ("sky", "sky"), ("news", "news"), ("howe", "howe"),
            ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
            // Only whole words: these go through the steps.
            ("skied", "ski"), ("newsy", "newsi"), ("biases", "bias"), ("earlier", "earlier"),
        ])
    }

    /// Initial y, and y after a vowel, are consonants (Y) throughout and y
    /// again at the end.
    @Test func consonantY() {
        expectStems([
            ("youth", "youth"), ("yes", "yes"), ("yield", "yield"), ("young", "young"),
            ("say", "say"), ("saying", "say"), ("boys", "boy"), ("toy", "toy"), ("enjoyed", "enjoy"),
            ("played", "play"), ("buyer", "buyer"), ("eyes", "eye"), ("yay", "yay"),
            // Only the first of ayy follows a vowel; the second follows Y.
            ("ayyy", "ayyy"), ("sayyid", "sayyid"),
        ])
        #expect(EnglishStemmer.regions("sayyid") == (r1: "yid", r2: ""))
        #expect(EnglishStemmer.regions("youth") == (r1: "h", r2: ""))
    }

    /// R1 starts after the first non-vowel following a vowel, R2 the same
    /// way within R1 (the published examples).
    @Test func regions() {
        let table: [(String, String, String)] = [
            ("beautiful", "iful", "ul"), ("beauty", "y", ""), ("beau", "", ""),
            ("animadversion", "imadversion", "adversion"), ("sprinkled", "kled", ""),
            ("eucharist", "harist", "ist"),
        ]
        for (word, r1, r2) in table {
            #expect(EnglishStemmer.regions(word) == (r1: r1, r2: r2), "\(word)")
        }
    }

    /// After gener, commun, arsen, emerg, inter, later, organ, past and
    /// univers, R1 is the rest of the word.
    @Test func specialR1Prefixes() {
        #expect(EnglishStemmer.regions("generously") == (r1: "ously", r2: "ly"))
        #expect(EnglishStemmer.regions("universal") == (r1: "al", r2: ""))
        expectStems([
            ("generate", "generat"), ("generates", "generat"), ("generated", "generat"),
            ("generating", "generat"), ("general", "general"), ("generally", "general"),
            ("generic", "generic"), ("generically", "generic"), ("generous", "generous"),
            ("generously", "generous"),
            ("communism", "communism"), ("communication", "communic"), ("community", "communiti"),
            ("arsenic", "arsenic"), ("arsenal", "arsenal"),
            ("emergency", "emergenc"), ("emerged", "emerg"),
            ("interest", "interest"), ("international", "internat"),
            ("later", "later"), ("lateral", "lateral"), ("laterally", "lateral"),
            ("organ", "organ"), ("organic", "organic"), ("organization", "organiz"),
            ("universe", "univers"), ("universes", "univers"), ("universal", "universal"),
            ("university", "universiti"), ("universities", "universiti"),
            // past is a short syllable too, so pasted keeps its e.
            ("past", "past"), ("paste", "paste"), ("pasted", "paste"), ("pasting", "paste"),
        ])
    }

    // MARK: The steps

    /// sses -> ss; ied, ies -> i, or ie after a single letter; s goes if a
    /// vowel comes before the letter before it; us and ss stay.
    @Test func step1a() {
        expectStems([
            ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("cries", "cri"),
            ("cried", "cri"), ("tied", "tie"), ("gas", "gas"), ("this", "this"), ("gaps", "gap"),
            ("kiwis", "kiwi"), ("bus", "bus"), ("census", "census"), ("abyss", "abyss"),
        ])
    }

    /// eed, eedly -> ee in R1; ed, edly, ing, ingly go after a vowel, then
    /// at, bl, iz gain an e, a double loses a letter (not after just a, e,
    /// o) and a short word gains an e.
    @Test func step1b() {
        expectStems([
            ("feed", "feed"), ("bleed", "bleed"), ("agreed", "agre"), ("agreedly", "agre"),
            ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"), ("sing", "sing"),
            ("luxuriated", "luxuri"), ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"),
            ("hopping", "hop"), ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"),
            ("fizzed", "fizz"), ("failing", "fail"), ("filing", "file"), ("hoped", "hope"), ("hoping", "hope"),
            ("added", "add"), ("egged", "egg"), ("offed", "off"), ("ebbed", "ebb"),
        ])
    }

    /// The -ing and -eed exceptions of step 1b: a non-vowel plus ying -> ie;
    /// inning, outing, canning, herring, earring, evening and proceed,
    /// exceed, succeed keep their ending (also after step 1a).
    @Test func step1bExceptions() {
        expectStems([
            ("dying", "die"), ("lying", "lie"), ("tying", "tie"), ("vying", "vie"), ("dyings", "die"),
            ("eying", "eye"), ("crying", "cri"),
            ("inning", "inning"), ("innings", "inning"), ("outing", "outing"), ("outings", "outing"),
            ("canning", "canning"), ("herring", "herring"), ("herrings", "herring"), ("earring", "earring"),
            ("earrings", "earring"), ("evening", "evening"), ("evenings", "evening"),
            ("beginning", "begin"), ("pinning", "pin"),
            ("proceed", "proceed"), ("proceeds", "proceed"), ("exceed", "exceed"), ("exceeded", "exceed"),
            ("succeed", "succeed"), ("succeeding", "succeed"), ("proceeding", "proceed"),
            ("exceedingly", "exceed"),
        ])
    }

    /// A final y or Y after a non-vowel that is not the first letter -> i.
    @Test func step1c() {
        expectStems([("cry", "cri"), ("spy", "spi"), ("happy", "happi"), ("apply", "appli"), ("by", "by"), ("say", "say")])
    }

    @Test func step2() {
        expectStems([
            ("relational", "relat"), ("conditional", "condit"), ("valenci", "valenc"), ("hesitanci", "hesit"),
            ("digitizer", "digit"), ("conformabli", "conform"), ("radicalli", "radic"),
            ("differentli", "differ"), ("vileli", "vile"), ("analogousli", "analog"),
            ("vietnamization", "vietnam"), ("predication", "predic"), ("operator", "oper"),
            ("feudalism", "feudal"), ("decisiveness", "decis"), ("hopefulness", "hope"),
            ("callousness", "callous"), ("formaliti", "formal"), ("sensitiviti", "sensit"),
            ("sensibiliti", "sensibl"), ("geologist", "geolog"), ("geology", "geolog"), ("apology", "apolog"),
            ("hopelessly", "hopeless"), ("gladly", "glad"),
            // li only after c d e g h k m n r t.
            ("fluently", "fluentli"),
        ])
    }

    /// ative goes only in R2.
    @Test func step3() {
        expectStems([
            ("electrical", "electr"), ("electricity", "electr"), ("hopeful", "hope"), ("goodness", "good"),
            ("formalize", "formal"), ("authenticate", "authent"), ("sensational", "sensat"),
            ("demonstrative", "demonstr"), ("creative", "creativ"),
        ])
    }

    /// Deletion in R2; ion only after s or t.
    @Test func step4() {
        expectStems([
            ("revival", "reviv"), ("allowance", "allow"), ("inference", "infer"), ("airliner", "airlin"),
            ("gyroscopic", "gyroscop"), ("adjustable", "adjust"), ("defensible", "defens"),
            ("irritant", "irrit"), ("replacement", "replac"), ("adjustment", "adjust"),
            ("dependent", "depend"), ("adoption", "adopt"), ("effective", "effect"),
            ("bowdlerize", "bowdler"), ("homologous", "homolog"), ("activate", "activ"),
            ("onion", "onion"), ("vision", "vision"), ("companion", "companion"),
        ])
    }

    /// e goes in R2, or in R1 if not after a short syllable; l goes in R2
    /// after another l.
    @Test func step5() {
        expectStems([
            ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"), ("hope", "hope"),
            ("controll", "control"), ("roll", "roll"),
        ])
    }

    /// Words longer than 64 letters, where the regions are found letter by
    /// letter.
    @Test func longWords() {
        let ab = String(repeating: "ab", count: 40)
        let b = String(repeating: "b", count: 70)
        expectStems([
            // ational -> ate (step 2), then ate goes in R2 (step 4).
            (ab + "ational", ab),
            // R1 starts after "at": ational is the longest suffix but not in
            // R1, so neither it nor tional is replaced; al is in R2.
            (b + "ational", b + "ation"),
            (b + "aying", b + "ay"),
            // Every other y follows a vowel y and is a consonant.
            (String(repeating: "y", count: 70) + "ing", String(repeating: "y", count: 69) + "i"),
            (String(repeating: "bay", count: 25) + "ly", String(repeating: "bay", count: 25) + "li"),
        ])
    }

    /// The array is stemmed where it is: same storage, capacity kept.
    @Test func stemsInPlace() {
        var word = Array("generalizations".utf8)
        let (base, capacity) = (word.withUnsafeBufferPointer { $0.baseAddress }, word.capacity)
        EnglishStemmer.stem(&word)
        #expect(String(decoding: word, as: UTF8.self) == "general")
        #expect(word.withUnsafeBufferPointer { $0.baseAddress } == base)
        #expect(word.capacity == capacity)
    }

    // MARK: The reference

    /// Every word of `Tests/Fixtures/stemmer/porter2-vocabulary.tsv` (the pure
    /// a-z words of Data/ plus hand-picked ones, stemmed by snowballstemmer
    /// 3.1.1; see generate-vocabulary.py there) stems exactly as listed.
    @Test func agreesWithTheReferenceOnTheVocabulary() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stemmer/porter2-vocabulary.tsv").path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        var checked = 0
        var mismatches: [String] = []
        for line in lines where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "bad line: \(line)")
            var word = Array(fields[0].utf8)
            EnglishStemmer.stem(&word)
            let stem = String(decoding: word, as: UTF8.self)
            if stem != fields[1] { mismatches.append("\(fields[0]) -> \(stem), want \(fields[1])") }
            checked += 1
        }
        #expect(checked >= 10_000, "only \(checked) words in \(path)")
        if !mismatches.isEmpty {
            Issue.record("\(mismatches.count) of \(checked) words differ: \(mismatches.prefix(10).joined(separator: "; "))")
        }
    }
}
