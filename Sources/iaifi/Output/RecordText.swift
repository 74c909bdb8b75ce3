import PaperCatalog
import PaperIndex

/// The readable, whole-record view `show` prints, wrapped to the terminal's
/// width: the title, then each field with its value in a column (long
/// values wrap under it), then the abstract.
enum RecordText {
    /// Where the values start (`organization:` pushes its own further).
    private static let indent = 11

    static func render(_ record: PaperRecord, terminal: Terminal) -> String {
        let paper = record.paper
        let width = max(terminal.width, TableLayout.narrowest)
        var lines = wrap((paper.title ?? "(no title)").safeForTerminal, width: width).map(terminal.bold) + [""]
        func field(_ name: String, _ value: String) {
            guard !value.isEmpty else { return }
            let label = (name + ":").padding(indent)
            let wrapped = wrap(value.safeForTerminal, width: width - indent, first: width - label.count)
            lines.append(terminal.dim(label) + wrapped[0])
            lines += wrapped.dropFirst().map { String(repeating: " ", count: indent) + $0 }
        }
        for shown in RecordField.allCases where !foldedOrApart.contains(shown) {
            field(label(shown), text(shown, of: record))
        }
        if let abstract = paper.abstract {
            lines.append("")
            lines += wrap(abstract.safeForTerminal, width: min(width, 100) - 2).map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Fields without a line of their own: the title and abstract, printed
    /// apart; those folded into another field's line; and what only some
    /// commands compute. Every other field gets a line, in
    /// ``RecordField`` order.
    private static let foldedOrApart: Set<RecordField> = [
        .title, .abstract, .authorsComplete, .authorCount, .year, .dateYearInferred, .inferredCategory, .inferredCategoryConfidence,
        .keywordLine, .urlKind, .score, .matches, .sharedTags, .sharedAuthors,
    ]

    private static func label(_ field: RecordField) -> String {
        switch field {
        case .arxivId: "arXiv"
        case .pdfUrl: "pdf"
        default: field.rawValue
        }
    }

    /// A field's line: the folded fields joined to theirs, else the field's
    /// plain text (``RecordField/text(of:)``).
    private static func text(_ field: RecordField, of record: PaperRecord) -> String {
        let paper = record.paper
        switch field {
        case .authors:
            var authors = paper.authors.joined(separator: ", ")
            if !paper.authorsComplete {
                let count = paper.authorCount.map { "\($0) authors" } ?? "list truncated"
                authors += authors.isEmpty ? count : " et al. (\(count))"
            }
            return authors
        case .date: return paper.date.map { $0.description + (paper.dateYearInferred ? " (year inferred)" : "") } ?? ""
        case .category: return record.categoryLabel ?? ""
        case .keywords: return paper.keywords.joined(separator: " · ")
        case .url: return paper.url + (paper.urlKind == .search ? " (arXiv search; no arXiv id known)" : "")
        case .sources: return paper.sources.map { "\($0.file):\($0.line) (\($0.format.rawValue))" }.joined(separator: ", ")
        default: return field.text(of: record)
        }
    }

    /// Greedy word wrap to `width` terminal columns (the first line to
    /// `first`, if given); a longer word, such as a URL, stands alone on
    /// its line, whole. At least one line.
    static func wrap(_ text: String, width: Int, first: Int? = nil) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ") {
            let wide = String(word).displayWidth
            if !line.isEmpty, used + 1 + wide > (lines.isEmpty ? first ?? width : width) {
                lines.append(line)
                (line, used) = ("", 0)
            }
            line += (line.isEmpty ? "" : " ") + word
            used += (used == 0 ? 0 : 1) + wide
        }
        return lines.isEmpty || !line.isEmpty ? lines + [line] : lines
    }
}

/// The table `related` prints: each paper with what it shares.
enum RelatedText {
    static func render(_ relations: [Relation], terminal: Terminal) -> String {
        let layout = TableLayout(columns: [
            .init(title: "SCORE"), .init(title: "ID"),
            .init(title: "TITLE", flexible: true, weight: 3), .init(title: "SHARED", flexible: true, weight: 2),
        ])
        let rows = relations.map { relation -> [String] in
            var reasons = relation.sharedTags.map { "#" + $0 } + relation.sharedAuthors
            if relation.textShare >= 0.5 || reasons.isEmpty { reasons.append("similar text") }
            return [String(format2: relation.score), relation.paper.id, relation.paper.title ?? "-", reasons.joined(separator: ", ")]
        }
        var lines = layout.render(rows, width: terminal.width)
        lines[0] = terminal.bold(lines[0])
        return lines.joined(separator: "\n") + "\n"
    }
}

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

/// `check`'s per-file table.
enum CheckReport {
    static func render(_ catalog: Catalog, origin: String, terminal: Terminal) -> String {
        let layout = TableLayout(columns: [
            .init(title: "FILE"), .init(title: "FORMAT"), .init(title: "ENTRIES"), .init(title: "RECORDS"),
            .init(title: "WARNINGS"), .init(title: "ERRORS"), .init(title: "MERGED"),
        ])
        let rows = catalog.files.map { file in
            [
                file.path, file.formats.isEmpty ? "-" : file.formats.map(\.rawValue).joined(separator: "+"), String(file.entries), String(file.records),
                String(file.warnings), String(file.errors), String(file.merges),
            ]
        }
        var lines = layout.render(rows, width: terminal.width)
        lines[0] = terminal.bold(lines[0])
        lines.append("\(catalog.papers.count) papers in the catalog (files from \(origin))")
        return lines.joined(separator: "\n") + "\n"
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
