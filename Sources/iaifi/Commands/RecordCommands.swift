import PaperCatalog
import PaperIndex

/// `show` and `related`: whole records, and the papers most connected to
/// one, named by id or unique id prefix.
extension CommandSpecs {
    static let show = CommandSpec(
        name: "show", abstract: "Show whole records; a unique prefix of an id is enough.",
        arguments: [("<id>...", "Record ids, or unique prefixes of them.")],
        minimumPositionals: 1, maximumPositionals: nil,
        options: [OptionSpec(name: "format", value: "<format>", help: "text (default), " + OutputFormat.names + "."), json, fields, template]
            + common,
        examples: ["iaifi show 2504.00256", "iaifi show udrescu2019 --format bibtex"])

    static let related = CommandSpec(
        name: "related", abstract: "Papers most connected to one paper, with the reason.",
        arguments: [("<id>", "A record id or a unique prefix of one.")],
        minimumPositionals: 1, maximumPositionals: 1,
        options: [limit, format, json, fields, template] + common,
        examples: ["iaifi related udrescu2019ai", "iaifi related 2412.10504 --limit 5 --json"])
}

extension Commands {
    static func show(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let arguments = context.arguments
        let asksText = arguments.value("format") == "text" && arguments.value("fields") == nil && arguments.value("template") == nil
        let writer = asksText ? nil : try context.paperWriter(default: .table)
        let index = try context.loadIndex(console: &console)
        let docs = try arguments.positionals.map { try index.resolve(id: $0) }
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

    static func related(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let writer = try context.paperWriter()
        let limit = try context.arguments.integer("limit", atLeast: 1) ?? 10
        let index = try context.loadIndex(console: &console)
        let doc = try index.resolve(id: context.arguments.positionals[0])
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
}
