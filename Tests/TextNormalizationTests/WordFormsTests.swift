import Testing

@testable import TextNormalization

/// Each rule of ``WordForms``: the forms a reader calls one word meet, on
/// both sides of a match.
@Suite struct WordFormsTests {
    private func meet(_ words: String...) -> Bool {
        Set(words.map { SearchText.terms($0) }).count == 1
    }

    @Test(arguments: [
        ("normalising", "normalizing"), ("normalisation", "normalization"), ("optimiser", "optimizer"),
        ("optimised", "optimized"), ("modelling", "modeling"), ("labelled", "labeled"), ("travellers", "travelers"),
        ("behaviour", "behavior"), ("colours", "colors"), ("behavioural", "behavioral"), ("centre", "center"),
        ("fibres", "fibers"), ("catalogue", "catalog"), ("analyse", "analyze"), ("defence", "defense"),
    ])
    func britishAndAmericanSpellingsMeet(british: String, american: String) {
        #expect(meet(british, american))
    }

    @Test func spellingRulesSpareOtherWords() {
        // Too short before the ending, or a word of its own.
        for (word, other) in [("size", "sise"), ("four", "for"), ("hour", "hor"), ("telling", "teling")] {
            #expect(!meet(word, other), "\(word) must not meet \(other)")
        }
    }

    @Test(arguments: [
        ("cosmology", "cosmological"), ("inference", "inferring"), ("supervised", "supervision"),
        ("networks", "network"), ("theories", "theory"), ("galaxies", "galaxy"),
    ])
    func derivedFormsMeet(a: String, b: String) {
        #expect(meet(a, b))
    }

    @Test(arguments: [
        ("nebulae", "nebula"), ("supernovae", "supernova"), ("spectra", "spectrum"), ("quanta", "quantum"),
        ("maxima", "maximum"), ("nuclei", "nucleus"), ("radii", "radius"), ("foci", "focus"),
        ("phenomena", "phenomenon"), ("vertices", "vertex"), ("matrices", "matrix"), ("indices", "index"),
        ("hypotheses", "hypothesis"),
    ])
    func latinAndGreekPluralsMeetTheirSingular(plural: String, singular: String) {
        #expect(meet(plural, singular))
    }

    @Test func aHyphenatedPairCarriesTheJoinedWordAsACompound() {
        var compound: [String] = []
        SearchText.forEachTerm(in: "non-linear") { term, _, isCompound in if isCompound { compound.append(term) } }
        #expect(compound == SearchText.terms("nonlinear"))
    }

    @Test func keysUnifySpellingButNotStems() {
        var word = Array("modelling".utf8)
        WordForms.unifyKey(&word)
        #expect(String(decoding: word, as: UTF8.self) == "modeling")
        word = Array("cosmological".utf8)
        WordForms.unifyKey(&word)
        #expect(String(decoding: word, as: UTF8.self) == "cosmological")
    }
}
