/// Reads one dump format: entries become draft `Paper` records (no id, raw
/// keyword line), problems become diagnostics. Never throws: a bad entry is
/// reported and the reader moves on to the next one.
protocol DumpReader {
    static var format: DumpFormat { get }
    /// Indices of the lines only this format would print; the detector picks
    /// the reader with the most, or splits a file that holds several formats
    /// one after another.
    static func signatureLines(in file: TextFile) -> [Int]
    /// Where the entry whose last signature line is `index` ends (exclusive).
    static func entryEnd(afterSignature index: Int, in file: TextFile) -> Int
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

    /// A warning for input skipped: an entry, or a line of one.
    mutating func skip(_ file: TextFile, line index: Int, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file.path, line: TextFile.number(index), message, lostInput: true))
    }

    mutating func note(_ file: TextFile, line index: Int, _ message: String) {
        diagnostics.append(Diagnostic(.note, file: file.path, line: TextFile.number(index), message))
    }
}

extension TextFile {
    /// The same file with every line outside `range` blank: a segment that
    /// keeps the file's line numbers.
    func restricted(to range: Range<Int>) -> TextFile {
        var copy = self
        copy.keepOnly(range)
        return copy
    }

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
