import PaperCatalog
import Testing
import TextNormalization

@testable import PaperIndex

private func all(_ index: CatalogIndex) throws -> Hits {
    var request = SearchRequest()
    request.sort = .date
    return try index.search(request)
}

private func paper(_ id: String, _ year: Int, _ keywords: [String], abstract: String? = nil) -> Paper {
    Paper(id: id, title: "Paper \(id)", date: PaperDate(year: year, month: 6, day: 1), abstract: abstract, keywords: keywords)
}

@Suite struct TrendsTests {
    @Test func yearSpansParse() {
        #expect(YearSpan("2024") == YearSpan(lower: 2024, upper: 2024))
        #expect(YearSpan("2019..2022") == YearSpan(lower: 2019, upper: 2022))
        #expect(YearSpan("2024..") == YearSpan(lower: 2024, upper: nil))
        #expect(YearSpan("..2020") == YearSpan(lower: nil, upper: 2020))
        for bad in ["", "..", "20", "2024..2019", "2024...2025", "abcd", "2024-2025", "٢٠٢٤"] { #expect(YearSpan(bad) == nil, "\(bad)") }
        #expect(YearSpan(lower: 2024, upper: nil).description == "2024..")
    }

    /// A tag the bundled catalog really took up: its share, counted here
    /// paper by paper, is higher from 2024 on than before.
    @Test func bundledRisingTagReallyRose() throws {
        let hits = try all(index)
        let report = try index.trends(in: hits, of: .tags, before: nil, after: YearSpan("2024.."))
        #expect(report.after == 2024...2026 && report.before.upperBound == 2023)
        let rising = try #require(report.rising.first)
        func share(_ years: ClosedRange<Int>) -> Double {
            let dated = hits.filter { $0.paper.year.map(years.contains) ?? false }
            let tagged = dated.filter { $0.paper.keywords.contains { SearchText.key($0) == rising.id } }
            return Double(tagged.count) / Double(dated.count)
        }
        #expect(share(report.after) > share(report.before))
        #expect(abs(share(report.after) - rising.afterShare) < 1e-12)
        #expect(report.rising.contains { $0.label == "flow matching" })
        #expect(report.falling.contains { $0.label == "jet physics" })
        #expect(report.papersPerYear.reduce(0, +) == hits.count { $0.paper.year != nil })
    }

    @Test func defaultPeriodsAreTheLastTwoYearsAgainstTheRest() throws {
        let hits = try all(index)
        let report = try index.trends(in: hits, of: .tags, before: nil, after: nil)
        #expect(report.before == 2008...2024 && report.after == 2025...2026)
        #expect(report.beforePapers + report.afterPapers == hits.count { $0.paper.year != nil })
    }

    @Test func everyReportedChangePassesTheGuard() throws {
        let test = TrendGuard(minimumCount: 8, minimumZ: 2.58)
        let report = try index.trends(in: try all(index), of: .tags, before: YearSpan("2021..2023"), after: YearSpan("2024..2025"), guard: test)
        for trend in report.rising + report.falling {
            #expect(trend.before + trend.after >= 8 && abs(trend.z) >= 2.58)
            #expect(trend.perYear.count == report.years.count)
        }
        #expect(report.rising.allSatisfy { $0.change > 0 } && report.falling.allSatisfy { $0.change < 0 })
        #expect(zip(report.rising, report.rising.dropFirst()).allSatisfy { $0.change >= $1.change })
        #expect(zip(report.falling, report.falling.dropFirst()).allSatisfy { $0.change <= $1.change })
        #expect(abs(test.pValue - 0.00988) < 0.0001)
    }

    /// 2 of 10 papers in 2020, 8 of 10 in 2021: p = 0.5, z = 0.6 / √(0.25 × 0.2) = 2.683.
    @Test func zStatisticByHand() throws {
        var papers: [Paper] = []
        for position in 0..<10 { papers.append(paper("a\(position)", 2020, position < 2 ? ["quantum"] : ["other"])) }
        for position in 0..<10 { papers.append(paper("b\(position)", 2021, position < 8 ? ["quantum"] : ["other"])) }
        let small = CatalogIndex(papers: papers)
        let report = try small.trends(in: try all(small), of: .tags, before: nil, after: nil)
        #expect(report.before == 2020...2020 && report.after == 2021...2021)
        let quantum = try #require(report.rising.first)
        #expect(quantum.id == "quantum" && quantum.before == 2 && quantum.after == 8)
        #expect(abs(quantum.z - 0.6 / (0.25 * 0.2).squareRoot()) < 1e-9)
        #expect(report.falling.map(\.id) == ["other"])
        // Too few papers: not even tested.
        let strict = try small.trends(in: try all(small), of: .tags, before: nil, after: nil, guard: TrendGuard(minimumCount: 11))
        #expect(strict.tested == 0 && strict.rising.isEmpty)
    }

    @Test func wordsAreStemsWithTheirCommonSpelling() throws {
        var papers: [Paper] = []
        for position in 0..<10 { papers.append(paper("a\(position)", 2020, [], abstract: "We study the stars of the Milky Way.")) }
        for position in 0..<10 {
            papers.append(paper("b\(position)", 2021, [], abstract: position < 7 ? "Galaxies and a galaxy, and the galaxies." : "We study the stars."))
        }
        let small = CatalogIndex(papers: papers)
        let report = try small.trends(in: try all(small), of: .words, before: nil, after: nil)
        let galaxy = try #require(report.rising.first)
        #expect(galaxy.label == "galaxies")
        #expect(SearchText.terms(galaxy.label) == [galaxy.id])
        #expect(galaxy.after == 7, "\(report.rising)")
        #expect(report.falling.contains { $0.label == "milky" })
        // Stop words, short words and numbers are not terms.
        #expect(!(report.rising + report.falling).contains { ["we", "the", "of", "and"].contains($0.label) })
    }

    @Test func periodsThatCannotBeCompared() throws {
        let hits = try all(index)
        #expect(throws: TrendError.overlapping(before: "2022..2024", after: "2023")) {
            _ = try index.trends(in: hits, of: .tags, before: YearSpan("2022..2024"), after: YearSpan("2023"))
        }
        #expect(throws: TrendError.emptyPeriod(name: "earlier", span: "before 2008", years: 2008...2026)) {
            _ = try index.trends(in: hits, of: .tags, before: nil, after: YearSpan("2008.."))
        }
        #expect(throws: TrendError.emptyPeriod(name: "earlier", span: "2010..2012", years: 2008...2026)) {
            _ = try index.trends(in: hits, of: .tags, before: YearSpan("2010..2012"), after: YearSpan("2024.."))
        }
        let undated = CatalogIndex(papers: [Paper(id: "x", title: "X", keywords: ["a"])])
        #expect(throws: TrendError.noDatedPapers) { _ = try undated.trends(in: try all(undated), of: .tags, before: nil, after: nil) }
        let single = CatalogIndex(papers: [paper("x", 2024, ["a"])])
        #expect(throws: TrendError.emptyPeriod(name: "later", span: "after 2024", years: 2024...2024)) {
            _ = try single.trends(in: try all(single), of: .tags, before: nil, after: nil)
        }
    }
}
