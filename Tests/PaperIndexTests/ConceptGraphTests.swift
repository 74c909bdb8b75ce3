import PaperCatalog
import Testing
import TextNormalization

@testable import PaperIndex

/// A small index of hand-made papers, newest first by date.
private func fixture(_ papers: [Paper]) -> CatalogIndex { CatalogIndex(papers: papers) }

private func all(_ index: CatalogIndex) throws -> Hits {
    var request = SearchRequest()
    request.sort = .date
    return try index.search(request)
}

@Suite struct ConceptGraphTests {
    @Test func bundledTagsThatSharePapersAreJoined() throws {
        let hits = try all(index)
        let graph = index.conceptGraph(of: hits, kind: .tags)
        // Counted again here, paper by paper: papers tagged with both.
        let both = hits.filter { hit in
            let keys = Set(hit.paper.keywords.map { SearchText.key($0) })
            return keys.contains("representation learning") && keys.contains("interpretability")
        }.count
        #expect(both == 14)
        let learning = try #require(graph.nodes.firstIndex { $0.id == "representation learning" })
        let interpretability = try #require(graph.nodes.firstIndex { $0.id == "interpretability" })
        let edge = try #require(
            graph.edges.first {
                Set([$0.source, $0.target]) == Set([learning, interpretability])
            })
        #expect(edge.papers == both)
        let union = graph.nodes[learning].papers + graph.nodes[interpretability].papers - both
        #expect(abs(edge.jaccard - Double(both) / Double(union)) < 1e-12)
        #expect(graph.papers == 613)
    }

    @Test func nodeCountsAreTheFacetCounts() throws {
        let hits = try all(index)
        let graph = index.conceptGraph(of: hits, kind: .tags)
        let facets = try index.count(.keywords).rows
        #expect(graph.nodes.count == facets.count)
        #expect(
            Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.label, $0.papers) })
                == Dictionary(uniqueKeysWithValues: facets.map { ($0.value!, $0.count) }))
    }

    @Test func topKeepsTheStrongestNodesAndTheEdgesAmongThem() throws {
        let hits = try all(index)
        let whole = index.conceptGraph(of: hits, kind: .tags)
        let top = index.conceptGraph(of: hits, kind: .tags, top: 20)
        #expect(top.nodes == Array(whole.nodes.prefix(20)))
        let kept = Set(top.nodes.map(\.id))
        let expected = whole.edges.filter { kept.contains(whole.nodes[$0.source].id) && kept.contains(whole.nodes[$0.target].id) }
        #expect(top.edges.count == expected.count)
        #expect(top.edges.allSatisfy { $0.source < $0.target && $0.target < 20 })
        // Strongest first, then by node order: the same bytes every time.
        #expect(zip(top.edges, top.edges.dropFirst()).allSatisfy { ($1.papers, $0.source, $0.target) < ($0.papers, $1.source, $1.target) })
        #expect(top == index.conceptGraph(of: hits, kind: .tags, top: 20))
    }

    @Test func minimumWeightDropsWeakEdges() throws {
        let hits = try all(index)
        let graph = index.conceptGraph(of: hits, kind: .tags, top: 60, minimumWeight: 3)
        #expect(!graph.edges.isEmpty && graph.edges.allSatisfy { $0.papers >= 3 })
        #expect(graph.nodes.count == 60)
    }

    @Test func coauthorsOfTheBundledCatalog() throws {
        let graph = index.conceptGraph(of: try all(index), kind: .authors, top: 2)
        #expect(graph.nodes.map(\.label) == ["Ziming Liu", "Max Tegmark"])
        #expect(graph.edges.map(\.papers) == [14])
    }

    @Test func filtersSelectThePapers() throws {
        var request = SearchRequest()
        request.categories = ["Astrophysics"]
        let hits = try index.search(request)
        let graph = index.conceptGraph(of: hits, kind: .tags)
        #expect(graph.papers == 152)
        #expect(graph.nodes.first?.papers == (try index.count(.keywords, matching: request).rows.first?.count))
    }

    @Test func emptySelectionIsAnEmptyGraph() {
        let graph = index.conceptGraph(of: [], kind: .tags)
        #expect(graph.nodes.isEmpty && graph.edges.isEmpty && graph.papers == 0)
    }

    @Test func singlePaperJoinsEachPairOfItsTagsOnce() throws {
        let small = fixture([Paper(id: "p", title: "One", keywords: ["Diffusion Models", "diffusion model", "lensing", "dark matter"])])
        let graph = small.conceptGraph(of: try all(small), kind: .tags)
        // `Diffusion Models` and `diffusion model` are one tag, counted once.
        #expect(graph.nodes.map(\.id) == ["dark matter", "diffusion model", "lensing"])
        #expect(graph.nodes.allSatisfy { $0.papers == 1 })
        #expect(graph.edges.map { [$0.source, $0.target] } == [[0, 1], [0, 2], [1, 2]])
        #expect(graph.edges.allSatisfy { $0.papers == 1 && $0.jaccard == 1 })
    }

    @Test func papersWithoutTagsCountButAddNoNodes() throws {
        let small = fixture([Paper(id: "a", title: "A"), Paper(id: "b", title: "B", keywords: ["x"])])
        let graph = small.conceptGraph(of: try all(small), kind: .tags)
        #expect(graph.papers == 2 && graph.nodes.map(\.id) == ["x"] && graph.edges.isEmpty)
    }
}
