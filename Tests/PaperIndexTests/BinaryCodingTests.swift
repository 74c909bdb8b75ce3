import Foundation
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

/// Bytes kept in a temporary file rather than memory (``SpillFile``).
@Suite struct SpillTests {
    /// A new empty folder of its own.
    private func folder() -> String {
        let path = FileManager.default.temporaryDirectory.path + "/iaifi-spill-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Three and a half chunks of the writer's file buffer, each byte distinct from its neighbours.
    private let bytes = (0..<(7 << 19)).map { UInt8(truncatingIfNeeded: $0 * 7 + $0 >> 8) }

    @Test func aSpillingWriterGivesTheBytesAMemoryWriterGivesAndLeavesNoFile() {
        let folder = folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var spilled = BinaryWriter(spillingIn: folder)
        spilled.write(bytes: bytes)
        spilled.write("after")
        var memory = BinaryWriter()
        memory.write(bytes: bytes)
        memory.write("after")
        let column = spilled.column()
        #expect(spilled.offset == memory.offset)
        #expect(Array(column) == Array(memory.column()))
        // The file is unnamed from the start: nothing is left to clean up.
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder)) == [])
        // Letting its pages go keeps the values.
        column.releasePages()
        #expect(column[(7 << 19) - 1] == bytes.last)
    }

    @Test func bytesComeBackToMemoryWhenTheFileCannotTakeThem() {
        // `/dev/full` refuses every write, as a full disk would.
        let full = open("/dev/full", O_RDWR)
        #expect(full >= 0)
        var writer = BinaryWriter(spillingTo: SpillFile(descriptor: full))
        writer.write(bytes: bytes)
        writer.write("after")
        var memory = BinaryWriter()
        memory.write(bytes: bytes)
        memory.write("after")
        #expect(Array(writer.column()) == Array(memory.column()))
        // A folder where no file can be made: memory from the start.
        var nowhere = BinaryWriter(spillingIn: "/nonexistent/iaifi")
        nowhere.write(bytes: bytes)
        #expect(Array(nowhere.column()) == bytes)
    }
}
