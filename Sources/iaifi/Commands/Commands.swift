import PaperCatalog
import PaperIndex

/// The commands themselves: each turns parsed arguments into one library
/// call and prints the result.
enum Commands {
    static func run(_ command: Command, _ context: inout Context, _ console: inout Console) throws -> ExitCode {
        switch command {
        case .search: try search(context, &console, ranked: true)
        case .list: try search(context, &console, ranked: false)
        case .show: try show(context, &console)
        case .open: try open(context, &console)
        case .related: try related(context, &console)
        case .keywords: try facet(.keywords, context, &console)
        case .authors: try facet(.authors, context, &console)
        case .categories: try facet(.categories, context, &console)
        case .years: try facet(.years, context, &console)
        case .acronyms: try acronyms(context, &console)
        case .graph: try graph(context, &console)
        case .trends: try trends(context, &console)
        case .check: try check(context, &console)
        case .completions: try completions(context, &console)
        case .manpage: manpage(&console)
        case .complete: try catalogValues(context, &console)
        }
    }

    private static func search(_ context: Context, _ console: inout Console, ranked: Bool) throws -> ExitCode {
        let arguments = context.arguments
        var request = SearchRequest()
        if !arguments.positionals.isEmpty {
            // Bare words form one query, quoted or not: `search dark matter` is `search "dark matter"`.
            do { request.query = try Query.parse(arguments.positionals.joined(separator: " ")) } catch {
                throw UsageError(message: "cannot parse query at \(error.description)")
            }
        }
        try applyFilters(arguments, to: &request)
        let sort = try arguments.choice("sort", SortOrder.self)
        if !ranked, sort == .relevance { throw UsageError(message: "'list' sorts by date or title; use 'search' to rank by relevance") }
        request.sort = sort ?? (ranked ? .relevance : .date)
        request.limit = try arguments.integer("limit", atLeast: 1)
        if ranked, request.query == nil, request.keywords.isEmpty, request.authors.isEmpty, request.categories.isEmpty,
            request.since == nil, request.until == nil
        {
            throw UsageError(message: "'search' needs a query or a filter; 'iaifi list' prints every paper")
        }
        var writer = try context.paperWriter()
        writer.omitsCategory = request.categories.count == 1 && !request.includesInferred
        request.explainsMatches = ranked && writer.showsMatches && !(writer.format == .table && arguments.has("no-snippets"))
        let index = try context.loadIndex(console: &console)
        let hits = try index.search(request)
        guard !hits.isEmpty else {
            console.error("No papers found.")
            for keyword in request.keywords where (try? index.search(SearchRequest.keyword(keyword)))?.isEmpty ?? true {
                if let tag = index.suggestTag(for: keyword) { console.error("No tag \"\(keyword)\"; did you mean \"\(tag)\"?") }
            }
            if writer.format == .json, writer.template == nil { console.print("[]\n") }
            return .nothingFound
        }
        let records = hits.lazy.map { hit in
            var matches = hit.matches
            if arguments.has("no-snippets") { matches?.excerpt = nil }
            return PaperRecord(paper: hit.paper, inferred: index.inferredCategory(of: hit.doc), score: hit.score, matches: matches)
        }
        writer.write(records, to: &console)
        noteTruncatedAuthorLists(request.authors, index, context, &console)
        return .success
    }

    /// Once, on stderr: an author filter cannot see the authors a record
    /// does not list (unless `--quiet`, or no such record could be missed).
    private static func noteTruncatedAuthorLists(_ names: [String], _ index: CatalogIndex, _ context: Context, _ console: inout Console) {
        guard !names.isEmpty, !context.arguments.has("quiet") else { return }
        let (truncated, unnamed) = index.truncatedAuthorLists(notNaming: names)
        guard unnamed > 0 else { return }
        let quoted = names.map { "\"\($0)\"" }.joined(separator: " and ")
        console.error(
            "note: \(truncated) of \(index.count) records list only their first authors (or none); "
                + "\(unnamed) of them do not name \(quoted), who may still be among their other authors")
    }

    static func applyFilters(_ arguments: ParsedArguments, to request: inout SearchRequest) throws(UsageError) {
        request.keywords = arguments.all("keyword")
        request.authors = arguments.all("author")
        request.categories = arguments.all("category")
        request.includesInferred = arguments.has("inferred")
        if let year = arguments.value("year") {
            guard arguments.value("since") == nil, arguments.value("until") == nil else {
                throw UsageError(message: "'--year' cannot be combined with '--since' or '--until'")
            }
            guard let start = PaperDate(iso: year), year.count == 4 else { throw UsageError(message: "'--year' takes a year such as 2024; got '\(year)'") }
            request.since = start
            request.until = PaperDate(iso: year, roundingUp: true)
        }
        if let since = arguments.value("since") {
            guard let date = PaperDate(iso: since) else { throw UsageError(message: "'--since' takes YYYY, YYYY-MM or YYYY-MM-DD; got '\(since)'") }
            request.since = date
        }
        if let until = arguments.value("until") {
            guard let date = PaperDate(iso: until, roundingUp: true) else {
                throw UsageError(message: "'--until' takes YYYY, YYYY-MM or YYYY-MM-DD; got '\(until)'")
            }
            request.until = date
        }
    }

