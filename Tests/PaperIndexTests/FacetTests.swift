import Foundation
import PaperCatalog
import Testing
import TextNormalization

@testable import PaperIndex

/// Facets count from the exact indices without decoding a paper; the
/// counts must be those made by decoding every selected paper, for each
/// facet, with and without filters, on the bundled catalog and on seeded
/// random ones full of spellings of one value.
@Suite struct FacetTests {
    @Test(arguments: Facet.allCases) func bundledCountsAreThoseOfTheDecodedPapers(facet: Facet) throws {
        for request in Self.requests(
            keywords: ["dark matter", "neural networks", "diffusion models"], authors: ["Villar", "J. Thaler"],
            categories: ["Astrophysics", "Foundational AI"], query: "\"dark matter\" -review")
        {
            try expectReference(index, facet, request)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64]) func randomCountsAreThoseOfTheDecodedPapers(seed: UInt64) throws {
        let catalog = CatalogIndex(papers: RandomCatalog.papers(400, seed: seed))
        for facet in Facet.allCases {
            for request in Self.requests(
                keywords: ["dark matter", "neural network", "galaxy"], authors: ["Villar", "A. Smith"],
                categories: ["Astrophysics", "Foundational AI"], query: "lensing OR flows")
            {
                try expectReference(catalog, facet, request)
            }
        }
    }

    @Test func anUnknownCategoryIsTheSearchError() {
        var request = SearchRequest()
        request.categories = ["Astrophisics"]
        #expect(throws: SearchError.self) { try index.count(.keywords, matching: request) }
    }

    /// The author count adds up each spelling's papers: it is right only
    /// because two spellings on one paper are never one identity.
    @Test func spellingsOfOnePersonNeverShareAPaper() {
        for catalog in [index, CatalogIndex(papers: RandomCatalog.papers(400, seed: 9))] {
            for identity in 0..<catalog.identities.count {
                let keys = catalog.identities.keys(of: identity).map(Int.init)
                var seen = Set<Int32>()
                for key in keys {
                    for doc in catalog.authors.docs(at: key) { #expect(seen.insert(doc).inserted, "identity \(identity)") }
                }
            }
        }
    }

    /// Every posting knows how its paper spells the key: the first of the
    /// paper's values with that key.
    @Test func eachPostingHasItsPapersSpelling() {
        let catalog = CatalogIndex(papers: RandomCatalog.papers(300, seed: 7))
        for (exact, values) in [
            (catalog.tags, { (paper: Paper) in paper.keywords }), (catalog.categories, { (paper: Paper) in paper.category.map { [$0] } ?? [] }),
        ] {
            for key in 0..<exact.keys.count {
                let span = exact.starts.span(at: key, within: exact.docs.count)
                for position in span {
                    let paper = catalog.papers[Int(exact.docs[position])]
                    let written = values(paper).first { SearchText.key($0) == exact.keys[key] }
                    #expect(exact.spellings(ofKeys: [key], at: [position]).first == written)
                }
                #expect(exact.spellings(ofKeys: [key], at: [span.lowerBound]) == [exact.names[key]])
            }
        }
    }

    @Test func rowsAddUpToThePapersCounted() throws {
        let catalog = CatalogIndex(papers: RandomCatalog.papers(400, seed: 11))
        for request in Self.requests(keywords: ["galaxy"], authors: ["Villar"], categories: ["Astrophysics"], query: "lensing") {
            for facet in [Facet.categories, .years] {
                let counted = try catalog.count(facet, matching: request)
                #expect(counted.rows.map(\.count).reduce(0, +) == counted.papers)
                if request.includesInferred, facet == .categories, let none = counted.rows.last, none.value == nil {
                    // The papers with no stated category: inferred to be in one, or left with none.
                    #expect(counted.rows.compactMap(\.inferred).reduce(0, +) == none.count)
                }
            }
            let all = try catalog.search(request)
            let counted = try catalog.count(.authors, matching: request)
            #expect(counted.papers == all.count)
            #expect(counted.incompleteAuthorLists == all.count { !$0.paper.authorsComplete })
        }
    }

    /// Each kind of filter alone and some together, `--inferred`, a query.
    static func requests(keywords: [String], authors: [String], categories: [String], query: String) -> [SearchRequest] {
        var requests = [SearchRequest()]
        func add(_ configure: (inout SearchRequest) -> Void) {
            var request = SearchRequest()
            configure(&request)
            requests.append(request)
        }
        for keyword in keywords { add { $0.keywords = [keyword] } }
        add { $0.keywords = Array(keywords.prefix(2)) }
        for author in authors { add { $0.authors = [author] } }
        for category in categories + [CatalogIndex.noCategory] {
            add { $0.categories = [category] }
            add {
                $0.categories = [category]
                $0.includesInferred = true
            }
        }
        add { $0.categories = categories }
        add { $0.includesInferred = true }
        add {
            $0.since = PaperDate(iso: "2022")
            $0.until = PaperDate(iso: "2023", roundingUp: true)
        }
        add {
            $0.keywords = [keywords[0]]
            $0.categories = [categories[0]]
            $0.since = PaperDate(iso: "2021")
        }
        add {
            $0.authors = [authors[0]]
            $0.includesInferred = true
        }
        add { $0.query = try? Query.parse(query) }
        add {
            $0.query = try? Query.parse(query)
            $0.keywords = [keywords[0]]
        }
        return requests
    }

    private func expectReference(_ catalog: CatalogIndex, _ facet: Facet, _ request: SearchRequest) throws {
        for (top, byCount) in [(nil, false), (3, false), (3, true), (nil, true)] as [(Int?, Bool)] {
            let counted = try catalog.count(facet, matching: request, top: top, yearsByCount: byCount)
            let expected = try Self.reference(facet, catalog, request, top: top, yearsByCount: byCount)
            #expect(
                counted.rows == expected,
                "\(facet) \(request.keywords) \(request.authors) \(request.categories) \(request.includesInferred) \(String(describing: request.query)) top \(String(describing: top))"
            )
        }
    }

