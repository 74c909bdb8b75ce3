import Foundation
import PaperCatalog
import Testing
import TextNormalization

@testable import PaperIndex

/// The bundled catalog's folder, `Data/`.
let bundledData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Data").path

let index = CatalogIndex(papers: Catalog.load(paths: [bundledData]).papers)

private func search(_ query: String? = nil, _ configure: (inout SearchRequest) -> Void = { _ in }) throws -> Hits {
    var request = SearchRequest(query: try query.flatMap { try Query.parse($0) })
    configure(&request)
    return try index.search(request)
}

/// The top 5 of `dark matter -halo` in Astrophysics, as `configure` ranks them.
private func filteredDarkMatter(_ configure: (inout SearchRequest) -> Void) throws -> [Int] {
    try search("dark matter -halo") {
        $0.limit = 5
        $0.categories = ["Astrophysics"]
        configure(&$0)
    }.map(\.doc)
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
        let astro = try search {
            $0.categories = ["Astrophysics"]
            $0.sort = .date
        }
        #expect(astro.count == 152)
        #expect(
            zip(astro, astro.dropFirst()).allSatisfy {
                ($0.paper.date ?? .init(year: 1, month: 1, day: 1)!) >= ($1.paper.date ?? .init(year: 1, month: 1, day: 1)!)
            })
        #expect(
            throws: SearchError.unknownCategory(
                "Astrophisics", suggestion: "Astrophysics", known: ["Astrophysics", "Experimental Physics", "Foundational AI", "Theoretical Physics"])
        ) {
            _ = try search { $0.categories = ["Astrophisics"] }
        }
    }

    @Test func authorAndDateFilters() throws {
        let tegmark = try search("\"dark matter\"") {
            $0.authors = ["Tegmark"]
            $0.since = PaperDate(iso: "2022")
        }
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

    @Test func optionalWordsRankPapersWithMoreAndRarerWordsFirst() throws {
        let either = try search("lattice qcd")
        let both = try search("+lattice +qcd")
        #expect(either.count == (try search("lattice OR qcd")).count)
        #expect(both.count < either.count && !both.isEmpty)
        #expect(try search("lattice -qcd").count + both.count == (try search("lattice")).count)
        // Papers holding both words come first: each lone word scores less than the pair.
        let bothIDs = Set(both.map(\.doc))
        #expect(either.prefix(both.count).filter { bothIDs.contains($0.doc) }.count >= both.count * 3 / 4)
        #expect(either.map(\.score!) == either.map(\.score!).sorted(by: >))
        // A long query returns papers although none holds every word.
        let long = try search("dark matter substructure strong lensing astrometric machine learning")
        #expect(long.count > 100)
        let years = try search("year:2020..2021")
        #expect(!years.isEmpty && years.allSatisfy { (2020...2021).contains($0.paper.year!) })
        #expect(try search("diffus*").count >= (try search("diffusion")).count)
    }

    @Test func aRepeatedWordCountsOnceAndFunctionWordsNeitherExcludeNorDominate() throws {
        let plain = try search("dark matter") { $0.limit = 20 }
        #expect(try search("dark dark matter matter") { $0.limit = 20 }.map(\.doc) == plain.map(\.doc))
        #expect(try search("dark dark matter") { $0.limit = 20 }.map(\.score!) == plain.map(\.score!))
        #expect(try search("the dark matter of the halo") { $0.limit = 20 }.map(\.doc) == (try search("dark matter halo") { $0.limit = 20 }).map(\.doc))
        // A query of function words alone still searches them.
        #expect(!(try search("the of")).isEmpty)
        #expect(try search("").isEmpty == false)  // no query: every paper, as `list`
    }

    @Test func maxScoreGivesTheSameTopTenAsScoringEveryCandidate() throws {
        var generator = SystemRandomNumberGenerator()
        let words = [
            "dark", "matter", "neural", "network", "lattice", "qcd", "galaxy", "the", "diffusion", "model", "jet",
            "anomaly", "detection", "strong", "lensing", "SBI", "multi-scale", "simulation-based", "inference", "flows",
        ]
        for _ in 0..<200 {
            let query = (0..<Int.random(in: 1...10, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            let pruned = try search(query) { $0.limit = 10 }
            let exhaustive = try search(query) {
                $0.limit = 10
                $0.prunes = false
            }
            #expect(pruned.map(\.doc) == exhaustive.map(\.doc), "\(query)")
            #expect(pruned.map(\.score!) == exhaustive.map(\.score!), "\(query)")
        }
        // Filters and exclusions bound the pruned search too.
        #expect(try filteredDarkMatter { _ in } == filteredDarkMatter { $0.prunes = false })
    }

    @Test func rankingDocumentRangesApartGivesTheSameAnswer() throws {
        var generator = SystemRandomNumberGenerator()
        let words = ["dark", "matter", "neural", "network", "galaxy", "the", "diffusion", "model", "jet", "lensing", "inference", "data"]
        for _ in 0..<100 {
            let query = (0..<Int.random(in: 1...10, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            let limit = [1, 10, 100].randomElement(using: &generator)!
            let whole = try search(query) {
                $0.limit = limit
                $0.scoringParts = 1
            }
            // More ranges than cores, and some holding none of the matches.
            for parts in [2, 3, 7, 64] {
                let split = try search(query) {
                    $0.limit = limit
                    $0.scoringParts = parts
                }
                #expect(split.map(\.doc) == whole.map(\.doc), "\(query), \(parts) parts")
                #expect(split.map(\.score!) == whole.map(\.score!), "\(query), \(parts) parts")
            }
        }
        // Within a filter and outside an exclusion too.
        #expect(try filteredDarkMatter { $0.scoringParts = 3 } == filteredDarkMatter { $0.prunes = false })
    }

    @Test func prefixesGoThroughTheTokeniser() throws {
        #expect(try search("models*").count >= (try search("model")).count)
        let selfSupervised = try search("self-sup*")
        #expect(!selfSupervised.isEmpty)
        #expect(
            selfSupervised.allSatisfy { hit in
                [hit.paper.title, hit.paper.abstract].compactMap { $0?.lowercased() }.contains { $0.contains("self-sup") || $0.contains("selfsup") }
                    || hit.paper.keywords.contains { $0.contains("self-sup") || $0.contains("selfsup") }
            })
    }

    @Test func spellingVariantsAndCompoundsFindTheSamePapers() throws {
        func ids(_ query: String) throws -> Set<Int> { Set(try search("+" + query).map(\.doc)) }
        #expect(try ids("normalising") == (try ids("normalizing")))
        #expect(try ids("modelling") == (try ids("modeling")))
        #expect(try ids("cosmological") == (try ids("cosmology")))
        #expect(try search("multiscale").contains { $0.paper.title?.contains("Multiscale") == true })
        #expect(try search("multi-scale").contains { $0.paper.title?.contains("Multiscale") == true })
        #expect(try search("multi scale") { $0.limit = 3 }.contains { $0.paper.title?.contains("Multiscale") == true })
        #expect(try search("nonlinear").contains { $0.paper.abstract?.contains("non-linear") == true })
    }

    @Test func acronymsFindWhatIsSpelledOutAndTheReverse() throws {
        let acronym = try search("SBI")
        #expect(acronym.contains { ($0.paper.title ?? "").contains("SBI") })
        let spelledOut = acronym.filter { hit in
            !([hit.paper.title, hit.paper.abstract].compactMap { $0 }.joined().contains("SBI")) && !hit.paper.keywords.joined().contains("sbi")
        }
        #expect(!spelledOut.isEmpty)
        // The literal form ranks first.
        #expect(([acronym[0].paper.title, acronym[0].paper.abstract].compactMap { $0 }.joined()).contains("SBI"))
        // Two bundled papers write only `LLM`; the long form, defined in others, finds them.
        let expansion = try search("large language models")
        #expect(
            expansion.contains { hit in
                let text = [hit.paper.title, hit.paper.abstract].compactMap { $0 }.joined()
                return text.contains("LLM") && !text.lowercased().replacingOccurrences(of: "-", with: " ").contains("large language model")
            })
    }

    @Test func matchesNameTheWordsAndMarkTheExcerpt() throws {
        let hits = try search("dark matter substructure") {
            $0.limit = 3
            $0.explainsMatches = true
        }
        for hit in hits {
            let matches = try #require(hit.matches)
            #expect(matches.fields.contains { $0.field == .title || $0.field == .abstract })
            let excerpt = try #require(matches.excerpt)
            let scalars = Array(excerpt.text.unicodeScalars)
            for highlight in excerpt.highlights {
                let word = String(String.UnicodeScalarView(scalars[highlight])).lowercased()
                #expect(["dark", "matter", "substructure"].contains { word.contains($0) }, "\(word)")
            }
            #expect(!excerpt.highlights.isEmpty)
        }
        #expect(try search("dark matter") { $0.limit = 1 }.first?.matches == nil)
    }

    @Test func normalisationFindsTheBundledSpellings() throws {
        #expect(try search("lyman-alpha").contains { $0.paper.title?.contains("Lyman-$α$") == true })
        #expect(try search("su(2)").contains { $0.paper.title?.contains("$SU(2)$") == true })
        #expect(try search("Jurgen").contains { $0.paper.authors.contains("Jürgen Reuter") })
        #expect(try search("keyword:\"score based model\"").count == (try search { $0.keywords = ["score-based models"] }).count)
    }

    @Test func facetsCountCategoriesAsThePageStates() throws {
        let counts = try index.count(.categories).rows
        #expect(
            counts == [
                FacetCount(value: "Foundational AI", count: 202), FacetCount(value: "Astrophysics", count: 152),
                FacetCount(value: "Theoretical Physics", count: 150), FacetCount(value: "Experimental Physics", count: 70),
                FacetCount(value: nil, count: 39),
            ])
        var astro = SearchRequest()
        astro.categories = ["Astrophysics"]
        let astroTags = try index.count(.keywords, matching: astro, top: 3).rows
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

    /// A limited search gives the first results of the unlimited one, in
    /// every order and with each kind of filter, including phrases whose
    /// word order is checked only as far as ranking reaches.
    @Test(arguments: ["\"dark matter\"", "machine-learning galaxy", "\"neural network\" OR symmetry", "\"gravitational wave\" -LIGO"])
    func limitedSearchIsAPrefixOfTheFullOne(query: String) throws {
        for sort in SortOrder.allCases {
            for keywords in [[], ["machine learning"]] {
                let all = try search(query) {
                    $0.sort = sort
                    $0.keywords = keywords
                }
                let first = try search(query) {
                    $0.sort = sort
                    $0.keywords = keywords
                    $0.limit = 3
                }
                #expect(first.map(\.doc) == all.prefix(3).map(\.doc), "\(query) by \(sort) with \(keywords)")
                #expect(first.map(\.score) == all.prefix(3).map(\.score))
            }
        }
        let hits = try search(query)
        #expect(!hits.isEmpty)
    }

    @Test func phraseWordsMustBeAdjacentAndInOrder() throws {
        let phrase = try search("\"learning machine\"")
        let words = try search("learning machine")
        #expect(phrase.count == 5)
        #expect(words.count > 100)
        #expect(
            phrase.allSatisfy { hit in
                [hit.paper.title, hit.paper.abstract].contains { $0.map { SearchText.key($0).contains("learning machine") } ?? false }
            })
        #expect(try search("\"matter dark\"").isEmpty)
        #expect(try search("\"dark matter\"").count == 47)
    }

    @Test func docSetOperations() {
        let a = DocSet(sorted: [1, 3, 5, 7])
        let b = DocSet(sorted: [3, 4, 5])
        #expect(Array(a.intersection(b)) == [3, 5])
        #expect(Array(a.union(b)) == [1, 3, 4, 5, 7])
        #expect(Array(a.subtracting(b)) == [1, 7])
        #expect(a.contains(5) && !a.contains(4) && !a.contains(8))
    }

    /// Galloping cursors against plain set arithmetic, on sets of very
    /// different sizes (where galloping skips) and similar ones.
    @Test(arguments: [(3, 5000), (400, 600), (2000, 2000)])
    func docSetOperationsAgreeWithSets(sizes: (Int, Int)) {
        var state: UInt64 = 42
        func next() -> Int32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int32((state >> 33) % 10_000)
        }
        let small = Set((0..<sizes.0).map { _ in next() })
        let large = Set((0..<sizes.1).map { _ in next() })
        let a = DocSet(sorted: small.sorted())
        let b = DocSet(sorted: large.sorted())
        #expect(Array(a.intersection(b)) == small.intersection(large).sorted())
        #expect(Array(b.intersection(a)) == small.intersection(large).sorted())
        #expect(Array(a.union(b)) == small.union(large).sorted())
        #expect(Array(DocSet.union([a, b, a])) == small.union(large).sorted())
        #expect(Array(b.subtracting(a)) == large.subtracting(small).sorted())
        #expect(Array(a.subtracting(b)) == small.subtracting(large).sorted())
    }

    @Test func docsAreNumberedNewestFirst() {
        let dates = (0..<index.count).map { index.papers[$0].date }
        let dated = dates.prefix { $0 != nil }.map { $0! }
        #expect(dated.count == 613)
        #expect(dated == dated.sorted(by: >))
        let year2024 = index.docs(datedFrom: PaperDate(iso: "2024-01-01"), to: PaperDate(iso: "2024-12-31"))
        #expect(!year2024.isEmpty)
        #expect(year2024.allSatisfy { index.papers[Int($0)].year == 2024 })
        #expect(dates.indices.filter { dates[$0]?.year == 2024 } == year2024.map(Int.init))
    }
}
