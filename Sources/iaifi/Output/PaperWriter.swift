import PaperCatalog
import PaperIndex

/// How a command prints papers.
enum OutputFormat: String, CaseIterable {
    /// Aligned columns fitted to the terminal (default on a terminal).
    case table
    /// One paper per line, tab-separated (default when piped).
    case tsv
    case json, jsonl, csv, bibtex
}

/// Writes paper records in each output format.
enum PaperWriter {
    static func write(_ records: [PaperRecord], as format: OutputFormat, terminal: Terminal) -> String {
        switch format {
        case .table: table(records, terminal: terminal)
        case .tsv: records.map(tsvLine).joined()
        case .json: JSON.array(records.map(\.json)).text + "\n"
        case .jsonl: records.map { $0.json.text + "\n" }.joined()
        case .csv: CSV.document(header: csvHeader, rows: records.map(csvRow))
        case .bibtex: records.map { BibTeX.entry(for: $0.paper) }.joined(separator: "\n")
        }
    }

    private static func table(_ records: [PaperRecord], terminal: Terminal) -> String {
        let hasScore = records.contains { $0.score != nil }
        var columns = [
            TableLayout.Column(title: "ID"), TableLayout.Column(title: "DATE"),
            TableLayout.Column(title: "CATEGORY", flexible: true, weight: 1, minimumWidth: 12),
            TableLayout.Column(title: "TITLE", flexible: true, weight: 5, minimumWidth: 20),
            TableLayout.Column(title: "AUTHORS", flexible: true, weight: 2, minimumWidth: 10),
        ]
        if hasScore { columns.insert(TableLayout.Column(title: "SCORE"), at: 0) }
        let rows = records.map { record in
            var row = [record.paper.id, record.paper.date?.description ?? "-", record.categoryLabel ?? "-",
                       record.paper.title ?? record.paper.abstract.map { "[" + $0 + "]" } ?? "-", record.authorSummary]
            if hasScore { row.insert(record.score.map { String(format2: $0) } ?? "", at: 0) }
            return row
        }
        var lines = TableLayout(columns: columns).render(rows, width: terminal.width)
        lines[0] = terminal.bold(lines[0])
        // Under each ranked hit, the excerpt that shows why it matched.
        for (position, record) in records.enumerated().reversed() {
            guard let excerpt = record.matches?.excerpt else { continue }
            lines.insert(excerptLine(excerpt, terminal: terminal), at: position + 2)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `    …text with **matched** words…`, cut to the terminal's width;
    /// matched words bold on a colour terminal.
    private static func excerptLine(_ excerpt: Matches.Excerpt, terminal: Terminal) -> String {
        let scalars = Array(excerpt.text.unicodeScalars)
        var line = "    ", width = terminal.width - 4, position = 0
        func append(_ range: Range<Int>, highlighted: Bool) {
            guard width > 0, !range.isEmpty else { return }
            var text = String(String.UnicodeScalarView(scalars[range])).safeForTerminal
            if text.count > width { text = TableLayout.fit(text, width) }
            width -= text.count
            line += highlighted ? terminal.bold(text) : terminal.dim(text)
        }
        for highlight in excerpt.highlights where highlight.upperBound <= scalars.count {
            append(position..<highlight.lowerBound, highlighted: false)
            append(highlight, highlighted: true)
            position = highlight.upperBound
        }
        append(position..<scalars.count, highlighted: false)
        return line
    }

    private static func tsvLine(_ record: PaperRecord) -> String {
        let paper = record.paper
        let fields = [paper.id, paper.date?.description ?? "", paper.category ?? "", paper.title ?? "",
                      paper.authors.joined(separator: "; ")] + (record.score.map { [String(format2: $0)] } ?? [])
        return fields.map { $0.tsvCell }.joined(separator: "\t") + "\n"
    }

    static let csvHeader = [
        "id", "title", "authors", "authorsComplete", "authorCount", "date", "category", "keywords",
        "arxivId", "comments", "upvotes", "score", "abstract",
    ]

    private static func csvRow(_ record: PaperRecord) -> [String] {
        let paper = record.paper
        return [
            paper.id, paper.title ?? "", paper.authors.joined(separator: "; "), String(paper.authorsComplete),
            paper.authorCount.map(String.init) ?? "", paper.date?.description ?? "", paper.category ?? "",
            paper.keywords.joined(separator: "; "), paper.arxivId ?? "", paper.comments ?? "",
            paper.upvotes.map(String.init) ?? "", record.score.map { String(format2: $0) } ?? "", paper.abstract ?? "",
        ]
    }
}

extension String {
    /// A number with two decimals.
    init(format2 value: Double) {
        let scaled = Int((value * 100).rounded())
        let fraction = abs(scaled % 100)
        self = "\(scaled / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
