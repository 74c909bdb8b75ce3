import PaperCatalog
import PaperIndex

/// The formats a command offers with `--format` (and `--json`): each
/// command's set is one enum, so help, completions and usage errors list
/// it, and a writer's `switch` fails to compile until it handles a new one.
protocol FormatChoice: RawRepresentable<String>, CaseIterable, Equatable {
    /// What `--json` means.
    static var json: Self { get }
    /// The format when none is asked for, by whether stdout is a terminal.
    static func standard(interactive: Bool) -> Self
}

/// Formats with a table for the terminal and TSV for pipes, their defaults.
protocol TableFormatChoice: FormatChoice {
    /// Aligned columns: the default on a terminal.
    static var table: Self { get }
    /// Tab-separated lines: the default in a pipe.
    static var tsv: Self { get }
}

extension TableFormatChoice {
    static func standard(interactive: Bool) -> Self { interactive ? .table : .tsv }
}

extension FormatChoice {
    /// "table, tsv, json or csv", for help.
    static var names: String { allCases.map(\.rawValue).listed("or") }
}

extension [String] {
    /// "a, b or c" (with `conjunction` "or"), for messages and help.
    func listed(_ conjunction: String) -> String {
        count < 2 ? joined() : dropLast().joined(separator: ", ") + " \(conjunction) " + last!
    }
}

/// How a command prints papers.
enum OutputFormat: String, TableFormatChoice {
    /// Aligned columns fitted to the terminal (default on a terminal).
    case table
    /// One paper per line, tab-separated (default when piped).
    case tsv
    case json, jsonl, csv, bibtex

    /// The formats whose fields `--fields` chooses.
    static let withFields: [OutputFormat] = [.json, .jsonl, .csv, .tsv]
}

/// How a command prints counts (`keywords`, `years`, `acronyms`, ...).
enum CountFormat: String, TableFormatChoice {
    case table, tsv, json, jsonl, csv
}

/// Writes paper records in each output format as they come, one record at
/// a time: only a table, whose columns fit the widest values, reads the
/// records twice (once to measure them, once to write them).
struct PaperWriter {
    var format: OutputFormat
    /// `--fields`: the JSON keys, CSV and TSV columns, in this order;
    /// `nil` for the format's own (``RecordField/defaultJSON``, ...).
    var fields: [RecordField]?
    /// `--template`: one line per record, instead of `format`.
    var template: Template?
    var terminal: Terminal
    /// Table only: the command selected a single category, which every
    /// row then shares.
    var omitsCategory = false

    /// Whether the records print why they matched (``PaperRecord/matches``).
    var showsMatches: Bool {
        if let fields { return fields.contains(.matches) }
        if let template { return template.fields.contains(.matches) }
        return [.table, .json, .jsonl].contains(format)
    }

    /// Writes `records` in ``format`` (or ``template``). Every format but a
    /// table goes out in blocks of ``blockSize`` records, each block's
    /// records decoded and written on every core and printed in order; after
    /// each block, `releasing` gives back what was read for it (a
    /// snapshot's pages). Output stops when the console closes.
    func write<Records: RandomAccessCollection<PaperRecord>>(
        _ records: Records, to console: inout Console, releasing: () -> Void = {}
    ) where Records.Index == Int {
        if template == nil, format == .table { return table(records, to: &console) }
        console.print(document: header)
        for start in stride(from: records.startIndex, to: records.endIndex, by: Self.blockSize) where console.isOpen {
            let count = min(Self.blockSize, records.endIndex - start)
            // Decoding reads the index and the snapshot only, and a writer
            // holds no state: the records are written independently.
            nonisolated(unsafe) let (writer, records) = (self, records)
            let texts = Parallel.map(count, chunk: Self.blockSize / 8) { offset in
                writer.text(of: records[start + offset], at: start + offset - records.startIndex)
            }
            for text in texts { console.print(document: text) }
            releasing()
        }
        console.print(document: footer)
    }

    /// How many records are decoded and written between two prints.
    static let blockSize = 4096

