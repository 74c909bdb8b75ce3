import Foundation
import PaperCatalog
import Testing

@testable import PaperIndex

@Suite struct IndexBuildingTests {
    private func intern(_ term: String, into table: inout TermTable) -> Int32 {
        var term = term
        return term.withUTF8 { table.intern($0) }
    }

    @Test func termTableGivesOneIdPerDistinctTermThroughGrowth() {
        var table = TermTable()
        let words = (0..<5000).map { "w\($0 * 7919 % 5000)" } + ["", "é", "e"]
        let ids = words.map { intern($0, into: &table) }
        #expect(ids == Array(0..<Int32(words.count)))
        #expect(words.map { intern($0, into: &table) } == ids)
        #expect(table.count == words.count)
        #expect(String(decoding: table.term(Int(ids[42])), as: UTF8.self) == words[42])
    }

    @Test func termTableSortsLikeStringTable() {
        var table = TermTable()
        let words = ["zeta", "alpha", "alp", "Zeta", "é", "e", "beta", "alpha2"]
        for word in words { _ = intern(word, into: &table) }
        let order = table.idsSortedByBytes()
        #expect(order.map { words[Int($0)] } == words.sortedByBytes())
        let sorted = table.table(order)
        #expect(sorted.index(of: "alpha") == words.sortedByBytes().firstIndex(of: "alpha"))
        #expect(sorted.index(of: "gamma") == nil)
    }

    @Test func groupByKeyIsAStableCountingSort() {
        let keys: [Int32] = [2, 0, 2, 1, 0, 2]
        var placed = Array(repeating: -1, count: keys.count)
        // Groups in the order key 1, key 2, key 0.
        let starts = groupByKey(keys, order: [1, 2, 0]) { item, position in placed[position] = item }
        #expect(starts == [0, 1, 4, 6])
        #expect(placed == [3, 0, 2, 5, 1, 4])
    }

    @Test func fieldCountsSaturateAtTheCapPerFieldOnly() throws {
        var paper = Paper(id: "p", title: "Quark matter")
        paper.abstract = Array(repeating: "quark", count: 20).joined(separator: " ")
        paper.keywords = ["quark gluon plasma"]
        let index = CatalogIndex(papers: [paper])
        let term = try #require(index.termID("quark"))
        let counts = CatalogIndex.FieldCounts(packed: index.postingCounts[index.postingRange(term).lowerBound])
        #expect(counts[.abstract] == CatalogIndex.FieldCounts.cap)
        #expect(counts[.title] == 1 && counts[.keywords] == 1 && counts[.authors] == 0)
    }

    @Test func papersGivenInAnyDateOrderAreNumberedNewestFirst() throws {
        // Given oldest, newest, undated, middle: numbered newest, middle, oldest, undated.
        let dates: [PaperDate?] = [
            PaperDate(year: 2019, month: 1, day: 2), PaperDate(year: 2024, month: 5, day: 6), nil,
            PaperDate(year: 2021, month: 3, day: 4),
        ]
        let papers = dates.enumerated().map { position, date in
            var paper = Paper(id: "p\(position)", title: "Dark matter halo \(position)")
            paper.date = date
            paper.authors = [position.isMultiple(of: 2) ? "Ada LOVELACE" : "Ada Lovelace"]
            return paper
        }
        let index = CatalogIndex(papers: papers)
        #expect(index.papers.map(\.id) == ["p1", "p3", "p0", "p2"])
        #expect((0..<4).map { index.papers.id(at: $0) } == ["p1", "p3", "p0", "p2"])
        let term = try #require(index.termID("halo"))
        #expect(Array(index.postingDocs.slice(index.postingRange(term))) == [0, 1, 2, 3])
        #expect(Array(try #require(index.authors.docs("ada lovelace"))) == [0, 1, 2, 3])
        // The name shown for a key is its spelling in the lowest-numbered (newest) document.
        #expect(index.authors.allNames == ["Ada Lovelace"])
    }

