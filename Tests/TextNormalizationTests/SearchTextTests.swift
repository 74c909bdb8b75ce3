import Testing

@testable import TextNormalization

@Suite struct SearchTextTests {
    @Test func foldsCaseAndDiacritics() {
        #expect(SearchText.terms("Jürgen Reuter") == SearchText.terms("jurgen REUTER"))
        #expect(SearchText.terms("Tibor Šimko") == ["tibor", "simko"])
    }

    @Test func hyphenEqualsSpace() {
        #expect(SearchText.terms("score-based models") == SearchText.terms("score based model"))
    }

    @Test func hyphenatedWordsAlsoStandAsOneCompound() {
        var compounds: [(String, Range<Int>)] = []
        SearchText.forEachTerm(in: "a multi-scale model") { term, range, isCompound in
            if isCompound { compounds.append((term, range)) }
        }
        #expect(compounds.map(\.0) == SearchText.terms("multiscale"))
        #expect(compounds.map(\.1) == [2..<13])
        // A dash between spaces, or two hyphens, joins nothing.
        var joined = 0
        SearchText.forEachTerm(in: "multi - scale, multi--scale") { _, _, isCompound in joined += isCompound ? 1 : 0 }
        #expect(joined == 0)
    }

    @Test func termsKnowWhereTheyAreInTheText() {
        var ranges: [Range<Int>] = []
        SearchText.forEachTerm(in: "Über $\\alpha$-decay") { _, range, _ in ranges.append(range) }
        // UTF-8 offsets: `Über` is five bytes; `\alpha` spans the command; `decay` follows the hyphen.
        #expect(ranges.prefix(3) == [0..<5, 7..<13, 15..<20])
    }

    @Test func pluralsAndKeysStayLight() {
        #expect(SearchText.key("diffusion models") == SearchText.key("diffusion model"))
        #expect(SearchText.key("normalising flows") == SearchText.key("normalizing flow"))
        // Exact values keep derived forms apart: two tags, not one.
        #expect(SearchText.key("cosmology") != SearchText.key("cosmological"))
    }

    @Test func acronymPluralsAreSingular() {
        #expect(SearchText.terms("LLMs PDEs GNNs") == SearchText.terms("LLM PDE GNN"))
        #expect(SearchText.terms("llms") == SearchText.terms("llm"))
        // Ordinary words ending in `s` after capitals are not acronyms.
        #expect(SearchText.terms("Process") == SearchText.terms("process"))
    }

    @Test func latexAndGreek() {
        #expect(SearchText.terms("Lyman-$α$ forest") == SearchText.terms("lyman-alpha forest"))
        #expect(SearchText.terms("Lyman-$\\alpha$") == SearchText.terms("lyman alpha"))
        #expect(SearchText.terms("$SU(2)$ lattice") == SearchText.terms("su(2) lattice"))
        #expect(SearchText.terms("$\\mathcal{D}$-module") == ["d", "modul"])
    }

    @Test func functionWordsAreKnown() {
        #expect(StopWords.contains("The") && StopWords.contains("of") && StopWords.contains("with"))
        #expect(!StopWords.contains("matter") && !StopWords.contains("dark"))
    }
}