    /// What comes before the records: JSON's `[`, the CSV header row.
    private var header: String {
        guard template == nil else { return "" }
        switch format {
        case .json: return "["
        case .csv: return CSV.row((fields ?? RecordField.defaultCSV).map(\.rawValue))
        case .table, .tsv, .jsonl, .bibtex: return ""
        }
    }

    /// What comes after the records: JSON's `]`.
    private var footer: String { template == nil && format == .json ? "]\n" : "" }

    /// The text of one record, the `position`-th written.
    private func text(of record: PaperRecord, at position: Int) -> String {
        if let template { return template.line(for: record) }
        switch format {
        case .table, .tsv:
            let fields = fields ?? RecordField.defaultTSV.filter { $0 != .score || record.score != nil }
            return fields.map { $0.text(of: record).tsvCell }.joined(separator: "\t") + "\n"
        case .json: return (position == 0 ? "" : ",") + record.json(fields).text
        case .jsonl: return record.json(fields).text + "\n"
        case .csv: return CSV.row((fields ?? RecordField.defaultCSV).map { $0.text(of: record) })
        case .bibtex: return (position == 0 ? "" : "\n") + BibTeX.entry(for: record.paper)
        }
    }

    /// ID, DATE, TITLE always (with SCORE first for ranked results);
    /// CATEGORY unless every row shares it, and it and AUTHORS, then DATE,
    /// left out when the terminal is too narrow for them and a title of 15
    /// columns.
    private func table(_ records: some Collection<PaperRecord>, to console: inout Console) {
        // A search scores all its results or none.
        let hasScore = records.first?.score != nil
        var columns = [
            TableLayout.Column(title: "ID"), TableLayout.Column(title: "DATE", dropOrder: 3),
            TableLayout.Column(title: "CATEGORY", flexible: true, weight: 1, minimumWidth: 12, dropOrder: 1, omittedWhenUniform: true),
            TableLayout.Column(title: "TITLE", flexible: true, weight: 5, minimumWidth: 15),
            TableLayout.Column(title: "AUTHORS", flexible: true, weight: 2, minimumWidth: 10, dropOrder: 2),
        ]
        if hasScore { columns.insert(TableLayout.Column(title: "SCORE"), at: 0) }
        if omitsCategory { columns.removeAll { $0.title == "CATEGORY" } }
        func row(_ record: PaperRecord) -> [String] {
            var row = [record.paper.id, record.paper.date?.description ?? "-"]
            if !omitsCategory { row.append(record.categoryLabel ?? "-") }
            row += [record.paper.title ?? record.paper.abstract.map { "[" + $0 + "]" } ?? "-", record.authorSummary]
            if hasScore { row.insert(record.score.map { String(format2: $0) } ?? "", at: 0) }
            return row
        }
        let layout = TableLayout(columns: columns)
        var measure = TableLayout.Measure(columns: columns.count)
        for record in records { measure.add(row(record)) }
        let fitted = layout.fit(measure, width: terminal.width)
        console.print(terminal.bold(fitted.header) + "\n")
        for record in records where console.isOpen {
            console.print(fitted.line(row(record)) + "\n")
            // Under each ranked hit, the excerpt that shows why it matched.
            if let excerpt = record.matches?.excerpt { console.print(excerptLine(excerpt) + "\n") }
        }
    }

    /// `    …text with **matched** words…`, cut to the terminal's width;
    /// matched words bold on a colour terminal.
    private func excerptLine(_ excerpt: Matches.Excerpt) -> String {
        let scalars = Array(excerpt.text.unicodeScalars)
        var line = "    "
        var width = max(terminal.width, TableLayout.narrowest) - 4
        var position = 0
        func append(_ range: Range<Int>, highlighted: Bool) {
            guard width > 0, !range.isEmpty else { return }
            var text = String(String.UnicodeScalarView(scalars[range])).safeForTerminal
            if text.displayWidth > width { text = TableLayout.fit(text, width) }
            width -= text.displayWidth
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
}

extension String {
    /// A number with two decimals.
    init(format2 value: Double) {
        let scaled = Int((value * 100).rounded())
        let fraction = abs(scaled % 100)
        self = "\(scaled / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