    private static func show(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let arguments = context.arguments
        let asksText = arguments.value("format") == "text" && arguments.value("fields") == nil && arguments.value("template") == nil
        let writer = asksText ? nil : try context.paperWriter(default: .table)
        let index = try context.loadIndex(console: &console)
        let docs = try arguments.positionals.map { try resolve($0, in: index) }
        let records = docs.lazy.map { PaperRecord(paper: index.papers[$0], inferred: index.inferredCategory(of: $0)) }
        if let writer, writer.format != .table || writer.template != nil {
            writer.write(records, to: &console)
        } else {
            for (position, record) in records.enumerated() {
                console.print((position == 0 ? "" : "\n") + RecordText.render(record, terminal: context.terminal))
            }
        }
        return .success
    }

    private static func related(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let writer = try context.paperWriter()
        let limit = try context.arguments.integer("limit", atLeast: 1) ?? 10
        let index = try context.loadIndex(console: &console)
        let doc = try resolve(context.arguments.positionals[0], in: index)
        let relations = index.related(to: doc, limit: limit)
        guard !relations.isEmpty else {
            console.error("No related papers found.")
            return .nothingFound
        }
        let records = relations.lazy.map {
            PaperRecord(
                paper: $0.paper, inferred: index.inferredCategory(of: $0.doc), score: $0.score,
                sharedTags: $0.sharedTags, sharedAuthors: $0.sharedAuthors)
        }
        if writer.format == .table, writer.template == nil {
            console.print(RelatedText.render(relations, terminal: context.terminal))
        } else {
            writer.write(records, to: &console)
        }
        return .success
    }

    /// The document with this exact id, else with a unique id prefix; an
    /// ambiguous prefix lists the candidates.
    static func resolve(_ id: String, in index: CatalogIndex) throws -> Int {
        if let doc = index.doc(withID: id) { return doc }
        let candidates = index.docs(withIDPrefix: id)
        if candidates.count == 1 { return candidates[0] }
        if candidates.isEmpty {
            let ids = (0..<index.count).lazy.map { index.papers.id(at: $0) }
            let hint = Suggestion.nearest(to: id, in: ids).map { "; did you mean '\($0)'?" } ?? ""
            throw UsageError(message: "no paper with id '\(id)'\(hint)")
        }
        let shown = candidates.prefix(10).map { doc in
            "  \(index.papers.id(at: doc))  \(index.papers[doc].title ?? "")"
        }.joined(separator: "\n")
        throw UsageError(message: "id prefix '\(id)' is ambiguous; it matches \(candidates.count) papers:\n\(shown)")
    }

    private static func facet(_ facet: Facet, _ context: Context, _ console: inout Console) throws -> ExitCode {
        var request = SearchRequest()
        try applyFilters(context.arguments, to: &request)
        let top = try context.arguments.integer("top", atLeast: 1)
        let format = try context.format()
        if format == .bibtex { throw UsageError(message: "'--format bibtex' lists papers; counts print as table, tsv, json, jsonl or csv") }
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
                as: format == .bibtex ? .table : format)
        }
        if facet == .authors, !context.arguments.has("quiet"), counted.incompleteAuthorLists > 0 {
            console.error(
                "note: \(counted.incompleteAuthorLists) of the \(counted.papers) papers counted list only their first authors (or none); their other authors are not counted"
            )
        }
        noteTruncatedAuthorLists(facet == .authors ? [] : request.authors, index, context, &console)
        return .success
    }

    private static func acronyms(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let top = try context.arguments.integer("top", atLeast: 1)
        let format = try context.format()
        if format == .bibtex { throw UsageError(message: "'--format bibtex' lists papers; acronyms print as table, tsv, json, jsonl or csv") }
        let index = try context.loadIndex(console: &console)
        let acronyms = index.learnedAcronyms().prefix(top ?? Int.max)
        guard !acronyms.isEmpty else {
            console.error("No acronyms found.")
            return .nothingFound
        }
        console.print(AcronymWriter.write(Array(acronyms), as: format, terminal: context.terminal), as: format == .bibtex ? .table : format)
        return .success
    }

    private static func check(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let (catalog, origin) = try context.loadCatalog(console: &console, reportingNotes: context.arguments.has("notes"))
        console.print(CheckReport.render(catalog, origin: origin, terminal: context.terminal))
        return catalog.hasErrors ? .inputError : .success
    }
}

extension SearchRequest {
    fileprivate static func keyword(_ keyword: String) -> SearchRequest {
        var request = SearchRequest()
        request.keywords = [keyword]
        return request
    }
}

/// `years --sort`: oldest first, or most frequent first.
enum FacetSort: String, CaseIterable {
    case year, count
}
