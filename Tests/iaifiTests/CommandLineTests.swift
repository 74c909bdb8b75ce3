import Foundation
import Testing

/// Runs the built `iaifi` binary and captures what a user would see.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Runs with stdout and stderr on pipes, or stdout on a terminal.
    init(_ arguments: [String], environment: [String: String] = [:], onTerminal: Bool = false) throws {
        if onTerminal { try self.init(onTerminal: arguments, environment: environment) } else { try self.init(piped: arguments, environment: environment) }
    }

    private init(piped arguments: [String], environment: [String: String]) throws {
        let process = Process()
        let folder = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .deletingLastPathComponent()
        process.executableURL = folder.appendingPathComponent("iaifi")
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

extension Run {
    /// Runs with stdout on a pseudo-terminal, as a user at a terminal would.
    private init(onTerminal arguments: [String], environment: [String: String]) throws {
        // A pseudo-terminal pair from /dev/ptmx: unlock it (TIOCSPTLCK) and
        // find its number (TIOCGPTN), as posix_openpt would.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw CocoaError(.fileNoSuchFile)
        }
        let terminal = try #require(FileHandle(forUpdatingAtPath: "/dev/pts/\(number)"))
        let process = Process()
        let folder = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).deletingLastPathComponent()
        process.executableURL = folder.appendingPathComponent("iaifi")
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "COLUMNS": "200"].merging(environment) { $1 }
        let err = Pipe()
        process.standardOutput = terminal
        process.standardError = err
        try process.run()
        try terminal.close()
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }  // EIO once the program closed the terminal
            output += buffer[..<count]
        }
        close(master)
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: output, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

@Suite struct CommandLineTests {
    static let documentedKeys: Set<String> = [
        "id", "title", "authors", "authorsComplete", "authorCount", "date", "category", "abstract", "keywords",
        "arxivId", "url", "urlKind", "pdfUrl", "comments", "upvotes", "sources",
    ]