    /// The counts made by decoding each paper `request` finds, taken in
    /// `list`'s order (papers carrying more of the `--keyword` tags exactly
    /// first, then newest): a value is spelled as the first of them spells it.
    static func reference(_ facet: Facet, _ catalog: CatalogIndex, _ request: SearchRequest, top: Int?, yearsByCount: Bool) throws -> [FacetCount] {
        let keywordKeys = request.keywords.map(SearchText.key)
        func carried(_ hit: Hit) -> Int { keywordKeys.count { key in hit.paper.keywords.contains { SearchText.key($0) == key } } }
        let hits = try catalog.search(request).map { ($0, carried($0)) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.doc < $1.0.doc }.map(\.0)
        if facet == .authors { return referenceAuthors(catalog, hits, top: top) }
        let inferring = request.includesInferred && facet == .categories
        var counts: [String: Int] = [:]
        var inferredCounts: [String: Int] = [:]
        var spelling: [String: String] = [:]
        var uninferred = 0
        var missing = 0
        for hit in hits {
            let values: [String] =
                switch facet {
                case .keywords: hit.paper.keywords
                case .authors: hit.paper.authors
                case .categories: hit.paper.category.map { [$0] } ?? []
                case .years: hit.paper.year.map { [String($0)] } ?? []
                }
            if values.isEmpty { missing += 1 }
            if inferring, values.isEmpty {
                if let inferred = catalog.inferredCategory(of: hit.doc), inferred.confidence >= CatalogIndex.inferredCategoryThreshold {
                    let key = SearchText.key(inferred.name)
                    inferredCounts[key, default: 0] += 1
                    if spelling[key] == nil { spelling[key] = inferred.name }
                    counts[key, default: 0] += 0
                } else {
                    uninferred += 1
                }
            }
            for value in Set(values.map { SearchText.key($0) }) { counts[value, default: 0] += 1 }
            for value in values where spelling[SearchText.key(value)] == nil { spelling[SearchText.key(value)] = value }
        }
        var result = counts.map {
            FacetCount(value: spelling[$0.key] ?? $0.key, count: $0.value, inferred: inferring ? inferredCounts[$0.key, default: 0] : nil)
        }
        let total = { (count: FacetCount) in count.count + (count.inferred ?? 0) }
        result.sort { total($0) != total($1) ? total($0) > total($1) : $0.value! < $1.value! }
        if let top { result = Array(result.prefix(top)) }
        if facet == .years, !yearsByCount { result.sort { $0.value! < $1.value! } }
        if missing > 0, facet == .categories || facet == .years {
            result.append(FacetCount(value: nil, count: missing, inferred: inferring ? uninferred : nil))
        }
        return result
    }

