import Foundation
import Testing

@testable import PaperCatalog

/// The repository's `Data/` folder and `Tests/Fixtures/`.
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = repository.appendingPathComponent("Data").path
    static func fixture(_ name: String) -> String { repository.appendingPathComponent("Tests/Fixtures/\(name)").path }
}

/// Loaded once: parsing the bundled catalog is the expensive part.
let bundled = Catalog.load(paths: [Paths.data])

private func paper(_ title: String) throws -> Paper {
    try #require(bundled.papers.first { $0.title == title })
}

@Suite struct BundledCatalogTests {
    @Test func readsEveryEntryOfEveryFile() throws {
        let byFormat = Dictionary(uniqueKeysWithValues: bundled.files.compactMap { file in file.format.map { ($0, file) } })
        #expect(byFormat[.iaifi]?.entries == 574)
        #expect(byFormat[.iaifi]?.records == 574)
        #expect(byFormat[.arxiv]?.entries == 10)
        #expect(byFormat[.hf]?.entries == 30)
        #expect(bundled.papers.count == 574 + 10 + 30 - 1)
        #expect(!bundled.hasErrors)
    }

    @Test func categoryCountsMatchThePreamble() {
        let iaifi = bundled.papers.filter { $0.sources.contains { $0.format == .iaifi } }
        #expect(iaifi.count == 574)
        let counts = Dictionary(grouping: iaifi, by: { $0.category ?? "" }).mapValues(\.count)
        #expect(counts == ["Theoretical Physics": 150, "Experimental Physics": 70, "Foundational AI": 202, "Astrophysics": 152])
        #expect(!bundled.diagnostics.contains { $0.message.contains("the page states") })
    }

