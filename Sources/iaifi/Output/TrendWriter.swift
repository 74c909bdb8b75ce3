import Foundation
import PaperIndex

/// How `trends` prints its report.
enum TrendFormat: String, TableFormatChoice {
    case table, tsv, json
}

/// `trends` in each format: a table (with per-year sparklines when
/// charted), TSV lines, or one JSON object.
enum TrendWriter {
    static func write(_ report: TrendReport, top: Int, as format: TrendFormat, chart: Chart?, terminal: Terminal) -> String {
        let rising = Array(report.rising.prefix(top))
        let falling = Array(report.falling.prefix(top))
        switch format {
        case .json: return json(report, rising, falling).text + "\n"
        case .tsv: return (rising.map { tsvLine("rising", $0, report) } + falling.map { tsvLine("falling", $0, report) }).joined()
        case .table: return table(report, rising, falling, chart: chart, terminal: terminal)
        }
    }

    /// What the guard was, in one line: shown under every table.
    static func guardLine(_ report: TrendReport) -> String {
        let noun = report.source == .tags ? "tags" : "words"
        let chance = Double(report.tested) * report.test.pValue
        return "Two-proportion z-test: shown if |z| >= \(String(format2: report.test.minimumZ)) (two-sided p < \(significant(report.test.pValue)))"
            + " and in at least \(report.test.minimumCount) papers of the two periods together; of the \(report.tested) \(noun) tested,"
            + " about \(Int(chance.rounded())) would pass by chance alone."
    }

    /// `text` broken at spaces into lines of at most `width` characters (a
    /// longer word stands alone), each ending in a line break.
    static func wrap(_ text: String, _ width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return (lines + [line]).joined(separator: "\n") + "\n"
    }

    /// Two significant digits: `0.05`, `0.0027`.
    private static func significant(_ value: Double) -> String {
        String(format: "%.2g", locale: nil, value)
    }

    private static func table(_ report: TrendReport, _ rising: [Trend], _ falling: [Trend], chart: Chart?, terminal: Terminal) -> String {
        let before = TrendWriter.span(report.before)
        let after = TrendWriter.span(report.after)
        var text = terminal.bold("Share of \(report.beforePapers) papers in \(before) -> \(report.afterPapers) in \(after)") + "\n"
        for (title, trends, colour) in [("RISING", rising, 32), ("FALLING", falling, 31)] {
            text += "\n"
            guard !trends.isEmpty else {
                text += "\(title): none passes the test.\n"
                continue
            }
            let columns = [
                TableLayout.Column(title: title, flexible: true, weight: 1, minimumWidth: 12),
                TableLayout.Column(title: before), TableLayout.Column(title: after),
                TableLayout.Column(title: "CHANGE"), TableLayout.Column(title: "Z"),
            ]
            let rows = trends.map { trend in
                [
                    trend.label, "\(trend.before) \(percent(trend.beforeShare))", "\(trend.after) \(percent(trend.afterShare))",
                    signed(trend.change * 100) + "pp", String(format2: trend.z),
                ]
            }
            var lines: [String]
            if let chart {
                // One character per year from the first with enough papers, the latest
                // years when the terminal is narrow; appended after the layout, which
                // would fold the blanks of years without enough papers.
                let years = chartYears(report)
                let fixed = (1..<5).map { column in max(columns[column].title.count, rows.map { $0[column].count }.max()!) }.reduce(0, +)
                let shown = max(1, min(years.count, terminal.width - fixed - 2 * 5 - columns[0].minimumWidth))
                let drawn = (years.upperBound - shown + 1)...years.upperBound
                let title = shown >= 7 ? "\(drawn.lowerBound)-\(drawn.upperBound % 100)" : "YEARS"
                lines = TableLayout(columns: columns).render(rows, width: terminal.width - 2 - max(shown, title.count))
                let tableWidth = lines.map(\.count).max() ?? 0
                lines[0] = lines[0].padding(toLength: tableWidth, withPad: " ", startingAt: 0) + "  " + title
                for (position, trend) in trends.enumerated() {
                    let shares = drawn.map { year -> Double? in
                        let papers = report.papersPerYear[year - report.years.lowerBound]
                        return papers < report.test.minimumCount ? nil : Double(trend.perYear[year - report.years.lowerBound]) / Double(papers)
                    }
                    var line = lines[position + 1].padding(toLength: tableWidth, withPad: " ", startingAt: 0)
                    // The change in colour; its text is ASCII and stays where it was.
                    let change = rows[position][3]
                    if let range = line.range(of: change, options: .backwards) { line.replaceSubrange(range, with: chart.colored(change, colour)) }
                    lines[position + 1] = line + "  " + chart.sparkline(shares)
                }
            } else {
                lines = TableLayout(columns: columns).render(rows, width: terminal.width)
            }
            lines[0] = terminal.bold(lines[0])
            text += lines.joined(separator: "\n") + "\n"
        }
        if chart != nil {
            text +=
                "\n"
                + wrap(
                    "Sparklines: each year's share of its papers, \(span(chartYears(report))) (blank: fewer than \(report.test.minimumCount) papers that year).",
                    terminal.width)
        }
        return text + "\n" + wrap(guardLine(report), terminal.width)
    }

