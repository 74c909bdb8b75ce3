import Foundation
import Testing

/// Paper output is written as it is produced, one record at a time; what it
/// writes is byte for byte what the whole answer built as one string wrote
/// before (the goldens in `Tests/Fixtures/output-golden` are that earlier
/// build's output on the bundled data, the repository's path as `<repo>`).
@Suite struct OutputGoldenTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    private static let goldens = repository + "/Tests/Fixtures/output-golden/"

    private func expectGolden(_ name: String, _ arguments: [String]) throws {
        let run = try Run(arguments + ["--data", Self.repository + "/Data"], environment: ["IAIFI_CACHE": "off"])
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        let golden = try String(contentsOfFile: Self.goldens + name, encoding: .utf8)
        let output = run.stdout.replacingOccurrences(of: Self.repository + "/", with: "<repo>/")
        #expect(output == golden, "\(arguments) differs from \(name)")
    }

    @Test(arguments: ["json", "jsonl", "csv", "tsv", "bibtex"])
    func listIsWhatItWas(format: String) throws {
        try expectGolden("list-experimental.\(format)", ["list", "--category", "Experimental Physics", "--format", format])
    }

    @Test(arguments: ["json", "jsonl", "csv", "tsv"])
    func rankedSearchIsWhatItWas(format: String) throws {
        try expectGolden("search-dark-matter.\(format)", ["search", "dark", "matter", "--limit", "25", "--format", format])
    }

    @Test func relatedAndShowAreWhatTheyWere() throws {
        try expectGolden("related.json", ["related", "udrescu2019ai", "--format", "json"])
        try expectGolden("related.tsv", ["related", "udrescu2019ai", "--format", "tsv"])
        try expectGolden("show.csv", ["show", "udrescu2019ai", "2504.00256", "--format", "csv"])
    }

    /// A reader that stops early (`| head -c 100`) ends the output quietly.
    @Test func aReaderThatLeavesEndsTheOutputQuietly() throws {
        let process = Process()
        let folder = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).deletingLastPathComponent()
        process.executableURL = folder.appendingPathComponent("iaifi")
        process.arguments = ["list", "--format", "jsonl"]
        process.environment = ["PATH": "/usr/bin:/bin"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        _ = out.fileHandleForReading.readData(ofLength: 100)
        try out.fileHandleForReading.close()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Ended by SIGPIPE, or, where SIGPIPE is ignored, quietly with status 0.
        let quiet = process.terminationReason == .exit ? process.terminationStatus == 0 : process.terminationStatus == SIGPIPE
        #expect(quiet && message.isEmpty, "\(process.terminationReason) \(process.terminationStatus) \(message)")
    }
}
