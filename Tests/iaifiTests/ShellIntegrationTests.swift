import Foundation
import PaperIndex
import Testing

@testable import iaifi

/// `iaifi completions` and `iaifi manpage`: generated from the command
/// table, accepted by the shells and by man. The shells and man are
/// optional here: a check whose tool is not installed is skipped.
@Suite struct ShellIntegrationTests {
    static let visibleNames = CommandSpecs.visibleCommands.map(\.name)

    /// The table's cases and their declarations agree, so dispatch, help
    /// and the scripts name the same commands; help answers for each.
    @Test(arguments: Command.allCases) func everyCommandIsDeclaredUnderItsOwnName(_ command: Command) throws {
        #expect(command.spec.name == command.rawValue)
        let run = try Run([command.rawValue, "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: iaifi \(command.rawValue)"))
    }

    @Test(arguments: Shell.allCases) func completionScriptNamesEveryCommand(_ shell: Shell) throws {
        let run = try Run(["completions", shell.rawValue])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        for name in Self.visibleNames {
            #expect(run.stdout.contains(name), "\(shell) script lacks '\(name)'")
        }
        for option in CommandSpecs.commands.flatMap(\.options) {
            #expect(run.stdout.contains(option.name), "\(shell) script lacks '--\(option.name)'")
        }
        // Catalog values are asked for as the user types, never embedded.
        #expect(run.stdout.contains("__complete keywords") || run.stdout.contains("__iaifi_catalog keywords") || run.stdout.contains("_iaifi_catalog keywords"))
        #expect(!run.stdout.contains("Astrophysics"))
    }

    @Test func bashAcceptsItsScript() throws {
        try expectShellAccepts(.bash, tool: "bash")
    }

    @Test(.enabled(if: Tool.find("zsh") != nil, "zsh is not installed"))
    func zshAcceptsItsScript() throws {
        try expectShellAccepts(.zsh, tool: "zsh")
    }

    @Test(.enabled(if: Tool.find("fish") != nil, "fish is not installed"))
    func fishAcceptsItsScript() throws {
        try expectShellAccepts(.fish, tool: "fish")
    }

