import PaperCatalog
import PaperIndex

/// The analysis commands: `graph` and `trends` select papers as `list`
/// does, ask the index for the network or the trends, and print them.
extension Commands {
    static func graph(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let arguments = context.arguments
        var request = SearchRequest()
        try applyFilters(arguments, to: &request)
        let top = try arguments.integer("top", atLeast: 1)
        let minimumWeight = try arguments.integer("min-weight", atLeast: 1) ?? 1
        var format = try arguments.choice("format", GraphFormat.self) ?? .dot
        if arguments.has("json") {
            if arguments.value("format") != nil { throw UsageError(message: "'--json' and '--format' cannot be combined") }
            format = .json
        }
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
        let format = try context.format()
        if chart == nil, ![.table, .tsv, .json].contains(format) {
            throw UsageError(message: "'trends' prints table, tsv or json; got '\(format.rawValue)'")
        }
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
        let shown: OutputFormat = chart == nil ? format : .table
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
