/// Bars and sparklines drawn with Unicode block characters, or ASCII, for
/// a terminal of a given width; colour only where ``Terminal/usesColor``.
struct Chart {
    /// Plain ASCII (`#`, and `_.:-=+*#` for sparklines) instead of blocks.
    var ascii = false
    var terminal: Terminal

    /// Eighths of a cell, from one eighth to a whole one.
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    /// Sparkline levels: the lowest for zero, the next seven for a share of the row's largest.
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = ["_", ".", ":", "-", "=", "+", "*", "#"]

    /// One line per row: the label (cut with `…` to at most half the
    /// width), the count right-aligned, and a bar whose length is the
    /// count's share of the largest, to an eighth of a cell. Every line
    /// fits `terminal.width` (at least 20 columns).
    func bars(_ rows: [(label: String, count: Int)], title: String) -> String {
        let width = max(20, terminal.width)
        let countWidth = max(5, rows.map { String($0.count).count }.max() ?? 0)
        let labels = rows.map { $0.label.safeForTerminal }
        let labelWidth = min(max(title.count, labels.map(\.count).max() ?? 0), width / 2)
        let barWidth = max(1, width - labelWidth - countWidth - 4)
        let largest = max(1, rows.map(\.count).max() ?? 1)
        var lines = [terminal.bold(pad(TableLayout.fit(title, labelWidth), labelWidth) + "  " + pad("COUNT", countWidth, right: true))]
        for (label, row) in zip(labels, rows) {
            let bar = self.bar(Double(row.count) / Double(largest), width: barWidth)
            lines.append(pad(TableLayout.fit(label, labelWidth), labelWidth) + "  " + pad(String(row.count), countWidth, right: true) + "  " + colored(bar, 36))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A bar `fraction` (0...1) of `width` cells long, in eighths of a cell
    /// (ASCII: whole cells of `#`); at least one eighth (one `#`) when the
    /// fraction is above zero.
    func bar(_ fraction: Double, width: Int) -> String {
        guard fraction > 0 else { return "" }
        if ascii {
            return String(repeating: "#", count: max(1, Int((fraction * Double(width)).rounded())))
        }
        let units = max(1, Int((fraction * Double(width * 8)).rounded()))
        var bar = String(repeating: "█", count: units / 8)
        if units % 8 > 0 { bar.append(Self.eighths[units % 8 - 1]) }
        return bar
    }

    /// One character per value: a space for `nil` (not enough data), the
    /// lowest level for zero, otherwise one of seven levels by the value's
    /// share of the largest.
    func sparkline(_ values: [Double?]) -> String {
        let levels = ascii ? Self.asciiLevels : Self.levels
        let largest = values.compactMap { $0 }.max() ?? 0
        return String(
            values.map { value -> Character in
                guard let value else { return " " }
                guard value > 0, largest > 0 else { return levels[0] }
                return levels[min(7, max(1, Int((value / largest * 7).rounded(.up))))]
            })
    }

    /// `text` in ANSI colour `code` (31 red, 32 green, 36 cyan) on a colour terminal.
    func colored(_ text: String, _ code: Int) -> String {
        terminal.usesColor && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `text` padded with spaces to `width` characters, on the left when `right`.
    func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
