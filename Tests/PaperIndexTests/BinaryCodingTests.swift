import PaperCatalog
import Testing

@testable import PaperIndex

@Suite struct BinaryCodingTests {
    private func encoded(_ write: (inout BinaryWriter) -> Void) -> [UInt8] {
        var writer = BinaryWriter()
        write(&writer)
        return Array(writer.column())
    }

    @Test func integersRoundTripInAsFewBytesAsTheyNeed() throws {
        let values = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, 20_240_131, Int(Int32.max), Int.max, Int.min]
        let bytes = encoded { writer in for value in values { writer.write(value) } }
        try bytes.withUnsafeBytes { raw throws in
            var reader = BinaryReader(raw)
            for value in values { #expect(try reader.readInt() == value) }
            #expect(reader.isAtEnd)
        }
        #expect(encoded { $0.write(63) }.count == 1)
        #expect(encoded { $0.write(-64) }.count == 1)
        #expect(encoded { $0.write(20_240_131) }.count == 4)
        #expect(encoded { $0.write(Int.min) }.count == 10)
    }

    @Test func truncatedOrOverlongIntegersAreMalformed() {
        for bytes: [UInt8] in [[0x80], [0xFF, 0xFF], Array(repeating: 0xFF, count: 11)] {
            bytes.withUnsafeBytes { raw in
                var reader = BinaryReader(raw)
                #expect(throws: BinaryReader.Malformed.self) { try reader.readInt() }
            }
        }
    }

    @Test func aCountLargerThanTheBytesLeftIsMalformed() {
        let bytes = encoded { writer in writer.write(["a", "b"]) }
        bytes.dropLast().withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            #expect(throws: BinaryReader.Malformed.self) { try reader.readStrings() }
        }
    }

    /// A paper with every ``PaperField`` stated: a field that is written but
    /// not read back (or read as another) fails here.
    @Test func everyPaperFieldSurvivesARecord() throws {
        let paper = Paper(
            id: "villar2024x", title: "A title", authors: ["V. Ashley Villar", "B. Author"], authorsComplete: true,
            authorCount: 2, organization: "IAIFI", date: PaperDate(year: 2024, month: 2, day: 29), dateYearInferred: true,
            category: "Astrophysics", abstract: "An abstract.", keywords: ["dark matter"], keywordLine: "Dark Matter",
            arxivId: "2402.00001", comments: "9 pages", upvotes: 12,
            sources: [Source(format: .iaifi, file: "a.txt", line: 3), Source(format: .hf, file: "b.txt", line: 40)])
        let bytes = encoded { paper.write(to: &$0) }
        let decoded = try bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            return try Paper(reading: &reader)
        }
        #expect(decoded == paper)
        for field in PaperField.allCases {
            #expect(paper.states(field), "\(field) is set in the fixture")
            let texts = try bytes.withUnsafeBytes { raw in
                var reader = BinaryReader(raw)
                return try Paper.texts(of: field, reading: &reader)
            }
            #expect(texts == paper.texts(of: field), "\(field)")
        }
    }
}
