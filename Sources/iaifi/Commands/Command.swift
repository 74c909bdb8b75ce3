/// Every command `iaifi` knows, in the order help lists them: the one table
/// that dispatch (``Commands/run(_:_:_:)``), help, usage errors, the
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
}
