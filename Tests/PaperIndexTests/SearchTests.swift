import Foundation
import PaperCatalog
import Testing
@testable import PaperIndex

let index: CatalogIndex = {
    let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data").path
    return CatalogIndex(papers: Catalog.load(paths: [data]).papers)
}()

private func search(_ query: String? = nil, _ configure: (inout SearchRequest) -> Void = { _ in }) throws -> [Hit] {
    var request = SearchRequest(query: try query.flatMap { try Query.parse($0) })
    configure(&request)
    return try index.search(request)
}

@Suite struct SearchTests {
    @Test func keywordExactTagsRankFirst() throws {
        let hits = try search { $0.keywords = ["diffusion models"] }
        let exact = hits.prefix { $0.paper.keywords.contains("diffusion models") }
        #expect(exact.count >= 20)
        #expect(hits.dropFirst(exact.count).allSatisfy { !$0.paper.keywords.contains("diffusion models") })
        #expect(hits.allSatisfy { $0.paper.keywords.contains { $0.contains("diffusion model") } })
    }

    @Test func categoryFilterAndSuggestion() throws {
        let astro = try search { $0.categories = ["Astrophysics"]; $0.sort = .date }
        #expect(astro.count == 152)
        #expect(zip(astro, astro.dropFirst()).allSatisfy { ($0.paper.date ?? .init(year: 1, month: 1, day: 1)!) >= ($1.paper.date ?? .init(year: 1, month: 1, day: 1)!) })
        #expect(throws: SearchError.unknownCategory("Astrophisics", suggestion: "Astrophysics", known: ["Astrophysics", "Experimental Physics", "Foundational AI", "Theoretical Physics"])) {
            _ = try search { $0.categories = ["Astrophisics"] }
        }
    }

    @Test func authorAndDateFilters() throws {
        let tegmark = try search("\"dark matter\"") { $0.authors = ["Tegmark"]; $0.since = PaperDate(iso: "2022") }
        #expect(!tegmark.isEmpty)
        #expect(tegmark.allSatisfy { $0.paper.authors.contains { $0.contains("Tegmark") } && $0.paper.year! >= 2022 })
        #expect(try search("author:^Tegmark").isEmpty)
        let first = try search("author:^Halverson")
        #expect(!first.isEmpty && first.allSatisfy { $0.paper.authors.first?.contains("Halverson") == true })
        #expect(first.count < (try search("author:Halverson")).count)
    }

    @Test func titleHitOutranksAbstractHit() throws {
        let hits = try search("grokking")
        #expect(hits.first?.paper.title?.lowercased().contains("grokking") == true)
        #expect(hits.map(\.score!) == hits.map(\.score!).sorted(by: >))
    }

    @Test func booleanOperators() throws {
        let both = try search("lattice qcd")
        let either = try search("lattice OR qcd")
        let without = try search("lattice -qcd")
        #expect(both.count < either.count)
        #expect(without.count + both.count == (try search("lattice")).count)
        let years = try search("year:2020..2021")
        #expect(!years.isEmpty && years.allSatisfy { (2020...2021).contains($0.paper.year!) })
        #expect(try search("diffus*").count >= (try search("diffusion")).count)
    }

    @Test func normalisationFindsTheBundledSpellings() throws {
        #expect(try search("lyman-alpha").contains { $0.paper.title?.contains("Lyman-$α$") == true })
        #expect(try search("su(2)").contains { $0.paper.title?.contains("$SU(2)$") == true })
        #expect(try search("Jurgen").contains { $0.paper.authors.contains("Jürgen Reuter") })
        #expect(try search("keyword:\"score based model\"").count == (try search { $0.keywords = ["score-based models"] }).count)
    }

    @Test func facetsCountCategoriesAsThePageStates() throws {
        let counts = index.count(.categories, in: try search())
        #expect(counts == [
            FacetCount(value: "Foundational AI", count: 202), FacetCount(value: "Astrophysics", count: 152),
            FacetCount(value: "Theoretical Physics", count: 150), FacetCount(value: "Experimental Physics", count: 70),
            FacetCount(value: nil, count: 39),
        ])
        let astroTags = index.count(.keywords, in: try search { $0.categories = ["Astrophysics"] }, top: 3)
        #expect(astroTags.count == 3 && astroTags[0].count >= astroTags[2].count)
    }

    @Test func relatedSharesTagsOrAuthors() throws {
        let doc = try #require(index.papers.firstIndex { $0.title == "AI Feynman: a Physics-Inspired Method for Symbolic Regression" })
        let related = index.related(to: doc, limit: 5)
        #expect(related.count == 5)
        #expect(related.allSatisfy { $0.doc != doc })
        #expect(related.contains { $0.sharedTags.contains("symbolic regression") || $0.sharedAuthors.contains("Max Tegmark") })
        #expect(related.map(\.score) == related.map(\.score).sorted(by: >))
    }

    @Test func docSetOperations() {
        let a = DocSet(sorted: [1, 3, 5, 7]), b = DocSet(sorted: [3, 4, 5])
        #expect(a.intersection(b).docs == [3, 5])
        #expect(a.union(b).docs == [1, 3, 4, 5, 7])
        #expect(a.subtracting(b).docs == [1, 7])
    }
}