    /// Papers per person, decoding each paper's author list.
    static func referenceAuthors(_ catalog: CatalogIndex, _ hits: [Hit], top: Int?) -> [FacetCount] {
        var counts: [Int32: Int] = [:]
        var seen: [Int32: Set<Int32>] = [:]
        for hit in hits {
            var identitiesOfPaper = Set<Int32>()
            for name in hit.paper.authors {
                guard let key = catalog.authors.keys.index(of: SearchText.key(name)) else { continue }
                let identity = catalog.identities.identityOfKey[key]
                identitiesOfPaper.insert(identity)
                seen[identity, default: []].insert(Int32(key))
            }
            for identity in identitiesOfPaper { counts[identity, default: 0] += 1 }
        }
        var result = counts.map { identity, count in
            let keys = catalog.identities.keys(of: Int(identity))
            let spellings = seen[identity] ?? []
            return FacetCount(
                value: keys.first.map { catalog.authors.names[Int($0)] }, count: count,
                variants: keys.filter(spellings.contains).map { catalog.authors.names[Int($0)] })
        }
        result.sort { $0.count != $1.count ? $0.count > $1.count : ($0.value ?? "") < ($1.value ?? "") }
        return top.map { Array(result.prefix($0)) } ?? result
    }
}

/// Papers drawn from small pools in which one value has several spellings
/// (case, plural, accents) and one person several names, dated or not,
/// categorised or not, with words to infer categories from.
private struct RandomCatalog {
    private var state: UInt64

    private init(seed: UInt64) { state = seed }

    static let keywords = [
        "dark matter", "Dark Matter", "dark matters", "neural network", "Neural Networks", "neural networks",
        "galaxy", "galaxies", "Galaxy", "lensing", "diffusion model", "diffusion models", "symbolic regression",
    ]
    static let authors = [
        "Victoria Ashley Villar", "V. A. Villar", "Ashley Villar", "Jesse Thaler", "J. Thaler", "Max Tegmark",
        "Kyle Cranmer", "Miles Cranmer", "A. Smith", "Alice Smith", "Andrew Smith", "José García", "Jose Garcia",
    ]
    static let categories: [String?] = ["Astrophysics", "astrophysics", "Foundational AI", "Theoretical Physics", nil, nil]
    static let words = ["galaxy", "lensing", "flows", "transformer", "quark", "gluon", "supernova", "attention", "lattice", "survey"]

    /// `count` papers, the same for the same `seed`.
    static func papers(_ count: Int, seed: UInt64) -> [Paper] {
        var random = RandomCatalog(seed: seed)
        return (0..<count).map { random.paper($0) }
    }

    private mutating func paper(_ position: Int) -> Paper {
        let category = Self.categories[next(Self.categories.count)]
        let year = next(8) == 0 ? nil : 2018 + next(8)
        let date = year.flatMap { PaperDate(year: $0, month: 1 + next(12), day: 1 + next(28)) }
        return Paper(
            id: "p\(position)", title: "Paper \(position) " + pick(Self.words, 3).joined(separator: " "),
            authors: pick(Self.authors, 1 + next(4)), authorsComplete: next(3) != 0, date: date,
            category: category, abstract: pick(Self.words, 8).joined(separator: " "), keywords: pick(Self.keywords, next(5)))
    }

    /// `count` draws from `pool`, repeats allowed.
    private mutating func pick(_ pool: [String], _ count: Int) -> [String] {
        (0..<count).map { _ in pool[next(pool.count)] }
    }

    /// SplitMix64 (Steele, Lea & Flood 2014), below `bound`.
    private mutating func next(_ bound: Int) -> Int {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