    /// `rising|falling, label, papers before, share before, papers after,
    /// share after, change in share, z, year:papers,...` (shares as fractions).
    private static func tsvLine(_ direction: String, _ trend: Trend, _ report: TrendReport) -> String {
        let years = report.years.map { "\($0):\(trend.perYear[$0 - report.years.lowerBound])" }.joined(separator: ",")
        return [
            direction, trend.label.tsvCell, String(trend.before), fraction(trend.beforeShare),
            String(trend.after), fraction(trend.afterShare), fraction(trend.change), String(format2: trend.z), years,
        ]
        .joined(separator: "\t") + "\n"
    }

    private static func json(_ report: TrendReport, _ rising: [Trend], _ falling: [Trend]) -> JSON {
        func period(_ range: ClosedRange<Int>, _ papers: Int) -> JSON {
            .object([("from", .int(range.lowerBound)), ("to", .int(range.upperBound)), ("papers", .int(papers))])
        }
        func trend(_ trend: Trend) -> JSON {
            .object([
                ("id", .string(trend.id)), ("label", .string(trend.label)),
                ("before", .int(trend.before)), ("after", .int(trend.after)),
                ("beforeShare", .double(trend.beforeShare)), ("afterShare", .double(trend.afterShare)),
                ("change", .double(trend.change)), ("z", .double(trend.z)), ("perYear", .array(trend.perYear.map(JSON.int))),
            ])
        }
        return .object([
            ("source", .string(report.source.rawValue)),
            ("before", period(report.before, report.beforePapers)),
            ("after", period(report.after, report.afterPapers)),
            (
                "test",
                .object([
                    ("method", .string("two-proportion z-test")), ("minimumCount", .int(report.test.minimumCount)),
                    ("minimumZ", .double(report.test.minimumZ)), ("tested", .int(report.tested)),
                ])
            ),
            ("years", .array(report.years.map { .int($0) })),
            ("papersPerYear", .array(report.papersPerYear.map(JSON.int))),
            ("rising", .array(rising.map(trend))),
            ("falling", .array(falling.map(trend))),
        ])
    }

    /// The years a sparkline spans: from the first with at least the
    /// guard's minimum of papers (the earlier ones say little) to the last.
    static func chartYears(_ report: TrendReport) -> ClosedRange<Int> {
        let first = report.papersPerYear.firstIndex { $0 >= report.test.minimumCount } ?? 0
        return (report.years.lowerBound + first)...report.years.upperBound
    }

    static func span(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == range.upperBound ? String(range.lowerBound) : "\(range.lowerBound)-\(range.upperBound)"
    }

    private static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    private static func signed(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return (tenths >= 0 ? "+" : "-") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    private static func fraction(_ value: Double) -> String {
        let scaled = Int((value * 10_000).rounded())
        let digits = String(abs(scaled) % 10_000)
        return (scaled < 0 ? "-" : "") + "\(abs(scaled) / 10_000)." + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
