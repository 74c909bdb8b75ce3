import PaperCatalog
import PaperIndex

/// The counting commands: `keywords`, `authors`, `categories`, `years`
/// (from the index's facets, filters applied) and `acronyms`.
extension CommandSpecs {
    static func facet(_ name: String, _ what: String) -> CommandSpec {
        let authors = name == "authors"
        let years = name == "years"
        return CommandSpec(
            name: name,
            abstract: authors
                ? "Count papers by author (each person once, however the name is spelled), most frequent first."
                : years ? "Count papers by year, oldest first." : "Count papers by \(what), most frequent first.",
            options: filters + [
                OptionSpec(name: "top", short: "n", value: "<n>", help: "Print only the n most frequent" + (years ? " years (still oldest first)." : "."))
            ]
                + (years ? [OptionSpec(name: "sort", value: "<order>", help: "year (default: oldest first) or count (most frequent first).")] : []) + [
                    OptionSpec(name: "format", value: "<format>", help: CountFormat.names + "."), json, chart, ascii,
                ]
                + (authors ? [OptionSpec(name: "variants", help: "Also list each person's spellings among the papers counted (JSON always does).")] : [])
                + common,
            examples: ["iaifi \(name) --top \(years ? 5 : 10)", "iaifi \(name) --category Astrophysics --top 5", "iaifi \(name) --top 15 --chart"]
                + (years ? ["iaifi years --sort count --json"] : [])
                + (name == "categories" ? ["iaifi categories --inferred"] : [])
                + (authors ? ["iaifi authors --author Villar --variants"] : []))
    }

    static let acronyms = CommandSpec(
        name: "acronyms", abstract: "List the acronyms the papers define, which search expands, most frequent first.",
        options: [
            OptionSpec(name: "top", short: "n", value: "<n>", help: "Print only the n most frequent."),
            OptionSpec(name: "format", value: "<format>", help: CountFormat.names + "."), json,
        ] + common,
        examples: ["iaifi acronyms --top 20", "iaifi acronyms --format json | jq '.[] | select(.acronym == \"SBI\")'"])
}

extension Commands {
    static func facet(_ facet: Facet, _ context: Context, _ console: inout Console) throws -> ExitCode {
        var request = SearchRequest()
        try applyFilters(context.arguments, to: &request)
        let top = try context.arguments.integer("top", atLeast: 1)
        let format: CountFormat = try context.format()
        let chart = try chart(context)
        let byCount = try context.arguments.choice("sort", FacetSort.self) == .count
        let index = try context.loadIndex(console: &console)
        let counted = try index.count(facet, matching: request, top: top, yearsByCount: byCount)
        let counts = counted.rows
        guard !counts.isEmpty else {
            console.error("No papers found.")
            return .nothingFound
        }
        if let chart {
            console.print(
                chart.bars(counts.map { ($0.value ?? (facet == .categories ? "(no category)" : "(no date)"), $0.count) }, title: facet.rawValue.uppercased()))
        } else {
            console.print(
                FacetWriter.write(counts, facet: facet, as: format, variants: context.arguments.has("variants"), terminal: context.terminal),
                as: format)
        }
        if facet == .authors, !context.arguments.has("quiet"), counted.incompleteAuthorLists > 0 {
            console.error(
                "note: \(counted.incompleteAuthorLists) of the \(counted.papers) papers counted list only their first authors (or none); their other authors are not counted"
            )
        }
        noteTruncatedAuthorLists(facet == .authors ? [] : request.authors, index, context, &console)
        return .success
    }

    static func acronyms(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let top = try context.arguments.integer("top", atLeast: 1)
        let format: CountFormat = try context.format()
        let index = try context.loadIndex(console: &console)
        let acronyms = index.learnedAcronyms().prefix(top ?? Int.max)
        guard !acronyms.isEmpty else {
            console.error("No acronyms found.")
            return .nothingFound
        }
        console.print(AcronymWriter.write(Array(acronyms), as: format, terminal: context.terminal), as: format)
        return .success
    }
}

/// `years --sort`: oldest first, or most frequent first.
enum FacetSort: String, CaseIterable {
    case year, count
}
