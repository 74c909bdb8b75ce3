/// Lays rows out in aligned columns that fit a width: fixed columns keep
/// their content, flexible ones share what is left and are cut with `…`.
struct TableLayout {
    struct Column {
        var title: String
        /// Flexible columns shrink to fit; fixed ones never do.
        var flexible = false
        /// Share of the leftover width a flexible column gets.
        var weight = 1
        /// A flexible column keeps at least this much (or its content, if shorter).
        var minimumWidth = 4
    }

    var columns: [Column]
    var separator = "  "

    /// The header line and one line per row, each at most `width` columns
    /// wide (as long as the fixed columns fit).
    func render(_ rows: [[String]], width: Int) -> [String] {
        let cells = rows.map { row in row.map(\.safeForTerminal) }
        var widths = columns.indices.map { column in
            max(columns[column].title.count, cells.map { $0[column].count }.max() ?? 0)
        }
        let total = widths.reduce(0, +) + separator.count * (columns.count - 1)
        if total > width {
            // Fixed columns keep their width; each flexible one first gets its
            // minimum (or its content, if shorter), then the rest by weight.
            let flexible = columns.indices.filter { columns[$0].flexible }
            let fixed = columns.indices.filter { !columns[$0].flexible }.map { widths[$0] }.reduce(0, +)
            var available = max(0, width - fixed - separator.count * (columns.count - 1))
            var wanted = Array(repeating: 0, count: columns.count)
            for column in flexible {
                let floor = min(widths[column], columns[column].minimumWidth)
                wanted[column] = widths[column] - floor
                widths[column] = floor
                available -= floor
            }
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
        let lines = [columns.map(\.title)] + cells
        return lines.map { line in
            line.enumerated().map { column, text in
                let cut = Self.fit(text, widths[column])
                return column == columns.count - 1 ? cut : cut.padding(to: widths[column])
            }.joined(separator: separator)
        }
    }

    /// `text` cut to `width` characters, ending in `…` when cut.
    static func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }
}

private extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
