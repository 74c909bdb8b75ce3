import PaperIndex

/// Every command's interface, in one place so help and parsing agree.
enum CommandSpecs {
    static let data = OptionSpec(name: "data", value: "<path>", help: "Read these dump files or folders instead of the bundled catalog.", repeatable: true)
    static let quiet = OptionSpec(name: "quiet", short: "q", help: "Do not print warnings about the input on stderr.")
    static let format = OptionSpec(
        name: "format", value: "<format>", help: OutputFormat.names + " (default: table on a terminal, tsv otherwise).")
    static let json = OptionSpec(name: "json", help: "Same as --format json.")
    static let fields = OptionSpec(
        name: "fields", value: "<fields>",
        help: "For " + OutputFormat.withFields.map(\.rawValue).joined(separator: ", ")
            + " (tsv is the default with it): these fields, comma-separated, in this order (README: 'JSON fields').")
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
