import Testing
@testable import PaperCatalog

@Suite struct SearchTextTests {
    @Test func foldsCaseAndDiacritics() {
        #expect(SearchText.terms("Jürgen Reuter") == SearchText.terms("jurgen REUTER"))
        #expect(SearchText.terms("Tibor Šimko") == ["tibor", "simko"])
    }

    @Test func hyphenEqualsSpace() {
        #expect(SearchText.terms("score-based models") == SearchText.terms("score based model"))
    }

    @Test func pluralEqualsSingular() {
        #expect(SearchText.key("diffusion models") == SearchText.key("diffusion model"))
        #expect(SearchText.stem("processes") == SearchText.stem("process"))
        #expect(SearchText.stem("theories") == "theory")
        #expect(SearchText.stem("analysis") == "analysis")
    }

    @Test func latexAndGreek() {
        #expect(SearchText.terms("Lyman-$α$ forest") == SearchText.terms("lyman-alpha forest"))
        #expect(SearchText.terms("Lyman-$\\alpha$") == ["lyman", "alpha"])
        #expect(SearchText.terms("$SU(2)$ lattice") == SearchText.terms("su(2) lattice"))
        #expect(SearchText.terms("$\\mathcal{D}$-module") == ["d", "module"])
    }
}
