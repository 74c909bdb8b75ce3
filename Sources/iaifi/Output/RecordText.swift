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
