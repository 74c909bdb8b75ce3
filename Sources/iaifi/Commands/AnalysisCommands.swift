import PaperCatalog
import PaperIndex

/// The interfaces of the analysis commands (`graph`, `trends`) and the
/// chart options the counting commands share.
extension CommandSpecs {
    static let chart = OptionSpec(name: "chart", help: "Draw the counts as bars fitted to the terminal (colour on a terminal unless NO_COLOR is set).")
    static let ascii = OptionSpec(name: "ascii", help: "With --chart: plain ASCII (#) instead of Unicode blocks.")

    static let graph = CommandSpec(
        name: "graph", abstract: "Write the tag co-occurrence network (or co-authorship) of the selected papers.",
        options: filters + [
            OptionSpec(name: "authors", help: "Co-authorship instead: authors joined by the papers they wrote together."),
            OptionSpec(name: "top", short: "n", value: "<n>", help: "Keep the n nodes with most papers, and the edges among them."),
            OptionSpec(name: "min-weight", value: "<w>", help: "Drop edges with fewer than w shared papers (default: 1)."),
            OptionSpec(name: "format", value: "<format>", help: "dot (Graphviz, the default), graphml or json."),
            json,
        ] + common,
        examples: [
            "iaifi graph --top 60 | dot -Tsvg > map.svg",
            "iaifi graph --category Astrophysics --top 40 --min-weight 2 --format graphml > astro.graphml",
            "iaifi graph --authors --since 2024 --top 80 --format json | jq '.edges[0]'",
        ])

    static let trends = CommandSpec(
        name: "trends", abstract: "Rank the tags (or words) whose share of papers rose or fell most between two periods.",
        options: filters + [
            OptionSpec(
                name: "to", value: "<years>",
                help: "The later period: YYYY, YYYY..YYYY, YYYY.. or ..YYYY (default: the last two years with papers, or every year after --from)."),
            OptionSpec(name: "from", value: "<years>", help: "The earlier period, written the same way (default: every year before --to)."),
            OptionSpec(name: "words", help: "Title and abstract words (stemmed; stop words left out) instead of tags."),
            OptionSpec(name: "top", short: "n", value: "<n>", help: "Print at most n rising and n falling (default: 10)."),
            OptionSpec(name: "min-count", value: "<n>", help: "Test only terms in at least n papers of the two periods together (default: 5)."),
            OptionSpec(name: "min-z", value: "<z>", help: "Report only changes with |z| at least this (default: 1.96, p < 0.05 two-sided)."),
            chart, OptionSpec(name: "ascii", help: "With --chart: ASCII sparklines (_.:-=+*#) instead of Unicode blocks."),
            OptionSpec(name: "format", value: "<format>", help: TrendFormat.names + " (default: table on a terminal, tsv otherwise)."),
            json,
        ] + common,
        examples: [
            "iaifi trends --to 2024..",
            "iaifi trends --from 2021..2022 --to 2024..2025 --words --chart",
            "iaifi trends --category Astrophysics --min-z 2.58 --format json | jq '.rising[].label'",
        ])
}

/// The analysis commands: `graph` and `trends` select papers as `list`
/// does, ask the index for the network or the trends, and print them.
extension Commands {
    static func graph(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let arguments = context.arguments
        var request = SearchRequest()
        try applyFilters(arguments, to: &request)
        let top = try arguments.integer("top", atLeast: 1)
        let minimumWeight = try arguments.integer("min-weight", atLeast: 1) ?? 1
        let format: GraphFormat = try context.format()
        let index = try context.loadIndex(console: &console)
        let hits = try index.search(request)
        let graph = index.conceptGraph(of: hits, kind: arguments.has("authors") ? .authors : .tags, top: top, minimumWeight: minimumWeight)
        guard !graph.nodes.isEmpty else {
            console.error(hits.isEmpty ? "No papers found." : "No \(graph.kind == .tags ? "tags" : "authors") in the \(hits.count) papers found.")
            // An empty graph is still a well-formed document for whatever reads it.
            console.print(document: GraphWriter.write(graph, as: format))
            return .nothingFound
        }
        console.print(document: GraphWriter.write(graph, as: format))
        return .success
    }

    static func trends(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let arguments = context.arguments
        var request = SearchRequest()
        try applyFilters(arguments, to: &request)
        let top = try arguments.integer("top", atLeast: 1) ?? 10
        var test = TrendGuard()
        test.minimumCount = try arguments.integer("min-count", atLeast: 1) ?? test.minimumCount
        if let text = arguments.value("min-z") {
            guard let z = Double(text), z.isFinite, z >= 0 else {
                throw UsageError(message: "'--min-z' takes a number of at least 0, such as 1.96; got '\(text)'")
            }
            test.minimumZ = z
        }
        func span(_ name: String) throws(UsageError) -> YearSpan? {
            guard let text = arguments.value(name) else { return nil }
            guard let span = YearSpan(text) else {
                throw UsageError(message: "'--\(name)' takes years as YYYY, YYYY..YYYY, YYYY.. or ..YYYY; got '\(text)'")
            }
            return span
        }
        let before = try span("from")
        let after = try span("to")
        let chart = try self.chart(context)
        let format: TrendFormat = try context.format()
        let index = try context.loadIndex(console: &console)
        let hits = try index.search(request)
        guard !hits.isEmpty else {
            console.error("No papers found.")
            return .nothingFound
        }
        let report: TrendReport
        do { report = try index.trends(in: hits, of: arguments.has("words") ? .words : .tags, before: before, after: after, guard: test) } catch {
            throw UsageError(message: error.description)
        }
        let shown: TrendFormat = chart == nil ? format : .table
        console.print(TrendWriter.write(report, top: top, as: shown, chart: chart, terminal: context.terminal), as: shown)
        if report.rising.isEmpty, report.falling.isEmpty {
            console.error("No change passes the test.")
            return .nothingFound
        }
        return .success
    }

    /// The chart to draw with `--chart` (`--ascii` for plain ASCII), or
    /// `nil`; a chart is its own output, so no `--format` beside it.
    static func chart(_ context: Context) throws(UsageError) -> Chart? {
        let arguments = context.arguments
        guard arguments.has("chart") else {
            if arguments.has("ascii") { throw UsageError(message: "'--ascii' draws a chart; add '--chart'") }
            return nil
        }
        if arguments.value("format") != nil || arguments.has("json") {
            throw UsageError(message: "'--chart' draws on the terminal; it cannot be combined with '--format' or '--json'")
        }
        return Chart(ascii: arguments.has("ascii"), terminal: context.terminal)
    }
}
