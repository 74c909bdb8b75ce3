/// RFC 4180 CSV, safe to open in a spreadsheet.
enum CSV {
    static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(row).joined()
    }

    /// One line, ending in CRLF.
    static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// Quotes a cell when it holds a comma, quote or line break, and defuses
    /// a leading `=`, `+`, `-` or `@` (which spreadsheets run as a formula)
    /// with a leading apostrophe.
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
