import PaperCatalog
import PaperIndex

/// `check`: read the catalog afresh and report on every file.
extension CommandSpecs {
    static let check = CommandSpec(
        name: "check", abstract: "Read the catalog and report, per file, the format, entries, records, warnings and merges.",
        options: [OptionSpec(name: "notes", help: "Also list notes (merges, skipped page-navigation lines)."), data],
        examples: ["iaifi check", "iaifi check --data ~/dumps/"])
}

extension Commands {
    static func check(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let (catalog, origin) = try context.loadCatalog(console: &console, reportingNotes: context.arguments.has("notes"))
        console.print(CheckReport.render(catalog, origin: origin, terminal: context.terminal))
        return catalog.hasErrors ? .inputError : .success
    }
}

/// `check`'s per-file table.
enum CheckReport {
    static func render(_ catalog: Catalog, origin: String, terminal: Terminal) -> String {
        let layout = TableLayout(columns: [
            .init(title: "FILE"), .init(title: "FORMAT"), .init(title: "ENTRIES"), .init(title: "RECORDS"),
            .init(title: "WARNINGS"), .init(title: "ERRORS"), .init(title: "MERGED"),
        ])
        let rows = catalog.files.map { file in
            [
                file.path, file.formats.isEmpty ? "-" : file.formats.map(\.rawValue).joined(separator: "+"), String(file.entries), String(file.records),
                String(file.warnings), String(file.errors), String(file.merges),
            ]
        }
        var lines = layout.render(rows, width: terminal.width)
        lines[0] = terminal.bold(lines[0])
        lines.append("\(catalog.papers.count) papers in the catalog (files from \(origin))")
        return lines.joined(separator: "\n") + "\n"
    }
}
