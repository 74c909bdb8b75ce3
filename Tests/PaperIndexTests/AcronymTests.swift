import PaperCatalog
import Testing

@testable import PaperIndex

/// Acronyms learned from hand-made abstracts, and how search uses them.
@Suite struct AcronymTests {
    private static let abstracts = [
        "We estimate mutual information (MI) between features with neural critics.",
        "Mechanistic interpretability (MI) reverse-engineers the circuits of trained networks.",
        "Bounds on mutual information for representation learning, without any acronym.",
        "Dark matter (DM) halos in simulations.", "Dark matter (DM) substructure.", "Dark matter (DM) detection.",
        "Dark matter (DM) and galaxies.", "Dark matter (DM) in clusters.", "Diffusion models (DM) generate images.",
        "Diffusion models for weather, never abbreviated.", "A survey of dark matter candidates, written out in full.",
        "The (LSST) survey, and a (NASA) mission, and an (x) and (ABC) with no words before.",
    ]
    private static let index = CatalogIndex(
        papers: abstracts.enumerated().map { position, abstract in
            Paper(id: "p\(position)", title: "Paper \(position)", abstract: abstract)
        })

    private func ids(_ query: String) throws -> Set<String> {
        Set(try Self.index.search(SearchRequest(query: try Query.parse(query))).map(\.paper.id))
    }

    @Test func definitionsAreLearnedWithCountsAndBothMeaningsKept() {
        let learned = Self.index.learnedAcronyms()
        #expect(learned.first == Acronym(acronym: "DM", expansion: "Dark matter", count: 5))
        #expect(learned.contains(Acronym(acronym: "MI", expansion: "mutual information", count: 1)))
        #expect(learned.contains(Acronym(acronym: "MI", expansion: "Mechanistic interpretability", count: 1)))
        #expect(learned.contains(Acronym(acronym: "DM", expansion: "Diffusion models", count: 1)))
        // A parenthesised word with no long form before it is no definition.
        #expect(!learned.contains { ["LSST", "NASA", "ABC"].contains($0.acronym) })
    }

    @Test func anAcronymFindsPapersThatOnlySpellItOut() throws {
        // Both meanings of MI are as frequent: both expand.
        #expect(try ids("MI") == ["p0", "p1", "p2"])
        // DM is dark matter five times and diffusion models once: only dark matter expands.
        #expect(try ids("DM").contains("p10"))
        #expect(try !ids("DM").contains("p9"))
    }

    @Test func theLongFormFindsPapersThatOnlyWriteTheAcronymRankedBelowLiteralOnes() throws {
        let hits = try Self.index.search(SearchRequest(query: try Query.parse("mutual information")))
        #expect(Set(hits.map(\.paper.id)) == ["p0", "p1", "p2"])
        // p1 holds only `MI` (as mechanistic interpretability): it ranks last.
        #expect(hits.last?.paper.id == "p1")
    }
}
