import Testing
import TextNormalization

@Suite struct PersonNameTests {
    private func name(_ text: String, query: Bool = false) throws -> PersonName {
        try #require(PersonName(text, query: query))
    }

    private func likeness(_ a: String, _ b: String) throws -> PersonName.Likeness {
        try name(a).likeness(to: name(b))
    }

    @Test func partsOfNames() throws {
        let villar = try name("V. Ashley Villar")
        #expect(villar.surname == "villar" && villar.given.map(\.letters) == ["v", "ashley"] && villar.given.map(\.isInitial) == [true, false])
        #expect(try name("Siddharth Mishra-Sharma").surname == "mishrasharma")
        #expect(try name("Enno Keßler").surname == "kessler")
        #expect(try name("Julian B. Muñoz").surname == "munoz")
        #expect(try name("Jan van der Berg").surname == "vanderberg")
        #expect(try name("V.A. Villar").given.map(\.letters) == ["v", "a"])
        #expect(try name("Cheuk-Kit Lee").given.map(\.letters) == ["cheuk", "kit"])
        #expect(try name("S. -P. Alex Chang").given.map(\.letters) == ["s", "p", "alex"])
    }

    @Test func bibliographyAndQueryForms() throws {
        for text in ["Thaler, Jesse", "Thaler, J.", "Thaler, J", "J. Thaler", "J Thaler"] {
            let parsed = try name(text, query: true)
            #expect(parsed.surname == "thaler" && parsed.given.first?.initial == "j", "\(text)")
        }
        #expect(try name("Thaler J", query: true).surname == "thaler")
        #expect(try name("Thaler J").surname == "j")  // data is never surname first without a comma
        #expect(try name("Villar, V. A.", query: true).given.map(\.letters) == ["v", "a"])
    }

    @Test func sameFullFirstNameIsLikely() throws {
        #expect(try likeness("Alexander T. Gagliano", "Alexander Gagliano") == .likely)
        #expect(try likeness("Alex Gagliano", "Alexander T. Gagliano") == .likely)
        #expect(try likeness("James Halverson", "Jim Halverson") == .likely)
        #expect(try likeness("Ekaterina Govorkova", "Katya Govorkova") == .likely)
        #expect(try likeness("Yi-Zhuang You", "Yizhuang You") == .likely)
        #expect(try likeness("Victor Bresó", "Víctor Bresó") == .likely)
        #expect(try likeness("Christian B. Jepsen", "Christian Baadsgaard Jepsen") == .likely)
    }

    @Test func initialsNeedEvidence() throws {
        #expect(try likeness("V. A. Villar", "Victoria Ashley Villar") == .possible)
        #expect(try likeness("A. Gagliano", "Alexander Gagliano") == .possible)
        #expect(try likeness("W. Patrick McCormack", "Patrick McCormack") == .possible)
        #expect(try likeness("Ashley Villar", "Victoria Ashley Villar") == .possible)
        #expect(try likeness("Cheuk Kit Lee", "Lee Cheuk-Kit") == .possible)
    }

    @Test func differentPeopleAreIncompatible() throws {
        #expect(try likeness("Kyle Cranmer", "Miles Cranmer") == .incompatible)
        #expect(try likeness("Kyle Lee", "Kyu-Hwan Lee") == .incompatible)
        #expect(try likeness("T. Matsumoto", "Ryo Matsumoto") == .incompatible)
        #expect(try likeness("John A. Smith", "John B. Smith") == .incompatible)
        #expect(try likeness("Siddharth Mishra-Sharma", "Prafull Sharma") == .incompatible)
        #expect(try likeness("Katherine Fraser", "Kit Fraser-Taliente") == .incompatible)
        #expect(try likeness("Christopher Chang", "Christian Chang") == .incompatible)
        #expect(try likeness("Liu Ziyin", "Ziming Liu") == .incompatible)
    }
}