    @Test(.enabled(if: Tool.find("bash") != nil, "bash is not installed"))
    func bashCompletesFormatsFromTheCommandsTable() throws {
        let script = try Tool.temporaryFile(try Run(["completions", "bash"]).stdout)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let probe = """
            source \(script)
            t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=(); _iaifi; echo "${COMPREPLY[*]}"; }
            t iaifi gr
            t iaifi graph --format ''
            t iaifi list --sort ''
            t iaifi search --format = js
            t iaifi completions ''
            """
        let result = try Tool.run("bash", ["-c", probe])
        #expect(
            result.output.split(separator: "\n") == [
                "graph",
                Substring(GraphFormat.allCases.map(\.rawValue).joined(separator: " ")),
                "date title",
                "json jsonl",
                "bash zsh fish",
            ])
    }

    @Test func optionValuesAreTheOnesEachCommandTakes() {
        let format = { (spec: CommandSpec) in spec.options.first { $0.name == "format" }!.completion }
        #expect(format(CommandSpecs.search) == .choices(OutputFormat.allCases.map(\.rawValue)))
        #expect(format(CommandSpecs.graph) == .choices(GraphFormat.allCases.map(\.rawValue)))
        #expect(format(CommandSpecs.trends) == .choices(["table", "tsv", "json"]))
        #expect(format(CommandSpecs.show).choices.contains("text"))
        #expect(CommandSpecs.search.options.first { $0.name == "sort" }!.completion == .choices(SortOrder.allCases.map(\.rawValue)))
        #expect(CommandSpecs.list.options.first { $0.name == "sort" }!.completion == .choices(["date", "title"]))
        #expect(CommandSpecs.search.options.first { $0.name == "category" }!.completion == .catalog(.categories))
        #expect(CommandSpecs.search.options.first { $0.name == "keyword" }!.completion == .catalog(.keywords))
        #expect(CommandSpecs.check.options.first { $0.name == "data" }!.completion == .files)
        // Fixed values come from the types that parse them.
        let parsed = Set(OutputFormat.allCases.map(\.rawValue) + GraphFormat.allCases.map(\.rawValue) + SortOrder.allCases.map(\.rawValue) + ["text"])
        for option in CommandSpecs.commands.flatMap(\.options) {
            #expect(Set(option.completion.choices).isSubset(of: parsed), "--\(option.name)")
        }
    }

    @Test func hiddenHelperPrintsCatalogValuesOnePerLine() throws {
        let categories = try Run(["__complete", "categories", "--quiet"])
        #expect(categories.status == 0)
        #expect(categories.stdout.split(separator: "\n").contains("Astrophysics"))
        let keywords = try Run(["__complete", "keywords", "--quiet"])
        #expect(keywords.stdout.split(separator: "\n").contains("diffusion models"))
        let wrong = try Run(["__complete", "colours"])
        #expect(wrong.status == 2)
        // Hidden: not in the overview, nor offered as a command.
        let overview = try Run(["--help"])
        #expect(overview.stdout.contains("completions"))
        #expect(overview.stdout.contains("manpage"))
        #expect(!overview.stdout.contains("__complete"))
        #expect(!(try Run(["__complet"]).stderr.contains("__complete")))
    }

    @Test func unknownShellIsAUsageError() throws {
        let run = try Run(["completions", "zhs"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("'zhs'"))
        #expect(run.stderr.contains("did you mean 'zsh'?"))
        #expect(run.stdout.isEmpty)
    }

    @Test func manPageHasEveryCommandAndSection() throws {
        let run = try Run(["manpage"])
        #expect(run.status == 0)
        let page = run.stdout
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "ENVIRONMENT", "EXIT STATUS", "FILES"] {
            #expect(page.contains(".SH \(section)\n"))
        }
        for name in Self.visibleNames {
            #expect(page.contains(".SS \"iaifi \(name.replacing("-", with: "\\-"))"))
        }
        #expect(!page.contains("__complete"))
        for variable in ["IAIFI_DATA", "IAIFI_CACHE", "IAIFI_CACHE_DIR", "XDG_CACHE_HOME", "NO_COLOR", "COLUMNS", "BROWSER"] {
            #expect(page.contains(".B \(variable)\n"))
        }
        for code in ExitCode.allCases {
            #expect(page.contains(".TP\n.B \(code.rawValue)\n"))
        }
        #expect(page.contains("\\fB\\-\\-keyword\\fR"))
        // Every line that roff would read as a request is one of ours.
        let requests: Set<Substring> = [".TH", ".SH", ".SS", ".TP", ".PP", ".RS", ".RE", ".nf", ".fi", ".B", ".I", ".BR", ".IR", ".RI", ".br", ".\\\""]
        for line in page.split(separator: "\n") where line.hasPrefix(".") || line.hasPrefix("'") {
            #expect(requests.contains(line.split(separator: " ").first ?? ""), "unexpected request line: \(line)")
        }
    }

    @Test func roffEscapesWhatRoffWouldRead() {
        #expect(ManPage.roff(".hidden request") == "\\&.hidden request")
        #expect(ManPage.roff("'quote\nline") == "\\&'quote\nline")
        #expect(ManPage.roff("a\\b") == "a\\eb")
        #expect(ManPage.roff("--format co-occurrence") == "\\-\\-format co-occurrence")
        #expect(ManPage.roff("co-occurrence", code: true) == "co\\-occurrence")
        #expect(ManPage.roff("a \"b\"", inArgument: true) == "a \\(dqb\\(dq")
        #expect(ManPage.roff("≥ é") == "\\[u2265] \\[u00E9]")
    }

    @Test(.enabled(if: Tool.find("man") != nil, "man is not installed"))
    func manRendersThePageWithoutWarnings() throws {
        let page = try Tool.temporaryFile(try Run(["manpage"]).stdout, name: "iaifi.1")
        defer { try? FileManager.default.removeItem(atPath: page) }
        let result = try Tool.run("man", ["-l", page], environment: ["MANWIDTH": "80"])
        #expect(result.status == 0)
        #expect(result.errors.isEmpty, "man warned: \(result.errors)")
        #expect(result.output.contains("EXIT STATUS"))
    }

    @Test(.enabled(if: Tool.find("groff") != nil, "groff is not installed"))
    func groffFindsNothingToWarnAbout() throws {
        let page = try Tool.temporaryFile(try Run(["manpage"]).stdout, name: "iaifi.1")
        defer { try? FileManager.default.removeItem(atPath: page) }
        let result = try Tool.run("groff", ["-man", "-Tutf8", "-ww", "-z", page])
        #expect(result.status == 0)
        #expect(result.errors.isEmpty, "groff warned: \(result.errors)")
    }

    private func expectShellAccepts(_ shell: Shell, tool: String) throws {
        let script = try Tool.temporaryFile(try Run(["completions", shell.rawValue]).stdout)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let result = try Tool.run(tool, ["-n", script])
        #expect(result.status == 0, "\(tool) -n: \(result.errors)")
        #expect(result.errors.isEmpty)
    }
}

extension ValueCompletion {
    var choices: [String] {
        if case .choices(let values) = self { values } else { [] }
    }
}

/// An optional program on `$PATH`, run with stdin closed.
enum Tool {
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":") + ["/usr/bin", "/bin"]).map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(find(name)))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    /// Writes `text` to a new file in a fresh temporary folder.
    static func temporaryFile(_ text: String, name: String = "script") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iaifi-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name).path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}
