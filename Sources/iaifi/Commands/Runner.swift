import PaperCatalog
import PaperIndex

/// Picks the command, parses its arguments and turns failures into the
/// documented messages and exit codes.
enum Runner {
    static func run(_ arguments: [String], environment: [String: String], console: inout Console) -> ExitCode {
        guard let first = arguments.first else {
            console.print(CommandSpecs.overview)
            return .success
        }
        switch first {
        case "-h", "--help":
            console.print(CommandSpecs.overview)
            return .success
        case "--version":
            console.print(IAIFI.version + "\n")
            return .success
        case "help":
            guard let name = arguments.dropFirst().first else {
                console.print(CommandSpecs.overview)
                return .success
            }
            guard let command = Command(rawValue: name) else { return unknownCommand(name, &console) }
            console.print(command.spec.help)
            return .success
        default:
            break
        }
        guard let command = Command(rawValue: first) else { return unknownCommand(first, &console) }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.print(command.spec.help)
            return .success
        }
        let terminal = Terminal.current(environment: environment)
        let loaded = LoadedIndex()
        console.discards = { loaded.damagedSnapshot != nil }
        let code = execute(command, rest, Context(terminal: terminal, environment: environment, loaded: loaded), &console)
        // Damage met while the snapshot was read: the rest of the answer is
        // discarded, and the command runs again on an index built afresh.
        // What went out before the damage was met was read intact: the
        // new answer starts the same, and only its rest is written.
        guard let file = loaded.damagedSnapshot else { return code }
        IndexSnapshot.discard(file)
        console = Console(guardsTerminal: console.guardsTerminal, alreadyWritten: console.written)
        console.error("iaifi: the saved index \(file) was damaged; read the catalog again")
        return execute(command, rest, Context(terminal: terminal, environment: environment, loaded: LoadedIndex()), &console)
    }

    /// Runs one command, turning failures into messages and exit codes.
    private static func execute(_ command: Command, _ arguments: [String], _ context: Context, _ console: inout Console) -> ExitCode {
        let spec = command.spec
        do {
            var context = context
            context.arguments = try ParsedArguments.parse(arguments, for: spec)
            return try command.run(&context, &console)
        } catch {
            let (message, code, showsUsage) = explain(error)
            console.error("Error: \(message)" + (showsUsage ? "\nUsage: \(spec.usage)\nSee 'iaifi \(spec.name) --help' for more information." : ""))
            return code
        }
    }

    /// Every failure's message and exit code, in one place; whether the
    /// command's usage follows the message (the command line was at fault).
    private static func explain(_ error: any Error) -> (message: String, code: ExitCode, showsUsage: Bool) {
        switch error {
        case let error as UsageError: (error.message, .usage, true)
        case let error as QueryError: ("cannot parse query at \(error.description)", .usage, true)
        case let error as IDLookupError: (error.description, .usage, true)
        case let error as SearchError: (error.description, .usage, false)
        case let error as InputError: (error.message, .inputError, false)
        default: ("\(error)", .inputError, false)
        }
    }

    private static func unknownCommand(_ name: String, _ console: inout Console) -> ExitCode {
        let hint = Suggestion.nearest(to: name, in: CommandSpecs.visibleCommands.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
        console.error("Error: unknown command '\(name)'\(hint)\nSee 'iaifi --help' for the list of commands.")
        return .usage
    }
}

/// The index a command loaded and the snapshot it came from, kept so that
/// damage found while the command used it can be told afterwards.
final class LoadedIndex {
    private var index: CatalogIndex?
    private var file: String?

    func record(_ loaded: IndexSnapshot.Loaded) {
        index = loaded.index
        file = loaded.file
    }

    /// The snapshot, if the index was read from one and found damaged.
    var damagedSnapshot: String? { index?.isDamaged == true ? file : nil }
}

/// The catalog could not be read at all.
struct InputError: Error {
    var message: String
}

/// What every command works with: its arguments, the terminal and, on
/// first use, the catalog and its index.
struct Context {
    var arguments = ParsedArguments()
    var terminal: Terminal
    var environment: [String: String]
    /// The index once loaded, shared by copies of the context.
    let loaded: LoadedIndex

