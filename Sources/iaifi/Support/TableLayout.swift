/// Lays rows out in aligned columns that fit a width, measured in terminal
/// columns (``Swift/String/displayWidth``): fixed columns keep their
/// content; flexible ones share what is left and are cut with `…`; when
/// even their minimums do not fit, columns that may go are left out, in
/// their ``Column/dropOrder``.
///
/// Rows can be measured one at a time (``Measure``) and written one at a
/// time (``Fitted/line(_:)``), so that a long table is read twice rather
/// than held.
struct TableLayout {
    struct Column {
        var title: String
        /// Flexible columns shrink to fit; fixed ones never do.
        var flexible = false
        /// Share of the leftover width a flexible column gets.
        var weight = 1
        /// A flexible column keeps at least this much (or its content, if
        /// shorter) unless the fixed columns leave less.
        var minimumWidth = 4
        /// When the columns do not fit, those with a drop order are left
        /// out, lowest first, until they do; `nil`: always shown.
        var dropOrder: Int?
        /// Left out when every row (two or more) holds the same value.
        var omittedWhenUniform = false
    }

    var columns: [Column]
    var separator = "  "
    /// The narrowest width a table is laid out for: on a narrower terminal
    /// its lines are this wide.
    static let narrowest = 40

    /// What the rows hold, taken one row at a time: each column's widest
    /// value and whether every row holds the same one.
    struct Measure {
        fileprivate(set) var widths: [Int]
        fileprivate(set) var uniform: [Bool]
        fileprivate(set) var rows = 0
        private var first: [String] = []

        init(columns: Int) {
            widths = Array(repeating: 0, count: columns)
            uniform = Array(repeating: true, count: columns)
        }

        mutating func add(_ row: [String]) {
            let cells = row.map(\.safeForTerminal)
            if rows == 0 { first = cells }
            for (column, cell) in cells.enumerated() {
                widths[column] = max(widths[column], cell.displayWidth)
                if uniform[column], cell != first[column] { uniform[column] = false }
            }
            rows += 1
        }
    }

    /// The columns shown and their widths.
    struct Fitted {
        /// Positions in ``TableLayout/columns`` (and in each row) shown.
        var shown: [Int]
        var widths: [Int]
        var separator: String
        var titles: [String]

        /// The header line.
        var header: String { line(titles, safe: true) }

        /// One row (every column's value, shown or not) as a line at most
        /// the fitted width wide, made safe for a terminal.
        func line(_ row: [String]) -> String { line(row, safe: false) }

        private func line(_ row: [String], safe: Bool) -> String {
            shown.enumerated().map { position, column in
                let text = TableLayout.fit(safe ? row[column] : row[column].safeForTerminal, widths[position])
                return position == shown.count - 1 ? text : text.padded(to: widths[position])
            }.joined(separator: separator)
        }
    }

    /// The columns to show for rows measured so, within `width` (at least
    /// ``narrowest``) as long as the fixed columns fit.
    func fit(_ measure: Measure, width: Int) -> Fitted {
        let width = max(width, Self.narrowest)
        var widths = columns.indices.map { max(columns[$0].title.displayWidth, measure.widths[$0]) }
        var shown = columns.indices.filter { !(columns[$0].omittedWhenUniform && measure.rows >= 2 && measure.uniform[$0]) }
        func total(_ shown: [Int], _ width: (Int) -> Int) -> Int { shown.map(width).reduce(0, +) + separator.count * (shown.count - 1) }
        // Each flexible column first gets its minimum (or its content, if shorter).
        func floor(_ column: Int) -> Int { columns[column].flexible ? min(widths[column], columns[column].minimumWidth) : widths[column] }
        if total(shown, { widths[$0] }) > width {
            while total(shown, floor) > width,
                let dropped = shown.filter({ columns[$0].dropOrder != nil }).min(by: { columns[$0].dropOrder! < columns[$1].dropOrder! })
            {
                shown.removeAll { $0 == dropped }
            }
        }
        if total(shown, { widths[$0] }) > width {
            let flexible = shown.filter { columns[$0].flexible }
            let fixed = shown.filter { !columns[$0].flexible }.map { widths[$0] }.reduce(0, +)
            var available = max(0, width - fixed - separator.count * (shown.count - 1))
            var wanted = Array(repeating: 0, count: columns.count)
            let floors = flexible.map(floor).reduce(0, +)
            for column in flexible {
                // Below the minimums, each gets its share of what there is.
                let share = floors <= available ? floor(column) : max(1, available * floor(column) / max(1, floors))
                wanted[column] = widths[column] - share
                widths[column] = share
            }
            available -= flexible.map { widths[$0] }.reduce(0, +)
            // Then the rest, by weight.
            while available > 0 {
                let needy = flexible.filter { wanted[$0] > 0 }
                if needy.isEmpty { break }
                let weights = needy.map { columns[$0].weight }.reduce(0, +)
                var given = 0
                for column in needy {
                    let share = min(wanted[column], max(1, available * columns[column].weight / weights))
                    widths[column] += share
                    wanted[column] -= share
                    given += share
                    if given >= available { break }
                }
                available -= given
            }
        }
        return Fitted(shown: shown, widths: shown.map { widths[$0] }, separator: separator, titles: columns.map(\.title))
    }

    /// The header line and one line per row, each at most `width` columns
    /// wide (as long as the fixed columns fit).
    func render(_ rows: [[String]], width: Int) -> [String] {
        var measure = Measure(columns: columns.count)
        for row in rows { measure.add(row) }
        let fitted = fit(measure, width: width)
        return [fitted.header] + rows.map(fitted.line)
    }

    /// `text` cut to `width` terminal columns, ending in `…` when cut.
    static func fit(_ text: String, _ width: Int) -> String {
        text.displayWidth <= width ? text : String(text.prefix(columns: max(0, width - 1))) + "…"
    }
}

extension String {
    /// The text followed by spaces up to `width` terminal columns.
    fileprivate func padded(to width: Int) -> String {
        let shown = displayWidth
        return shown >= width ? self : self + String(repeating: " ", count: width - shown)
    }
}
