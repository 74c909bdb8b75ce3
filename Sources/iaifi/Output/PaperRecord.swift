import PaperCatalog
import PaperIndex

/// A paper as the commands print it: the record, plus what the command
/// computed about it (a score, the reasons it is related).
struct PaperRecord {
    var paper: Paper
    /// The category inferred for a paper whose sources state none.
    var inferred: InferredCategory?
    var score: Double?
    /// Why a ranked result matched the query's words.
    var matches: Matches?
    var sharedTags: [String]?
    var sharedAuthors: [String]?

    /// The documented JSON object; keys in this order, every key present.
    var json: JSON {
        var members: [(String, JSON)] = [
            ("id", .string(paper.id)),
            ("title", .optional(paper.title)),
            ("authors", .array(paper.authors.map(JSON.string))),
            ("authorsComplete", .bool(paper.authorsComplete)),
            ("authorCount", .optional(paper.authorCount)),
            ("organization", .optional(paper.organization)),
            ("date", .optional(paper.date?.description)),
            ("dateYearInferred", .bool(paper.dateYearInferred)),
            ("category", .optional(paper.category)),
            ("inferredCategory", .optional(inferred?.name)),
            ("inferredCategoryConfidence", inferred.map { .double($0.confidence) } ?? .null),
            ("abstract", .optional(paper.abstract)),
            ("keywords", .array(paper.keywords.map(JSON.string))),
            ("keywordLine", .optional(paper.keywordLine)),
            ("arxivId", .optional(paper.arxivId)),
            ("comments", .optional(paper.comments)),
            ("upvotes", .optional(paper.upvotes)),
            ("sources", .array(paper.sources.map { source in
                .object([("format", .string(source.format.rawValue)), ("file", .string(source.file)), ("line", .int(source.line))])
            })),
        ]
        if let score { members.append(("score", .double(score))) }
        if let matches { members.append(("matches", Self.json(matches))) }
        if let sharedTags { members.append(("sharedTags", .array(sharedTags.map(JSON.string)))) }
        if let sharedAuthors { members.append(("sharedAuthors", .array(sharedAuthors.map(JSON.string)))) }
        return .object(members)
    }

    /// `{"fields": {"title": ["dark"]}, "excerpt": {"field", "text", "highlights": [[start, end]]} or null}`.
    private static func json(_ matches: Matches) -> JSON {
        let excerpt = matches.excerpt.map { excerpt in
            JSON.object([
                ("field", .string(excerpt.field.name)), ("text", .string(excerpt.text)),
                ("highlights", .array(excerpt.highlights.map { .array([.int($0.lowerBound), .int($0.upperBound)]) })),
            ])
        }
        return .object([
            ("fields", .object(matches.fields.map { ($0.field.name, .array($0.words.map(JSON.string))) })),
            ("excerpt", excerpt ?? .null),
        ])
    }

    /// "Halverson, Harvey, Nee" / "Chen, Luo, Hu et al." / "4 authors".
    var authorSummary: String {
        if paper.authors.isEmpty {
            if let organization = paper.organization { return organization }
            return paper.authorCount.map { "\($0) author\($0 == 1 ? "" : "s")" } ?? ""
        }
        let names = paper.authors.map { $0.split(separator: " ").last.map(String.init) ?? $0 }
        let shown = names.count > 3 ? names.prefix(1) + ["et al."] : names[...]
        let text = shown.joined(separator: ", ")
        return paper.authorsComplete || names.count > 3 ? text : text + " et al."
    }
}

extension PaperRecord {
    /// The stated category, else the inferred one marked as such:
    /// `Foundational AI (inferred, 0.93)`.
    var categoryLabel: String? {
        if let category = paper.category { return category }
        return inferred.map { "\($0.name) (inferred, \(String(format2: $0.confidence)))" }
    }
}
