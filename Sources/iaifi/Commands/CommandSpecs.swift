import PaperIndex

/// Every command's interface, in one place so help and parsing agree.
enum CommandSpecs {
    static let data = OptionSpec(name: "data", value: "<path>", help: "Read these dump files or folders instead of the bundled catalog.", repeatable: true)
    static let quiet = OptionSpec(name: "quiet", short: "q", help: "Do not print warnings about the input on stderr.")
    static let format = OptionSpec(
        name: "format", value: "<format>", help: "table, tsv, json, jsonl, csv or bibtex (default: table on a terminal, tsv otherwise).")
    static let json = OptionSpec(name: "json", help: "Same as --format json.")
    static let fields = OptionSpec(
        name: "fields", value: "<fields>",
        help: "For json, jsonl, csv and tsv (the default with it): these fields, comma-separated, in this order (README: 'JSON fields').")
    static let template = OptionSpec(
        name: "template", value: "<text>",
        help: "One line per paper: the text with each {field} filled in; \\t, \\n, \\\\, {{ and }} for a tab, line break, backslash and braces.")
    static let limit = OptionSpec(name: "limit", short: "n", value: "<n>", help: "Print at most n papers.")
    static let filters = [
        OptionSpec(
            name: "keyword", short: "k", value: "<tag>", help: "Papers tagged with this tag (exact tags rank first; a phrase inside a tag also matches).",
            repeatable: true),
        OptionSpec(
            name: "author", short: "a", value: "<name>",
            help: "Papers by this author: a full name or part of one, 'Last, First', 'F. Last' or 'Last, F.'; every spelling of the person.", repeatable: true),
        OptionSpec(name: "category", short: "c", value: "<name>", help: "Papers in this category; repeated, in any of them.", repeatable: true),
        OptionSpec(
            name: "inferred",
            help:
                "--category also takes papers with no stated category whose inferred one it is (confidence \(CatalogIndex.inferredCategoryThreshold) or more); 'categories' counts those apart."
        ),
        OptionSpec(name: "year", short: "y", value: "<yyyy>", help: "Papers dated in this year."),
        OptionSpec(name: "since", value: "<date>", help: "Papers dated on or after YYYY, YYYY-MM or YYYY-MM-DD."),
        OptionSpec(name: "until", value: "<date>", help: "Papers dated on or before YYYY, YYYY-MM or YYYY-MM-DD."),
    ]
    static let common = [data, quiet]

    static let search = CommandSpec(
        name: "search", abstract: "Search the catalog, best matches first.",
        arguments: [
            (
                "[<query>...]",
                "Words, quoted or not: papers with more, and rarer, of them rank first. +word or a AND b: required; \"a phrase\": required, in order; field:value (title, abstract, author, keyword, category, year): required; author:^Name, year:2020..2023, prefix*, OR, parentheses, -word or NOT word. Put the query after -- when it starts with -."
            )
        ],
        maximumPositionals: nil,
        options: filters + [
            OptionSpec(name: "sort", value: "<order>", help: "relevance, date or title (default: relevance)."),
            OptionSpec(name: "no-snippets", help: "No excerpt under each result (table) and \"excerpt\": null in \"matches\" (JSON)."),
            limit, format, json, fields, template,
        ] + common,
        examples: [
            "iaifi search --keyword \"diffusion models\"",
            "iaifi search dark matter substructure strong lensing",
            "iaifi search dark matter --author Tegmark --since 2022 --format json | jq '.[].title'",
            "iaifi search --category Astrophysics -- -review galaxy",
            "iaifi search 'title:\"normalizing flows\" (lattice OR qcd) -review year:2022..'",
            "iaifi search 'author:^Halverson' --sort date",
        ])

    static let list = CommandSpec(
        name: "list", abstract: "List papers matching the filters, newest first.",
        options: filters + [
            OptionSpec(name: "sort", value: "<order>", help: "date or title (default: date)."),
            limit, format, json, fields, template,
        ] + common,
        examples: [
            "iaifi list --category Astrophysics", "iaifi list --category \"Foundational AI\" --inferred", "iaifi list --year 2024 --format csv > 2024.csv",
            "iaifi list --json | jq length",
            "iaifi list --fields id,title,url --format csv", "iaifi list --template '{id}\\t{title} ({year})'",
        ])

    static let show = CommandSpec(
        name: "show", abstract: "Show whole records; a unique prefix of an id is enough.",
        arguments: [("<id>...", "Record ids, or unique prefixes of them.")],
        minimumPositionals: 1, maximumPositionals: nil,
        options: [OptionSpec(name: "format", value: "<format>", help: "text (default), json, jsonl, csv, bibtex, tsv or table."), json, fields, template]
            + common,
        examples: ["iaifi show 2504.00256", "iaifi show udrescu2019 --format bibtex"])

    static let open = CommandSpec(
        name: "open", abstract: "Open papers in the browser: the arXiv page, else an arXiv search for the title.",
        arguments: [("<id>...", "Record ids, or unique prefixes of them.")],
        minimumPositionals: 1, maximumPositionals: nil,
        options: [OptionSpec(name: "print", help: "Print the links, one per line, instead of opening them.")] + common,
        examples: ["iaifi open 2504.00256", "iaifi open halverson2026 --print", "BROWSER=lynx iaifi open 2412.10504"])

    static let related = CommandSpec(
        name: "related", abstract: "Papers most connected to one paper, with the reason.",
        arguments: [("<id>", "A record id or a unique prefix of one.")],
        minimumPositionals: 1, maximumPositionals: 1,
        options: [limit, format, json, fields, template] + common,
        examples: ["iaifi related udrescu2019ai", "iaifi related 2412.10504 --limit 5 --json"])

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
                    OptionSpec(name: "format", value: "<format>", help: "table, tsv, json, jsonl or csv."), json, chart, ascii,
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
            OptionSpec(name: "format", value: "<format>", help: "table, tsv, json, jsonl or csv."), json,
        ] + common,
        examples: ["iaifi acronyms --top 20", "iaifi acronyms --format json | jq '.[] | select(.acronym == \"SBI\")'"])

    static let check = CommandSpec(
        name: "check", abstract: "Read the catalog and report, per file, the format, entries, records, warnings and merges.",
        options: [OptionSpec(name: "notes", help: "Also list notes (merges, skipped page-navigation lines)."), data],
        examples: ["iaifi check", "iaifi check --data ~/dumps/"])

    /// Every command's declaration, in ``Command`` order.
    static let commands = Command.allCases.map(\.spec)

    /// The commands people use: all but the hidden helpers.
    static var visibleCommands: [CommandSpec] { commands.filter { !$0.hidden } }

    static let abstract = "Index and search research-paper listings saved as text dumps."

    static let overview = """
        OVERVIEW: \(abstract)

        USAGE: iaifi <command> [<options>]

        COMMANDS:
        \(visibleCommands.map { "  " + $0.name.padding(12) + $0.abstract }.joined(separator: "\n"))

        The catalog is every dump in the bundled Data/ folder, unless --data or
        $IAIFI_DATA names other files or folders.

        EXIT CODES: 0 found something, 1 found nothing, 2 usage error, 3 input error,
        4 output error.

        See 'iaifi help <command>' or 'iaifi <command> --help' for details.

        """
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
