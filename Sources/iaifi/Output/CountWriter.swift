import PaperCatalog
import PaperIndex

/// Facet counts in each format.
enum FacetWriter {
    /// `variants` (authors): each person's spellings, `; ` separated, in a
    /// third column (TSV: a third field) or `variants` cell; JSON always has them.
    static func write(_ counts: [FacetCount], facet: Facet, as format: CountFormat, variants: Bool = false, terminal: Terminal) -> String {
        let label = facet == .categories ? "(no category)" : "(no date)"
        let variants = variants && facet == .authors
        // Counted with inferred categories: a second count after the first.
        let inferred = counts.contains { $0.inferred != nil }
        func numbers(_ count: FacetCount) -> [String] { [String(count.count)] + (inferred ? [String(count.inferred ?? 0)] : []) }
        // Authors with their spellings: a last field, `; ` separated.
        func spellings(_ count: FacetCount) -> [String] { variants ? [count.variants.joined(separator: "; ")] : [] }
        switch format {
        case .json: return JSON.array(counts.map { json($0, facet: facet) }).text + "\n"
        case .jsonl: return counts.map { json($0, facet: facet).text + "\n" }.joined()
        case .csv:
            return CSV.document(
                header: ["value", "count"] + (inferred ? ["inferred"] : []) + (variants ? ["variants"] : []),
                rows: counts.map { [$0.value ?? ""] + numbers($0) + spellings($0) })
        case .tsv: return counts.map { (numbers($0) + [($0.value ?? label)] + spellings($0)).map(\.tsvCell).joined(separator: "\t") + "\n" }.joined()
        case .table:
            let columns =
                [TableLayout.Column(title: "COUNT")] + (inferred ? [TableLayout.Column(title: "INFERRED")] : [])
                + [TableLayout.Column(title: facet.rawValue.uppercased(), flexible: true, minimumWidth: variants ? 20 : 4)]
                + (variants ? [TableLayout.Column(title: "VARIANTS", flexible: true)] : [])
            var lines = TableLayout(columns: columns)
                .render(counts.map { numbers($0) + [$0.value ?? label] + spellings($0) }, width: terminal.width)
            lines[0] = terminal.bold(lines[0])
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func json(_ count: FacetCount, facet: Facet) -> JSON {
        // A year is a number; its value is `null` for undated papers.
        let value: JSON = facet == .years ? .optional(count.value.flatMap { Int($0) }) : .optional(count.value)
        return .object(
            [("value", value), ("count", .int(count.count))]
                + (count.inferred.map { [("inferred", .int($0))] } ?? [])
                + (facet == .authors ? [("variants", .array(count.variants.map(JSON.string)))] : []))
    }
}

/// `acronyms`: what the catalog defines, most frequent first.
enum AcronymWriter {
    static func write(_ acronyms: [Acronym], as format: CountFormat, terminal: Terminal) -> String {
        switch format {
        case .json: return JSON.array(acronyms.map(json)).text + "\n"
        case .jsonl: return acronyms.map { json($0).text + "\n" }.joined()
        case .csv: return CSV.document(header: ["acronym", "expansion", "count"], rows: acronyms.map { [$0.acronym, $0.expansion, String($0.count)] })
        case .tsv:
            return acronyms.map { "\($0.count)\t\($0.acronym.tsvCell)\t\($0.expansion.tsvCell)\n" }.joined()
        case .table:
            var lines = TableLayout(columns: [.init(title: "COUNT"), .init(title: "ACRONYM"), .init(title: "EXPANSION", flexible: true)])
                .render(acronyms.map { [String($0.count), $0.acronym, $0.expansion] }, width: terminal.width)
            lines[0] = terminal.bold(lines[0])
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func json(_ acronym: Acronym) -> JSON {
        .object([("acronym", .string(acronym.acronym)), ("expansion", .string(acronym.expansion)), ("count", .int(acronym.count))])
    }
}