    @Test func listJSONIsTheWholeCatalog() throws {
        let run = try Run(["list", "--format", "json"])
        #expect(run.status == 0)
        let papers = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(papers.count == 613)
        #expect(papers.allSatisfy { Self.documentedKeys.isSubset(of: $0.keys) })
        let ids = papers.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == 613)
        let sources = try #require(papers.first { $0["arxivId"] as? String == "2504.00256" }?["sources"] as? [[String: Any]])
        #expect(sources.first?["format"] as? String == "arxiv" && sources.first?["line"] as? Int == 1)
        // The bundled file's one warning (an entry without tags) lost nothing: quiet.
        #expect(run.stderr.isEmpty)
    }

    /// Input lost (a truncated entry, a file not read): the problems where
    /// they are, the count, and the hint.
    @Test func lostInputIsShownWithItsPlace() throws {
        let truncated = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/inputs/truncated-arxiv.txt").path
        let run = try Run(["list", "--data", truncated], environment: ["IAIFI_CACHE": "off"])
        #expect(run.stderr.contains("truncated-arxiv.txt:13: warning: entry has no 'arXiv:ID'"))
        #expect(run.stderr.contains("1 problem(s) reading the catalog lost input; run 'iaifi check'"))
        #expect(try Run(["list", "--data", truncated, "--quiet"], environment: ["IAIFI_CACHE": "off"]).stderr.isEmpty)
    }

    @Test func jsonLinesAndTSVHaveOneLinePerPaper() throws {
        let jsonl = try Run(["list", "--format", "jsonl", "--category", "Astrophysics"])
        #expect(jsonl.stdout.split(separator: "\n").count == 152)
        for line in jsonl.stdout.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
        let tsv = try Run(["list", "--category", "Astrophysics"])
        #expect(tsv.stdout.split(separator: "\n").count == 152)
        #expect(tsv.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 5 })
    }

    /// `--category none` selects the papers `categories` counts as "(no category)".
    @Test func uncategorisedPapersAreSelectable() throws {
        let counted = try Run(["categories", "--format", "tsv"]).stdout.split(separator: "\n").first { $0.hasSuffix("(no category)") }
        let none = try Run(["list", "--category", "none", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [[String: Any]])
        #expect(counted.map { Int($0.split(separator: "\t")[0]) } == rows.count && rows.count > 0)
        #expect(rows.allSatisfy { $0["category"] is NSNull })
        let remaining = try Run(["list", "--category", "none", "--inferred", "--format", "tsv"]).stdout.split(separator: "\n").count
        #expect(remaining < rows.count)
    }

    /// Years read oldest first; `--top` keeps the most frequent; JSON years are numbers.
    @Test func yearsAreChronologicalAndNumbers() throws {
        let all = try Run(["years", "--format", "tsv", "--quiet"]).stdout.split(separator: "\n").map { $0.split(separator: "\t") }
        let years = all.map { Int($0[1])! }
        #expect(years == years.sorted() && years.count > 5)
        let top = try Run(["years", "--top", "3", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(top.stdout.utf8)) as? [[String: Any]])
        let counts = all.map { Int($0[0])! }.sorted(by: >)
        #expect(rows.map { $0["count"] as? Int ?? -1 }.sorted(by: >) == Array(counts.prefix(3)))
        #expect(rows.map { $0["value"] as? Int ?? 0 } == rows.map { $0["value"] as? Int ?? 0 }.sorted())
        let byCount = try Run(["years", "--sort", "count", "--top", "3", "--format", "tsv"])
        #expect(byCount.stdout.split(separator: "\n").map { Int($0.split(separator: "\t")[0])! } == Array(counts.prefix(3)))
    }

    /// Scores belong to words weighed: `--keyword` alone orders exact tags
    /// first but prints no score; with words, the score is theirs alone.
    @Test func scoresOnlyForWordsWeighed() throws {
        let tagged = try Run(["search", "--keyword", "diffusion models", "--json"])
        #expect(tagged.status == 0)
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(tagged.stdout.utf8)) as? [[String: Any]])
        #expect(!hits.isEmpty && hits.allSatisfy { $0["score"] is NSNull || $0["score"] == nil })
        #expect((hits.first?["keywords"] as? [String])?.contains("diffusion models") == true)
        let worded = try Run(["search", "sampling", "--keyword", "diffusion models", "--json"])
        let scored = try #require(try JSONSerialization.jsonObject(with: Data(worded.stdout.utf8)) as? [[String: Any]])
        #expect(!scored.isEmpty && scored.allSatisfy { ($0["score"] as? Double).map { $0 < 100 } == true })
        #expect((scored.first?["keywords"] as? [String])?.contains("diffusion models") == true)
        let listed = try Run(["list", "--keyword", "diffusion models", "--format", "tsv"])
        #expect(listed.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 5 })
    }

    @Test func nothingFoundExitsOne() throws {
        let run = try Run(["search", "xyzzyq"])
        #expect(run.status == 1 && run.stdout.isEmpty && run.stderr.contains("No papers found."))
        let json = try Run(["search", "xyzzyq", "--json"])
        #expect(json.status == 1 && json.stdout == "[]\n")
        let tag = try Run(["search", "--keyword", "difusion models"])
        #expect(tag.status == 1 && tag.stderr.contains("did you mean \"diffusion models\""))
    }

    @Test func usageErrorsExitTwoAndNameTheArgument() throws {
        let option = try Run(["list", "--catgory", "Astrophysics"])
        #expect(option.status == 2 && option.stderr.contains("unknown option '--catgory'; did you mean '--category'?"))
        #expect(option.stderr.contains("Usage: iaifi list"))
        let category = try Run(["list", "--category", "Astrophisics"])
        #expect(category.status == 2 && category.stderr.contains("no category \"Astrophisics\"; did you mean \"Astrophysics\"?"))
        let query = try Run(["search", "\"dark matter"])
        #expect(query.status == 2 && query.stderr.contains("unbalanced quote"))
        let command = try Run(["serch", "x"])
        #expect(command.status == 2 && command.stderr.contains("did you mean 'search'?"))
        let format = try Run(["list", "--format", "yaml"])
        #expect(format.status == 2 && format.stderr.contains("'--format' takes one of"))
    }

    @Test func helpAndVersion() throws {
        for command in ["search", "list", "show", "related", "keywords", "authors", "categories", "years", "check"] {
            let run = try Run([command, "--help"])
            #expect(run.status == 0 && run.stdout.contains("USAGE: iaifi \(command)") && run.stdout.contains("EXAMPLES:"))
        }
        let version = try Run(["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
    }

    @Test func showAcceptsUniquePrefixesAndListsAmbiguousOnes() throws {
        let unique = try Run(["show", "halverson2026nat"])
        #expect(unique.status == 0 && unique.stdout.contains("Naturalness and Fisher Information"))
        #expect(unique.stdout.contains("keywords:"))
        let ambiguous = try Run(["show", "gomez2022"])
        #expect(ambiguous.status == 2 && ambiguous.stderr.contains("gomez2022first") && ambiguous.stderr.contains("gomez2022luminous"))
    }

    @Test func relatedGivesReasons() throws {
        let run = try Run(["related", "udrescu2019ai", "--json", "--limit", "3"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 3 && hits.allSatisfy { $0["sharedTags"] is [String] && $0["sharedAuthors"] is [String] })
    }

    @Test func categoriesFacetStatesThePageCounts() throws {
        let run = try Run(["categories", "--format", "tsv"])
        #expect(run.stdout == "202\tFoundational AI\n152\tAstrophysics\n150\tTheoretical Physics\n70\tExperimental Physics\n39\t(no category)\n")
    }

    @Test func csvIsReadableAndDefused() throws {
        let run = try Run(["list", "--format", "csv", "--limit", "3"])
        #expect(run.stdout.hasPrefix("id,title,authors,"))
        #expect(run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 4)
    }

    @Test func checkReportsPerFileAndFailsOnErrors() throws {
        let good = try Run(["check"])
        #expect(good.status == 0 && good.stdout.contains("613 papers") && good.stderr.contains("no keyword line"))
        let bad = try Run(["check", "--data", "/no/such/file"])
        #expect(bad.status == 3 && bad.stderr.contains("/no/such/file: error: no such file or folder"))
    }

    @Test func dataFromTheEnvironment() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/nested").path
        let run = try Run(["list", "--format", "jsonl"], environment: ["IAIFI_DATA": folder])
        #expect(run.status == 0 && run.stdout.split(separator: "\n").count == 1 && run.stdout.contains("2401.99999"))
    }
}

@Suite struct BoundedArgumentTests {
    @Test func emptyMatchersAreUsageErrors() throws {
        for arguments in [
            ["search", "*"], ["search", "\"\""], ["search", "author:^"], ["search", "title:\"\""], ["list", "--author", ""],
            ["list", "--keyword", " "], ["list", "--author", "^"], ["search", "-", "--"],
        ] {
            let run = try Run(arguments)
            #expect(run.status == 2 && run.stderr.contains("Error:") && run.stdout.isEmpty, "\(arguments): \(run.stderr)")
        }
    }

    @Test func aDataVariableNamingNoPathIsAnInputError() throws {
        for value in ["", ":::"] {
            let run = try Run(["list"], environment: ["IAIFI_DATA": value])
            #expect(run.status == 3 && run.stderr.contains("$IAIFI_DATA is set to \"\(value)\""), "\(value): \(run.stderr)")
        }
    }

    /// A 60 KB argument is looked up and compared with the catalog's tags
    /// (for a suggestion) without work that grows with its length squared.
    @Test func aHugeKeywordIsAnsweredPromptly() throws {
        let run = try Run(["list", "--keyword", String(repeating: "diffusion ", count: 6_000)])
        #expect(run.status == 1 && run.stderr.contains("No papers found"))
    }
}

@Suite struct SafeOutputTests {
    private let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/inputs/control-characters.txt").path

    @Test func tablesAndRecordsNeverCarryEscapes() throws {
        for arguments in [["list", "--format", "table"], ["show", "author2024hyperlink"]] {
            let run = try Run(arguments + ["--data", fixture])
            #expect(run.status == 0, "\(arguments) \(run.stderr)")
            #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{07}"), "\(arguments)")
        }
    }

    /// On a terminal, no format lets the data move the cursor, clear the
    /// screen, set the clipboard (OSC 52) or reverse the text (U+202E).
    @Test func everyFormatIsNeutralisedOnATerminal() throws {
        for format in ["table", "tsv", "csv", "json", "jsonl", "bibtex"] {
            let run = try Run(["list", "--format", format, "--data", fixture, "--quiet"], environment: ["NO_COLOR": "1"], onTerminal: true)
            #expect(run.status == 0, "\(format) \(run.stderr)")
            let acted = run.stdout.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t") || $0 == "\u{202E}" }
            #expect(acted.isEmpty && run.stdout.contains("Red"), "\(format): \(acted.map { String($0.value, radix: 16) })")
        }
        let graph = try Run(["graph", "--data", fixture, "--quiet"], onTerminal: true)
        #expect(!graph.stdout.contains("\u{1B}"))
    }

    /// In a pipe, the data stays exact where the format can hold it.
    @Test func documentsStayExactInAPipe() throws {
        let csv = try Run(["list", "--format", "csv", "--data", fixture])
        #expect(csv.stdout.contains("\u{1B}[31mRed") && csv.stdout.contains("\u{202E}") && csv.stdout.contains("\u{1B}]52;c;"))
        let tsv = try Run(["list", "--format", "tsv", "--data", fixture])
        #expect(tsv.stdout.contains("\u{1B}[31mRed") && tsv.stdout.split(separator: "\n").count == 1)
        let json = try Run(["list", "--format", "json", "--data", fixture])
        #expect(json.stdout.contains("\\u202e") && !json.stdout.contains("\u{202E}"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect((parsed?.first?["title"] as? String)?.contains("\u{202E} evil\u{1B}]52") == true)
    }

    @Test func jsonEscapesAndCSVDefuses() throws {
        let json = try Run(["list", "--json", "--data", fixture])
        #expect(json.stdout.contains("\\u001b[31mRed"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect((parsed?.first?["title"] as? String)?.hasPrefix("=HYPERLINK") == true)
        let csv = try Run(["list", "--format", "csv", "--data", fixture])
        #expect(csv.stdout.contains(",\"'=HYPERLINK(\"\"http://evil\"\")"))
    }
}

@Suite struct SnapshotTests {
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func temporaryFolder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("iaifi-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func secondRunUsesTheSnapshotAndAnswersTheSame() throws {
        let cache = try temporaryFolder("cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let first = try Run(["search", "dark matter", "--json"], environment: ["IAIFI_CACHE_DIR": cache])
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(snapshots.count == 1 && snapshots[0].hasSuffix(".index"))
        // The snapshot holds the catalog's text: its owner's alone.
        let mode = try FileManager.default.attributesOfItem(atPath: cache + "/" + snapshots[0])[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let second = try Run(["search", "dark matter", "--json"], environment: ["IAIFI_CACHE_DIR": cache])
        #expect(first.stdout == second.stdout && !first.stdout.isEmpty)
        #expect(first.stderr == second.stderr)
    }

    @Test func changedDataIsNeverAnsweredFromAStaleSnapshot() throws {
        let cache = try temporaryFolder("cache")
        let data = try temporaryFolder("data")
        defer {
            try? FileManager.default.removeItem(atPath: cache)
            try? FileManager.default.removeItem(atPath: data)
        }
        let listing = data + "/listing.txt"
        let entry =
            "A long enough abstract about quasars. It has sentences and goes on for a while, as abstracts do.\n\narXiv:2401.00001\nCreated: 2024-01-01\n"
        try entry.write(toFile: listing, atomically: false, encoding: .utf8)
        let environment = ["IAIFI_CACHE_DIR": cache]
        #expect(try Run(["list", "--data", data], environment: environment).stdout.split(separator: "\n").count == 1)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: listing))
        handle.seekToEndOfFile()
        handle.write(
            Data("\nAnother abstract about blazars. It also has sentences and is long enough to count.\n\narXiv:2401.00002\nCreated: 2024-01-02\n".utf8))
        try handle.close()
        #expect(try Run(["list", "--data", data], environment: environment).stdout.split(separator: "\n").count == 2)
        try "x".write(toFile: data + "/new.txt", atomically: true, encoding: .utf8)
        #expect(try Run(["list", "--data", data], environment: environment).stderr.contains("problem"))
    }

    @Test func temporariesOfKilledWritersAreRemovedOnceOld() throws {
        let cache = try temporaryFolder("cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let environment = ["IAIFI_CACHE_DIR": cache]
        _ = try Run(["categories"], environment: environment)
        let snapshot = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first)
        let old = cache + "/" + snapshot + ".Ab12Cd"
        let young = cache + "/" + snapshot + ".Ef34Gh"
        for path in [old, young] { _ = FileManager.default.createFile(atPath: path, contents: Data("half a snapshot".utf8)) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: old)
        try FileManager.default.removeItem(atPath: cache + "/" + snapshot)
        _ = try Run(["categories"], environment: environment)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: cache)) == [snapshot, (young as NSString).lastPathComponent])
    }

    /// Damage found only while answering (a flipped byte deep in the
    /// papers): the answer is discarded, the command runs again on a fresh
    /// index, and one notice says so.
    @Test func damageFoundWhileAnsweringGivesTheRightAnswerAndOneNotice() throws {
        let cache = try temporaryFolder("cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let environment = ["IAIFI_CACHE_DIR": cache]
        let expected = try Run(["list", "--format", "jsonl"], environment: environment)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first)
        let url = URL(fileURLWithPath: cache + "/" + name)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count / 3] ^= 0x04
        try bytes.write(to: url)
        let damaged = try Run(["list", "--format", "jsonl"], environment: environment)
        #expect(damaged.stdout == expected.stdout && damaged.status == 0)
        #expect(damaged.stderr.components(separatedBy: "was damaged").count == 2, "\(damaged.stderr)")
        let after = try Run(["list", "--format", "jsonl"], environment: environment)
        #expect(after.stdout == expected.stdout && !after.stderr.contains("damaged"))
    }

    @Test func aSymlinkPlantedInTheCacheIsNeverFollowed() throws {
        let cache = try temporaryFolder("cache")
        let target = try temporaryFolder("target")
        defer {
            try? FileManager.default.removeItem(atPath: cache)
            try? FileManager.default.removeItem(atPath: target)
        }
        let environment = ["IAIFI_CACHE_DIR": cache]
        let expected = try Run(["categories", "--format", "tsv"], environment: environment)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first)
        try FileManager.default.moveItem(atPath: cache + "/" + name, toPath: target + "/planted")
        try FileManager.default.createSymbolicLink(atPath: cache + "/" + name, withDestinationPath: target + "/planted")
        let run = try Run(["categories", "--format", "tsv"], environment: environment)
        #expect(run.stdout == expected.stdout)
        // The link was replaced by a real snapshot; what it pointed to is untouched.
        let kind = try FileManager.default.attributesOfItem(atPath: cache + "/" + name)[.type] as? FileAttributeType
        #expect(kind == .typeRegular)
        #expect(FileManager.default.fileExists(atPath: target + "/planted"))
    }

    @Test func anUnusableCacheGivesOneNoticeAndTheRightAnswer() throws {
        let folder = try temporaryFolder("file")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let notAFolder = folder + "/cache"
        try "x".write(toFile: notAFolder, atomically: true, encoding: .utf8)
        let expected = try Run(["categories", "--format", "tsv"], environment: ["IAIFI_CACHE": "off"])
        let run = try Run(["categories", "--format", "tsv"], environment: ["IAIFI_CACHE_DIR": notAFolder])
        #expect(run.stdout == expected.stdout && run.status == 0)
        #expect(run.stderr.contains("not using the cache folder \(notAFolder)"))
    }

    @Test func damagedSnapshotIsRebuilt() throws {
        let cache = try temporaryFolder("cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let environment = ["IAIFI_CACHE_DIR": cache]
        let expected = try Run(["categories", "--format", "tsv"], environment: environment).stdout
        for name in try FileManager.default.contentsOfDirectory(atPath: cache) {
            try Data("iaifi-index-v3 garbage".utf8).write(to: URL(fileURLWithPath: cache + "/" + name))
        }
        #expect(try Run(["categories", "--format", "tsv"], environment: environment).stdout == expected)
    }
}
