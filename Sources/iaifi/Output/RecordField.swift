import Foundation
import PaperCatalog
import PaperIndex

/// A paper record's output fields, declared once: the JSON key (also the
/// `--fields` name, the CSV header and the `--template` placeholder), in
/// the JSON object's order, and the value. Every writer derives from it:
/// the JSON object, CSV and TSV columns and template text
/// (``JSON/plainText``).
enum RecordField: String, CaseIterable {
    case id, title, authors, authorsComplete, authorCount, organization, date
    /// The date's year: a `--fields` name and placeholder, not in the default JSON object.
    case year
    case dateYearInferred, category, inferredCategory, inferredCategoryConfidence, abstract, keywords, keywordLine,
        arxivId, url, urlKind, pdfUrl, comments, upvotes, sources
    /// Present in the default JSON object only when the command computed it.
    case score, matches, sharedTags, sharedAuthors

    /// The value for `record`; `nil` where the default JSON object leaves
    /// the key out (``score``, ``matches``, ``sharedTags`` and
    /// ``sharedAuthors`` when the command computed none).
    func value(of record: PaperRecord) -> JSON? {
        let paper = record.paper
        return switch self {
        case .id: .string(paper.id)
        case .title: .optional(paper.title)
        case .authors: .strings(paper.authors)
        case .authorsComplete: .bool(paper.authorsComplete)
        case .authorCount: .optional(paper.authorCount)
        case .organization: .optional(paper.organization)
        case .date: .optional(paper.date?.description)
        case .year: .optional(paper.year)
        case .dateYearInferred: .bool(paper.dateYearInferred)
        case .category: .optional(paper.category)
        case .inferredCategory: .optional(record.inferred?.name)
        case .inferredCategoryConfidence: record.inferred.map { .double($0.confidence) } ?? .null
        case .abstract: .optional(paper.abstract)
        case .keywords: .strings(paper.keywords)
        case .keywordLine: .optional(paper.keywordLine)
        case .arxivId: .optional(paper.arxivId)
        case .url: .string(paper.url)
        case .urlKind: .string(paper.urlKind.rawValue)
        case .pdfUrl: .optional(paper.pdfURL)
        case .comments: .optional(paper.comments)
        case .upvotes: .optional(paper.upvotes)
        case .sources:
            .array(
                paper.sources.map { source in
                    .object([("format", .string(source.format.rawValue)), ("file", .string(source.file)), ("line", .int(source.line))])
                })
        case .score: record.score.map(JSON.double)
        case .matches: record.matches.map(Self.json)
        case .sharedTags: record.sharedTags.map(JSON.strings)
        case .sharedAuthors: record.sharedAuthors.map(JSON.strings)
        }
    }

    /// The value as one cell of text (``JSON/plainText``).
    func text(of record: PaperRecord) -> String { value(of: record)?.plainText ?? "" }

    /// The keys of the default JSON object: every field but ``year``.
    static let defaultJSON = allCases.filter { $0 != .year }
    /// The default CSV columns.
    static let defaultCSV: [RecordField] = [
        .id, .title, .authors, .authorsComplete, .authorCount, .date, .category, .keywords,
        .arxivId, .comments, .upvotes, .score, .abstract, .url, .urlKind, .pdfUrl,
    ]
    /// The default TSV columns; ``score`` only where there is one.
    static let defaultTSV: [RecordField] = [.id, .date, .category, .title, .authors, .score]

    /// The fields a comma-separated `--fields` value names, in its order.
    static func parse(list text: String) throws(UsageError) -> [RecordField] {
        var fields: [RecordField] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            fields.append(try named(name, in: "'--fields'"))
        }
        return fields
    }

    /// The field called `name`; a usage error naming `option` otherwise,
    /// with the nearest name.
    static func named(_ name: String, in option: String) throws(UsageError) -> RecordField {
        if let field = RecordField(rawValue: name) { return field }
        let hint =
            Suggestion.nearest(to: name, in: allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" }
            ?? "; fields are " + allCases.map(\.rawValue).joined(separator: ", ")
        throw UsageError(message: "unknown field '\(name)' in \(option)\(hint)")
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
            ("fields", .object(matches.fields.map { ($0.field.name, .strings($0.words)) })),
            ("excerpt", excerpt ?? .null),
        ])
    }
}
