import Testing

@testable import PaperCatalog

/// Small hand-made dumps, one irregularity each.
@Suite struct DumpFixtureTests {
    private func read(_ text: String, name: String = "fixture.txt") -> Catalog {
        Catalog.parse([(name, text)])
    }

    private let iaifiHeader = "3 papers 2 Astrophysics 1 Foundational AI\n\n"
    private let abstract = "We study a thing. It works well in every case we tried, and we say why at length here."

    @Test func iaifiEntryWithoutAuthorsIsKeptAndReported() {
        let catalog = read(iaifiHeader + "Astrophysics Jan 2, 2024\n\nA Title Here\n\n\(abstract)\n\ndark matter\n")
        #expect(catalog.papers.count == 1)
        #expect(catalog.papers[0].authors.isEmpty && catalog.papers[0].abstract == abstract)
        #expect(catalog.papers[0].keywords == ["dark matter"])
        #expect(catalog.diagnostics.contains { $0.line == 5 && $0.message.contains("author line") })
        #expect(catalog.diagnostics.contains { $0.message.contains("states 3 papers but 1") })
    }

    @Test func iaifiHeaderWithoutBodyIsReported() {
        let catalog = read(iaifiHeader + "Astrophysics Jan 2, 2024\n\nAstrophysics Jan 3, 2024\nT\nA B, C D\n\(abstract)\nx y\n")
        #expect(catalog.papers.count == 1)
        #expect(catalog.files[0].entries == 2)
        #expect(catalog.diagnostics.contains { $0.line == 3 && $0.message.contains("no title") })
    }

    @Test func iaifiWithoutPreambleStillReadsHeaders() {
        let catalog = read("Astrophysics Jan 2, 2024\nTitle\nAnn Author, Bo Author et al.\n\(abstract)\ngalaxy clustering\n")
        #expect(catalog.files[0].format == .iaifi)
        #expect(catalog.papers.first?.authors == ["Ann Author", "Bo Author"])
        #expect(catalog.papers.first?.authorsComplete == false)
    }

    /// Middle initials and initials-only first names are names, in both
    /// formats that print authors (the synthetic benchmark corpora found this).
    @Test func authorsWithInitials() {
        let iaifi = read(iaifiHeader + "Astrophysics Jan 2, 2024\nA Title\nMichael S. Albergo, J.-P. Uzan, E. Berger Jr. et al.\n\(abstract)\nflows\n")
        #expect(iaifi.papers.first?.authors == ["Michael S. Albergo", "J.-P. Uzan", "E. Berger Jr."])
        #expect(!iaifi.diagnostics.contains { $0.severity == .warning && !$0.message.contains("states") })
        let arxiv = read(
            "Scene of the Crime\nAxel Feldmann, Thomas R. Harvey\n\n\(abstract)\n\n59 pages, 14 figures\n\narXiv:2610.00196v1\nCreated: 2026-10-27\n")
        #expect(arxiv.papers.first?.authors == ["Axel Feldmann", "Thomas R. Harvey"])
        #expect(arxiv.papers.first?.title == "Scene of the Crime")
        #expect(arxiv.diagnostics.isEmpty)
    }

    @Test func arxivTruncatedLastEntryIsReported() {
        let catalog = read("\(abstract)\n\narXiv:2401.00001\nCreated: 2024-01-01\n\n\(abstract) More.\n")
        #expect(catalog.papers.count == 1)
        #expect(catalog.files[0].entries == 2)
        #expect(catalog.diagnostics.contains { $0.line == 6 && $0.severity == .warning && $0.message.contains("truncated") })
    }

    @Test func arxivMissingCreatedLine() {
        let catalog = read("\(abstract)\n\narXiv:2401.00001\n\n\(abstract) Two.\n\narXiv:2401.00002\nCreated: 2024-01-02\n")
        #expect(catalog.papers.count == 2)
        #expect(catalog.papers[0].date == nil && catalog.papers[1].date?.description == "2024-01-02")
        #expect(catalog.diagnostics.contains { $0.message.contains("expected 'Created: YYYY-MM-DD'") })
    }

    @Test func huggingFaceYearInferredOnlyFromTheFile() {
        let page = "Daily Papers\n\nApr 20\n\nFirst\n\n\(abstract)\n\n  • 2 authors\n·\nJan 3\n\nSecond\n\n\(abstract) B.\n\nSome Lab\n·\nDec 1, 2023 5\n"
        let catalog = read(page)
        #expect(catalog.papers.map { $0.date?.description } == ["2024-01-03", "2023-12-01"])
        #expect(catalog.papers[0].dateYearInferred && !catalog.papers[1].dateYearInferred)
        #expect(catalog.papers[1].organization == "Some Lab" && catalog.papers[1].upvotes == 5)
    }

    @Test func huggingFaceWithoutAnyYearLeavesDateEmpty() {
        let catalog = read("Apr 20\n\nFirst\n\n\(abstract)\n\n  • 2 authors\n·\nJan 3\n")
        #expect(catalog.papers.count == 1 && catalog.papers[0].date == nil)
        #expect(catalog.diagnostics.contains { $0.line == 9 && $0.message.contains("no year") })
    }

    @Test func sameEntryTwiceMergesIntoOneRecord() {
        let entry = "Astrophysics Jan 2, 2024\nA Long Enough Title For Matching\nAnn Author\n\(abstract)\ndark matter\n"
        let catalog = read(entry + entry)
        #expect(catalog.papers.count == 1 && catalog.papers[0].sources.count == 2)
        #expect(catalog.files[0].merges == 1)
    }

    @Test func emptyAndUnknownFilesAreErrors() {
        #expect(read("").files[0].errors == 1)
        #expect(read("  \n\t\n").diagnostics.first?.message.contains("empty") == true)
        let prose = read("Just some notes.\nNothing like a listing.\n")
        #expect(prose.hasErrors && prose.diagnostics[0].message.contains("not a known dump format"))
    }

    @Test func binaryFileIsAnError() {
        let catalog = Catalog.parse([("image.png", "\u{89}PNG\r\n\u{1A}\n\0\0\0IHDR")])
        #expect(catalog.hasErrors && catalog.diagnostics[0].message.contains("binary"))
    }

    @Test func lineEndingsAndByteOrderMark() {
        let text =
            "\u{FEFF}Astrophysics Jan 2, 2024\r\nTitle One\r\nAnn Author\r\n\(abstract)\r\ndark matter\rAstrophysics Jan 3, 2024\rTitle Two\rBo Author\r\(abstract)\rgalaxies\r"
        let catalog = read(text)
        #expect(catalog.papers.map(\.title) == ["Title One", "Title Two"])
        #expect(catalog.papers[1].sources[0].line == 6)
    }

    @Test func missingPathAndFolderOfFolders() {
        let missing = Catalog.load(paths: ["/no/such/path"])
        #expect(missing.hasErrors && missing.diagnostics[0].message.contains("no such file"))
        let nested = Catalog.load(paths: [Paths.repository.appendingPathComponent("Tests/Fixtures/nested").path])
        #expect(nested.papers.count == 1 && !nested.hasErrors)
    }
}
