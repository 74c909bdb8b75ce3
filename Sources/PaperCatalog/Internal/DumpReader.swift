/// Reads one dump format: entries become draft `Paper` records (no id, raw
/// keyword line), problems become diagnostics. Never throws: a bad entry is
/// reported and the reader moves on to the next one.
protocol DumpReader {
    static var format: DumpFormat { get }
    /// How many lines of `file` only this format would print; the detector
    /// picks the reader with the most.
    static func signatureCount(in file: TextFile) -> Int
    static func read(_ file: TextFile) -> ReadResult
}

/// What a reader made of one file.
struct ReadResult {
    var papers: [Paper] = []
    var diagnostics: [Diagnostic] = []
    /// Entries found, whether they became records or were skipped.
    var entries = 0

    mutating func warn(_ file: TextFile, line index: Int, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file.path, line: TextFile.number(index), message))
    }

    mutating func note(_ file: TextFile, line index: Int, _ message: String) {
        diagnostics.append(Diagnostic(.note, file: file.path, line: TextFile.number(index), message))
    }
}

extension TextFile {
    /// Indices of the non-blank lines in `range`.
    func contentLines(in range: Range<Int>) -> [Int] {
        range.filter { !LineShape.isBlank(lines[$0]) }
    }
}

/// Quotes a line for a message, shortened to stay readable.
func quoted(_ text: String, limit: Int = 60) -> String {
    let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
    return "'" + shown + "'"
}
