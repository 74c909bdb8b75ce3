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
        // Every byte tested is ASCII, so bytes stand for characters here.
        let startsFormula = value.utf8.first.map { "=+-@\t\r".utf8.contains($0) } ?? false
        let text = startsFormula ? "'" + value : value
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return text }
        var quoted = "\""
        var runStart = text.startIndex
        for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: "\"") {
            quoted += text[runStart...index]
            quoted += "\""
            runStart = text.utf8.index(after: index)
        }
        quoted += text[runStart...]
        return quoted + "\""
    }
}
