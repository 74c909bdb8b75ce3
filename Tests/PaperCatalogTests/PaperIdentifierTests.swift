import Testing

@testable import PaperCatalog

@Suite struct PaperIdentifierTests {
    private func ids(_ papers: [(authors: [String], title: String)]) -> [String] {
        var records = papers.map { Paper(title: $0.title, authors: $0.authors, date: PaperDate(iso: "2024-03-13")) }
        PaperIdentifier.assign(&records)
        return records.map(\.id)
    }

    @Test func compoundSurnamesStayWhole() {
        #expect(
            ids([
                (["Siddharth Mishra-Sharma", "Yiding Song"], "PAPERCLIP: Associating Astronomical Observations"),
                (["Carolina Cuesta-Lazaro"], "Point cloud"), (["Ryan D'Alonzo"], "Machine learning"),
                (["Wynn Jacobson-Galán"], "SN 2023ixf"), (["Alexander T. Gagliano"], "The Accuracy"),
            ])
                == ["mishrasharma2024paperclip", "cuestalazaro2024point", "dalonzo2024machine", "jacobsongalan2024sn", "gagliano2024accuracy"])
    }

    @Test func collaborationsAndNoAuthors() {
        #expect(
            ids([(["CMS Collaboration"], "Search for"), ([], "The Hidden Geometry of Learning")])
                == ["cms2024search", "hidden2024geometry"])
    }

    @Test func collisionsStillGetSuffixes() {
        // Two spellings of one compound surname, and the same surname written without the hyphen's first half.
        #expect(
            ids([
                (["Siddharth Mishra-Sharma"], "Strong lensing"), (["S. Mishra-Sharma"], "Strong lensing"),
                (["Prafull Sharma"], "Strong lensing"), (["Siddharth Mishra-Sharma"], "Strong lensing"),
            ])
                == ["mishrasharma2024strong", "mishrasharma2024strongb", "sharma2024strong", "mishrasharma2024strongc"])
    }

    @Test func bundledIdsOfCompoundSurnames() {
        let ids = Set(bundled.papers.map(\.id))
        #expect(ids.isSuperset(of: ["mishrasharma2024paperclip", "cuestalazaro2023point", "jacobsongalan2024sn"]))
        #expect(ids.isDisjoint(with: ["sharma2024paperclip", "lazaro2023point"]))
    }
}
