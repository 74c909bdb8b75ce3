import PaperCatalog
import PaperIndex

/// `search` and `list`: papers matching a query and filters, ranked or
/// sorted, in any paper format.
extension CommandSpecs {
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
}

extension Commands {
    static func search(_ context: Context, _ console: inout Console, ranked: Bool) throws -> ExitCode {
        let arguments = context.arguments
        var request = SearchRequest()
        if !arguments.positionals.isEmpty {
            // Bare words form one query, quoted or not: `search dark matter` is `search "dark matter"`.
            request.query = try Query.parse(arguments.positionals.joined(separator: " "))
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
            for keyword in request.keywords {
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
        writer.write(records, to: &console, releasing: hits.releaseRecordMemory)
        noteTruncatedAuthorLists(request.authors, index, context, &console)
        return .success
    }

    /// Once, on stderr: an author filter cannot see the authors a record
    /// does not list (unless `--quiet`, or no such record could be missed).
    static func noteTruncatedAuthorLists(_ names: [String], _ index: CatalogIndex, _ context: Context, _ console: inout Console) {
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
}