    @Test func idsAreUniqueAndTypeable() {
        let ids = bundled.papers.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count <= 40 && !$0.contains(" ") })
        #expect(bundled.papers.first { $0.arxivId == "2504.00256" }?.id == "2504.00256")
    }

    @Test func firstIAIFIEntry() throws {
        let first = try paper("Naturalness and Fisher Information")
        #expect(first.authors == ["James Halverson", "Thomas R. Harvey", "Michael Nee"])
        #expect(first.authorsComplete && first.authorCount == 3)
        #expect(first.date?.description == "2026-03-02")
        #expect(first.category == "Theoretical Physics")
        #expect(first.abstract?.contains("$\\mathcal{F}_{ij}$") == true)
        #expect(first.keywordLine?.hasPrefix("fisher information metric naturalness") == true)
        #expect(first.sources == [Source(format: .iaifi, file: Paths.data + "/iaifi-papers.txt", line: 9)])
        #expect(first.id == "halverson2026naturalness")
    }

    @Test func truncatedAuthorList() throws {
        let entry = try paper("End-to-end Differentiable Calibration and Reconstruction for Optical Particle Detectors")
        #expect(entry.authors == ["Omar Alterkait", "César Jesús-Valls", "Ryo Matsumoto"])
        #expect(!entry.authorsComplete)
        #expect(entry.authorCount == nil)
    }

    @Test func collaborationsAndParticlesAreAuthors() throws {
        let microBooNE = try paper("First search for dark-trident processes using the MicroBooNE detector")
        #expect(microBooNE.authors == ["MicroBooNE collaboration", "P. Abratenko", "O. Alterkait"])
        let catalan = try paper("Refining Heuristic Predictors of Fractional Chern Insulators using Machine Learning")
        #expect(catalan.authors.first == "Oriol Mayné i Comas")
        let beyond = try paper("A Parameter-Masked Mock Data Challenge for Beyond-Two-Point Galaxy Clustering Statistics")
        #expect(beyond.authors == ["Beyond-2pt Collaboration", "Elisabeth Krause"])
    }

    @Test func entryWithoutKeywordsIsKeptAndReported() throws {
        let entry = try #require(bundled.papers.first { $0.sources.first?.line == 4404 })
        #expect(entry.keywords.isEmpty && entry.keywordLine == nil)
        #expect(entry.abstract != nil)
        #expect(bundled.diagnostics.contains { $0.line == 4406 && $0.severity == .warning && $0.message.contains("no keyword line") })
    }

    @Test func navigationLineIsANoteNotAField() throws {
        #expect(bundled.diagnostics.contains { $0.line == 46 && $0.severity == .note && $0.message.contains("All Posts") })
        let entry = try paper("Building an AI-native Research Ecosystem for Experimental Particle Physics: A Community Vision")
        #expect(entry.keywordLine == "collider physics trigger systems event reconstruction detector simulation particle tracking")
    }

    @Test func samePaperInTwoFilesIsOneRecord() throws {
        let merged = try paper("Simulating 2+1D Lattice Quantum Electrodynamics at Finite Density with Neural Flow Wavefunctions")
        #expect(merged.sources.map(\.format) == [.hf, .iaifi])
        #expect(merged.authors == ["Zhuo Chen", "Di Luo", "Kaiwen Hu"])
        #expect(!merged.authorsComplete && merged.authorCount == 4)
        #expect(merged.category == "Theoretical Physics")
        #expect(merged.date?.description == "2022-12-14" && !merged.dateYearInferred)
        #expect(!merged.keywords.isEmpty)
        #expect(bundled.files.first { $0.format == .iaifi }?.merges == 1)
    }

    @Test func arxivEntries() throws {
        let withTitle = try #require(bundled.papers.first { $0.arxivId == "2504.00256" })
        #expect(withTitle.title == "Reinterpretation and preservation of data and analyses in HEP")
        #expect(withTitle.authors.count > 100 && withTitle.authors.contains("Yara do Amaral Coutinho"))
        #expect(withTitle.comments == "10+9 pages, 4 figures; submitted to the European Strategy for Particle Physics Update 2026")
        #expect(withTitle.date?.description == "2025-03-31")
        let untitled = try #require(bundled.papers.first { $0.arxivId == "2501.05382" })
        #expect(untitled.title == nil && untitled.authors.isEmpty && untitled.comments == nil)
        #expect(untitled.abstract?.hasPrefix("This paper explores ideas") == true)
        #expect(untitled.sources.first?.line == 25)
    }

    @Test func huggingFaceEntries() throws {
        let counted = try paper("Linear statistics for Coulomb gases: higher order cumulants")
        #expect(counted.authorCount == 4 && counted.authors.isEmpty && !counted.authorsComplete)
        #expect(counted.date?.description == "2023-10-25" && !counted.dateYearInferred)
        let organisation = try #require(bundled.papers.first { $0.title?.hasPrefix("The Importance of Being Scalable") == true })
        #expect(organisation.organization == "Berkeley UC Berkeley" && organisation.authorCount == nil)
        let yearless = try paper("Towards a Principled Muon under μP: Ensuring Spectral Conditions throughout Training")
        #expect(yearless.date?.description == "2026-01-03" && yearless.dateYearInferred)
        let upvoted = try paper("A Physics-Informed, Global-in-Time Neural Particle Method for the Spatially Homogeneous Landau Equation")
        #expect(upvoted.upvotes == 1 && upvoted.date?.description == "2026-03-11")
        let upvotedWithYear = try paper("A Model Zoo on Phase Transitions in Neural Networks")
        #expect(upvotedWithYear.upvotes == 2 && upvotedWithYear.date?.description == "2025-04-25")
        let last = try paper("European Pulsar Timing Array Limits On An Isotropic Stochastic Gravitational-Wave Background")
        #expect(last.date?.description == "2015-04-14" && last.authorCount == 36)
    }

    @Test func latexIsKeptVerbatim() throws {
        let lyman = try #require(bundled.papers.first { $0.title?.contains("Lyman-$α$") == true })
        #expect(lyman.title == "Modeling the Cosmological Lyman-$α$ Forest at the Field Level")
    }
}
