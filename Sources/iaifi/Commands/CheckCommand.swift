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
