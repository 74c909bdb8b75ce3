import Foundation
import Testing

@testable import PaperCatalog

/// Every kind of bad input in `Tests/Fixtures/inputs/`: read what can be
/// read, report the rest with file and line, never crash or hang.
@Suite struct BadInputTests {
    private func load(_ name: String) -> Catalog { Catalog.load(paths: [Paths.fixture("inputs/" + name)]) }

    private func expect(
        _ catalog: Catalog, _ severity: Diagnostic.Severity, line: Int?, _ text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            catalog.diagnostics.contains { $0.severity == severity && $0.line == line && $0.message.contains(text) },
            "\(catalog.diagnostics)", sourceLocation: sourceLocation)
    }

    @Test func emptyWhitespaceBinaryUnknown() {
        expect(load("empty.txt"), .error, line: nil, "file is empty")
        expect(load("whitespace.txt"), .error, line: nil, "file is empty")
        expect(load("image.png"), .error, line: 3, "binary data")
        expect(load("unknown-format.txt"), .error, line: 1, "not a known dump format")
        #expect(load("image.png").papers.isEmpty)
    }

    @Test func linksBackUpAFolderTreeEndAndEachFileIsReadOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iaifi-loop-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: folder + "/inner", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Paths.fixture("inputs/invalid-utf8.txt"), toPath: folder + "/inner/dump.txt")
        try FileManager.default.createSymbolicLink(atPath: folder + "/inner/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: folder + "/inner/here", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: folder + "/again.txt", withDestinationPath: "inner/dump.txt")
        let catalog = Catalog.load(paths: [folder, folder + "/inner/dump.txt"])
        #expect(catalog.files.count == 1)
        #expect(catalog.papers.count == 2)
    }

    @Test func invalidUTF8IsRepairedAndReported() {
        let catalog = load("invalid-utf8.txt")
        #expect(catalog.papers.count == 2)
        #expect(catalog.papers[0].title == "First Pa\u{FFFD}\u{FFFD}per Title")
        #expect(catalog.papers[0].authors == ["Ann Author", "Bö Author"])
        expect(catalog, .warning, line: 5, "invalid UTF-8")
    }

    @Test func latin1IsDecoded() {
        let catalog = load("latin1.txt")
        #expect(catalog.papers.first?.authors == ["Ann Author", "Bö Authör"])
        expect(catalog, .warning, line: nil, "Latin-1")
    }

    /// A large file is read and decoded in chunks cut after a line feed:
    /// the lines and the problems are those of the file decoded whole.
    @Test(arguments: ["crlf.txt", "bom.txt", "latin1.txt", "invalid-utf8.txt", "image.png", "wide-characters.txt"])
    func filesReadInChunksDecodeAsAWhole(name: String) throws {
        let fixture = Array(try Data(contentsOf: URL(fileURLWithPath: Paths.fixture("inputs/" + name))))
        // Past the first read (the probe), so that reading cuts chunks; for
        // the PNG, its NUL lands in a later chunk; for invalid UTF-8, the one
        // well-formed sequence comes only in the last.
        let unit = name == "image.png" ? Array("text\n".utf8) : fixture
        var bytes = Array([[UInt8]](repeating: unit, count: 4 * InputFiles.probeSize / unit.count + 2).joined())
        if name == "image.png" { bytes += fixture }
        if name == "invalid-utf8.txt" { bytes += Array("\nlast line: \u{E9}\n".utf8) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("iaifi-chunks-\(UUID().uuidString)-\(name)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        guard case .success(let chunks) = InputFiles.read(InputPath(path), limit: 1 << 30, chunkSize: 1000) else {
            Issue.record("\(name) is readable")
            return
        }
        #expect(chunks.count > 2)
        #expect(Array(chunks.joined()) == bytes)
        #expect(chunks.dropLast().allSatisfy { $0.last == UInt8(ascii: "\n") })
        let whole = TextFile(path: name, bytes: bytes)
        let chunked = TextFile(path: name, chunks: chunks)
        #expect(chunked.lines == whole.lines)
        #expect(chunked.diagnostics == whole.diagnostics)
        #expect(!whole.diagnostics.isEmpty || name == "crlf.txt" || name == "bom.txt" || name == "wide-characters.txt")
    }

    @Test(arguments: ["crlf.txt", "lone-cr.txt", "bom.txt", "unicode-separators.txt"])
    func lineEndingsAndMarksReadTheSame(name: String) {
        let catalog = load(name)
        #expect(catalog.papers.map(\.title) == ["First Paper Title", "Second Paper Title"])
        #expect(catalog.papers.map { $0.sources[0].line } == [3, 12])
        #expect(!catalog.diagnostics.contains { $0.severity != .note })
        #expect(catalog.papers[0].abstract?.hasPrefix("We study") == true)
    }

    @Test func truncatedLastEntries() {
        let arxiv = load("truncated-arxiv.txt")
        #expect(arxiv.papers.count == 2)
        expect(arxiv, .warning, line: 13, "truncated")
        let hf = load("truncated-hf.txt")
        #expect(hf.papers.count == 2)
        expect(hf, .warning, line: 21, "truncated")
    }

    @Test func missingFields() {
        expect(load("iaifi-no-title.txt"), .warning, line: 1, "no title")
        #expect(load("iaifi-no-title.txt").papers.count == 1)
        expect(load("iaifi-no-authors.txt"), .warning, line: 3, "author line")
        expect(load("iaifi-no-abstract.txt"), .warning, line: 3, "no abstract")
        expect(load("iaifi-no-keywords.txt"), .warning, line: 3, "no keyword line")
        expect(load("arxiv-no-abstract.txt"), .warning, line: 1, "no abstract")
        expect(load("arxiv-no-created.txt"), .warning, line: 3, "expected 'Created: YYYY-MM-DD'")
        expect(load("hf-no-abstract.txt"), .warning, line: 3, "no abstract")
        let noAuthors = load("hf-no-authors.txt")
        #expect(noAuthors.papers.count == 1 && noAuthors.papers[0].authorCount == nil)
        expect(load("hf-no-date.txt"), .warning, line: 8, "expected a date")
        for name in [
            "iaifi-no-authors.txt", "iaifi-no-abstract.txt", "iaifi-no-keywords.txt", "arxiv-no-abstract.txt",
            "arxiv-no-created.txt", "hf-no-abstract.txt", "hf-no-date.txt",
        ] {
            #expect(load(name).papers.count == 1, "\(name)")
        }
    }

    @Test func duplicateEntryBecomesOneRecord() {
        let catalog = load("duplicate-entry.txt")
        #expect(catalog.papers.count == 2)
        #expect(catalog.files[0].entries == 4 && catalog.files[0].merges == 2)
        expect(catalog, .note, line: 21, "same paper as")
    }

    @Test func concatenatedFormatsAreBothRead() {
        let catalog = load("concatenated.txt")
        #expect(catalog.files[0].formats == [.arxiv, .hf])
        #expect(catalog.papers.count == 4)
        #expect(catalog.papers.map { $0.sources[0].format } == [.arxiv, .arxiv, .hf, .hf])
        #expect(catalog.papers[2].sources[0].line == 17)
        #expect(!catalog.diagnostics.contains { $0.severity == .warning })
    }

    @Test func folderMixingGoodAndBadFiles() {
        let catalog = Catalog.load(paths: [Paths.fixture("mixed-folder")])
        #expect(catalog.papers.count == 2)
        #expect(catalog.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["bad.txt", "empty.txt", "good.txt"])
        #expect(catalog.files.map(\.errors) == [1, 1, 0])
    }

    @Test func tenMegabyteLineIsReportedQuickly() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("iaifi-long-line-\(getpid()).txt").path
        try String(repeating: "word ", count: 2_000_000).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let catalog = Catalog.load(paths: [path])
        #expect(catalog.papers.isEmpty)
        #expect(catalog.diagnostics.first?.message.contains("not a known dump format") == true)
    }

    @Test func filesOverTheLimitAreReportedNotRead() {
        let catalog = Catalog.load(paths: [Paths.data + "/iaifi-papers.txt"], maxFileBytes: 1000)
        #expect(catalog.papers.isEmpty)
        #expect(catalog.diagnostics.first?.message.contains("files over 1000 bytes are not read") == true)
    }

    @Test func pipesAreRefusedNotRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("iaifi-fifo-\(getpid())").path
        guard mkfifo(path, 0o600) == 0 else { return }
        defer { unlink(path) }
        let catalog = Catalog.load(paths: [path])
        #expect(catalog.diagnostics.first?.message.contains("not a regular file") == true)
    }

    @Test func devicesAreRefusedWithTheirKind() {
        #expect(Catalog.load(paths: ["/dev/null"]).diagnostics.first?.message.hasPrefix("a device, not a regular file") == true)
    }

    /// A gigabyte of holes: refused as binary after one probe, not read whole.
    @Test func sparseFilesAreRefusedAfterABoundedRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("iaifi-sparse-\(getpid()).txt").path
        let descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        defer { unlink(path) }
        guard descriptor >= 0, ftruncate(descriptor, 1 << 30) == 0 else { return }
        close(descriptor)
        guard case .success(let chunks) = InputFiles.read(InputPath(path), limit: Catalog.defaultMaxFileBytes) else {
            Issue.record("a sparse file is readable")
            return
        }
        #expect(chunks.map(\.count) == [InputFiles.probeSize])
        #expect(Catalog.load(paths: [path]).diagnostics.first?.message.contains("binary data") == true)
    }

    /// Files in /proc say they are empty; what they hold is read anyway.
    @Test func filesThatUnderstateTheirSizeAreReadWhole() throws {
        guard case .success(let chunks) = InputFiles.read(InputPath("/proc/self/status"), limit: 1 << 20) else { return }
        #expect(String(decoding: chunks.joined(), as: UTF8.self).contains("Name:"))
    }

    /// A name that is not UTF-8 is read, and shown with the odd byte escaped.
    @Test func namesThatAreNotUTF8AreReadAndShownEscaped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iaifi-names-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = Array((folder + "/list").utf8) + [0xFF] + Array("ing.txt".utf8) + [0]
        let text = Array(try String(contentsOfFile: Paths.data + "/arxiv-listing.txt", encoding: .utf8).utf8)
        let written = name.withUnsafeBufferPointer { path in
            path.withMemoryRebound(to: CChar.self) { path -> Int in
                let descriptor = open(path.baseAddress!, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
                defer { close(descriptor) }
                return text.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
            }
        }
        #expect(written == text.count)
        let catalog = Catalog.load(paths: [folder])
        #expect(catalog.papers.count == 10 && !catalog.hasErrors)
        #expect(catalog.files.map(\.path) == [folder + "/list\\xFFing.txt"])
    }

    @Test func unreadableFileIsReported() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("iaifi-locked-\(getpid()).txt").path
        try "x".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        chmod(path, 0)
        let catalog = Catalog.load(paths: [path])
        // root reads any file; everyone else gets the error.
        if getuid() != 0 {
            #expect(catalog.diagnostics.first?.message.contains("cannot be read") == true)
        } else {
            #expect(catalog.hasErrors)
        }
    }
}

/// Inputs the fuzzers found crashing a reader (Fuzz/run.sh), kept so the
/// crash stays fixed.
@Suite struct FuzzRegressionTests {
    @Test func huggingFaceEntryBeforeAnyPageDate() {
        // An entry's `·` came before the first year-less date line, which was
        // then taken for the page date: the next entry's range ran backwards.
        let catalog = Catalog.load(paths: [Paths.fixture("fuzz-regressions/hf-entry-before-page-date.txt")])
        #expect(!catalog.hasErrors)
        #expect(catalog.files[0].format == .hf)
        #expect(catalog.papers.contains { $0.title == "Multiflavor Mott insulators in quantum materials and ultracold atoms" })
    }
}