    @Test func indexingInPartsGivesTheIndexOneBuilderGives() {
        // The bundled catalog, and papers that share terms, tags and authors
        // spelled otherwise across the parts' boundaries.
        let shared = (0..<40).map { position -> Paper in
            var paper = Paper(id: "s\(position)", title: position < 20 ? "Quark matter in halos" : "Halo QUARKS, only later")
            paper.date = PaperDate(year: 2020 + position % 5, month: 1 + position % 12, day: 1)
            paper.authors = [position.isMultiple(of: 3) ? "Ada LOVELACE" : "Ada Lovelace", "Author \(position % 7)"]
            paper.keywords = [position.isMultiple(of: 2) ? "Dark Matter" : "dark matter", "tag \(position)"]
            paper.category = position.isMultiple(of: 4) ? nil : "Astrophysics"
            paper.authorsComplete = !position.isMultiple(of: 5)
            return paper
        }
        for papers in [Catalog.load(paths: [bundledData]).papers, shared] {
            let whole = IndexSnapshot.bytes(of: CatalogIndex(papers: papers, parts: 1), fingerprint: "f")
            for parts in [2, 3, 7, 64] {
                #expect(IndexSnapshot.bytes(of: CatalogIndex(papers: papers, parts: parts), fingerprint: "f") == whole, "\(parts) parts")
            }
        }
    }

    @Test func recordsKeptInATemporaryFileGiveTheIndexMemoryGives() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/iaifi-records-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let papers = Catalog.load(paths: [bundledData]).papers
        let inMemory = CatalogIndex(papers: papers)
        let whole = IndexSnapshot.bytes(of: inMemory, fingerprint: "f")
        for parts in [1, 3] {
            let spilled = CatalogIndex(papers: papers, parts: parts, recordsIn: folder)
            #expect(IndexSnapshot.bytes(of: spilled, fingerprint: "f") == whole, "\(parts) parts")
            #expect(spilled.papers.map(\.title) == inMemory.papers.map(\.title))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func indexingRangesCoverEveryDocumentOnceInOrder() {
        for (documents, parts) in [(0, 2), (1, 2), (5, 2), (10, 3), (3, 64), (100_000, 2)] {
            let ranges = CatalogIndex.indexingRanges(documents: documents, parts: parts)
            #expect(ranges.flatMap { Array($0) } == Array(0..<documents))
            #expect(ranges.count == max(1, min(parts, documents)))
            #expect(ranges.allSatisfy { !$0.isEmpty } || documents == 0)
        }
    }

    @Test func regroupingPostingsInPartsKeepsEachTermsDocumentsAscending() {
        // Six documents' postings as a builder collects them, terms by id; term order 2, 0, 1.
        let termsOfDoc: [[Int32]] = [[0, 1], [2], [1, 2, 0], [], [0], [2, 1]]
        var postingsOfDoc: [Range<Int>] = []
        for terms in termsOfDoc { postingsOfDoc.append((postingsOfDoc.last?.upperBound ?? 0)..<((postingsOfDoc.last?.upperBound ?? 0) + terms.count)) }
        let terms = Column(termsOfDoc.flatMap { $0 })
        let counts = Column((0..<UInt16(terms.count)).map { $0 * 3 })
        for parts in [1, 2, 3, 7] {
            let (starts, docs, grouped) = CatalogIndex.Builder.groupedByTerm(terms, counts, postingsOfDoc: postingsOfDoc, order: [2, 1, 0], parts: parts)
            #expect(starts == [0, 3, 6, 9], "\(parts) parts")
            #expect(Array(docs) == [1, 2, 5, 0, 2, 5, 0, 2, 4], "\(parts) parts")
            // Each posting keeps its counts (here its position as collected, times 3).
            #expect(Array(grouped) == [2, 4, 7, 1, 3, 8, 0, 5, 6].map { $0 * 3 }, "\(parts) parts")
        }
    }
}
