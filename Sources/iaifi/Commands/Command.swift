/// Every command `iaifi` knows, in the order help lists them: the one table
/// that dispatch (``run(_:_:)``), help, usage errors, the
/// completion scripts and the man page derive from. A new case fails to
/// compile until it has a declaration (``spec``) and a handler.
enum Command: String, CaseIterable {
    case search, list, show, open, related, keywords, authors, categories, years, acronyms, graph, trends, check
    case completions, manpage
    /// The hidden helper the completion scripts call.
    case complete = "__complete"

    /// The command's declaration: name, arguments, options, help, examples.
    var spec: CommandSpec {
        switch self {
        case .search: CommandSpecs.search
        case .list: CommandSpecs.list
        case .show: CommandSpecs.show
        case .open: CommandSpecs.open
        case .related: CommandSpecs.related
        case .keywords: CommandSpecs.facet("keywords", "keyword tag")
        case .authors: CommandSpecs.facet("authors", "author")
        case .categories: CommandSpecs.facet("categories", "category")
        case .years: CommandSpecs.facet("years", "year")
        case .acronyms: CommandSpecs.acronyms
        case .graph: CommandSpecs.graph
        case .trends: CommandSpecs.trends
        case .check: CommandSpecs.check
        case .completions: CommandSpecs.completions
        case .manpage: CommandSpecs.manpage
        case .complete: CommandSpecs.complete
        }
    }

    /// Runs the command: its handler turns the parsed arguments into one
    /// library call and prints the result.
    func run(_ context: inout Context, _ console: inout Console) throws -> ExitCode {
        switch self {
        case .search: try Commands.search(context, &console, ranked: true)
        case .list: try Commands.search(context, &console, ranked: false)
        case .show: try Commands.show(context, &console)
        case .open: try Commands.open(context, &console)
        case .related: try Commands.related(context, &console)
        case .keywords: try Commands.facet(.keywords, context, &console)
        case .authors: try Commands.facet(.authors, context, &console)
        case .categories: try Commands.facet(.categories, context, &console)
        case .years: try Commands.facet(.years, context, &console)
        case .acronyms: try Commands.acronyms(context, &console)
        case .graph: try Commands.graph(context, &console)
        case .trends: try Commands.trends(context, &console)
        case .check: try Commands.check(context, &console)
        case .completions: try Commands.completions(context, &console)
        case .manpage: Commands.manpage(&console)
        case .complete: try Commands.catalogValues(context, &console)
        }
    }
}

/// The command handlers, one file per command or family of commands,
/// each beside its declaration (``CommandSpecs``).
enum Commands {}