    /// The paths to read (`--data`, else `$IAIFI_DATA` or the bundled
    /// `Data/`) and where they came from.
    func inputPaths() throws -> (paths: [String], origin: String) {
        let paths = arguments.all("data")
        if !paths.isEmpty { return (paths, "--data") }
        guard let found = CatalogLocation.defaultPaths(environment: environment) else {
            throw InputError(
                message: "no catalog found; pass --data PATH or set $\(CatalogLocation.environmentVariable) (see README: 'Where the data comes from')")
        }
        guard !found.paths.isEmpty else {
            let variable = CatalogLocation.environmentVariable
            throw InputError(
                message:
                    "$\(variable) is set to \"\(environment[variable] ?? "")\", which names no file or folder; set it to paths separated by ':', or unset it to read the bundled catalog"
            )
        }
        return found
    }

    /// The indexed catalog, from a fresh snapshot when there is one. Prints
    /// the cache's notices; when reading lost input (and not `--quiet`), the
    /// first few problems and their count; when nothing could be read,
    /// every error.
    func loadIndex(console: inout Console) throws -> CatalogIndex {
        let paths = try inputPaths().paths
        let loaded = IndexSnapshot.load(paths: paths, folder: CatalogLocation.snapshotFolder(environment: environment))
        self.loaded.record(loaded)
        for notice in loaded.notices {
            console.error(notice)
        }
        let (index, problems, diagnostics) = (loaded.index, loaded.problems, loaded.diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }
        if index.count == 0, !errors.isEmpty {
            for diagnostic in errors {
                console.error(diagnostic.description)
            }
            throw InputError(message: "no papers could be read from \(paths.joined(separator: ", "))")
        }
        // Quiet unless input was lost: then the first few problems, where
        // they are and what was expected, and the count.
        if !arguments.has("quiet"), problems > 0 {
            for problem in loaded.firstProblems {
                console.error(problem)
            }
            let more = problems > loaded.firstProblems.count ? " (\(problems - loaded.firstProblems.count) more)" : ""
            console.error("iaifi: \(problems) problem(s) reading the catalog lost input\(more); run 'iaifi check' for details")
        }
        return index
    }

    /// Reads the catalog afresh and prints every warning and error (and
    /// notes, if asked): what `check` reports.
    func loadCatalog(console: inout Console, reportingNotes: Bool) throws -> (catalog: Catalog, origin: String) {
        let (paths, origin) = try inputPaths()
        let catalog = Catalog.load(paths: paths)
        for diagnostic in catalog.diagnostics where diagnostic.severity != .note || reportingNotes {
            console.error(diagnostic.description)
        }
        return (catalog, origin)
    }

    /// How to print papers: `--template`, or the format asked for (else the
    /// default for where stdout goes; tsv with `--fields`) and `--fields`.
    func paperWriter(default fallback: OutputFormat? = nil) throws(UsageError) -> PaperWriter {
        if let text = arguments.value("template") {
            if let other = ["format", "json", "fields"].first(where: { arguments.value($0) != nil || arguments.has($0) }) {
                throw UsageError(message: "'--template' cannot be combined with '--\(other)': it is a format of its own")
            }
            return PaperWriter(format: .tsv, template: try Template(text), terminal: terminal)
        }
        guard let list = arguments.value("fields") else { return PaperWriter(format: try format(default: fallback), terminal: terminal) }
        let fields = try RecordField.parse(list: list)
        let asked = arguments.value("format")
        if asked == nil, !arguments.has("json") { return PaperWriter(format: .tsv, fields: fields, terminal: terminal) }
        guard asked != "text", case let format:OutputFormat = try format(), OutputFormat.withFields.contains(format) else {
            throw UsageError(message: "'--fields' applies to \(OutputFormat.withFields.map(\.rawValue).listed("and")); got '--format \(asked ?? "")'")
        }
        return PaperWriter(format: format, fields: fields, terminal: terminal)
    }

    /// The output format asked for, or the default for where stdout goes.
    func format<Format: FormatChoice>(default fallback: Format? = nil) throws(UsageError) -> Format {
        if arguments.has("json") {
            if arguments.value("format") != nil { throw UsageError(message: "'--json' and '--format' cannot be combined") }
            return .json
        }
        return try arguments.choice("format", Format.self) ?? fallback ?? Format.standard(interactive: terminal.isInteractive)
    }
}
