/// A dump file decoded into numbered lines, with what decoding had to repair.
///
/// Accepts UTF-8 (with or without a byte-order mark) and falls back to
/// Latin-1 for a file that is not UTF-8 at all. `\n`, `\r\n` and a lone `\r`
/// all end a line; U+2028 and U+2029 inside a line become spaces.
struct TextFile {
    let path: String
    /// The file's lines without their terminators; `lines[0]` is line 1.
    private(set) var lines: [String] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Decodes `bytes`; no lines (with an error in `diagnostics`) for binary data.
    init(path: String, bytes: [UInt8]) { self.init(path: path, chunks: [bytes]) }

    /// Decodes a file's bytes in chunks, each but the last ending with a
    /// line feed (``InputFiles/read(_:limit:chunkSize:)``), freeing each
    /// chunk once its lines are decoded; no lines (with an error in
    /// `diagnostics`) for binary data.
    init(path: String, chunks: consuming [[UInt8]]) {
        self.path = path
        if let position = chunks.firstIndex(where: { $0.contains(0) }) {
            // Lines are counted only for the error, and only up to the NUL.
            let linesBefore = chunks[..<position].reduce(0) { $0 + $1.lineNumber - 1 }
            let chunk = chunks[position]
            diagnostics.append(
                Diagnostic(
                    .error, file: path, line: linesBefore + chunk[..<chunk.firstIndex(of: 0)!].lineNumber,
                    "binary data (a NUL byte); expected a text dump"))
            return
        }
        // Without one well-formed multi-byte sequence, any byte over 0x7F
        // makes the file invalid UTF-8: it is Latin-1. (A chunk ends after a
        // line feed, so no sequence spans two.)
        let isLatin1 = !chunks.contains(where: \.hasMultibyteUTF8) && chunks.contains { $0.contains { $0 >= 0x80 } }
        if isLatin1 {
            diagnostics.append(
                Diagnostic(
                    .warning, file: path,
                    "not UTF-8; read as Latin-1 (ISO 8859-1)"))
        }
        for position in chunks.indices {
            // The chunk's only copy, freed when its lines are decoded.
            let bytes = chunks[position]
            chunks[position] = []
            let start = position == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            appendLines(of: bytes, from: start, latin1: isLatin1)
        }
    }

    /// Appends the lines of `bytes` from `start`, the last one whether or not a terminator ends it.
    private mutating func appendLines(of bytes: [UInt8], from start: Int, latin1: Bool) {
        var lineStart = start
        var index = start
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == .newline || byte == .carriageReturn {
                appendLine(bytes[lineStart..<index], latin1: latin1)
                if byte == .carriageReturn, index + 1 < count, bytes[index + 1] == .newline { index += 1 }
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < count { appendLine(bytes[lineStart..<count], latin1: latin1) }
    }

    /// Blanks every line outside `range` and forgets decoding diagnostics
    /// (they stay with the whole file).
    mutating func keepOnly(_ range: Range<Int>) {
        for index in lines.indices where !range.contains(index) { lines[index] = "" }
        diagnostics = []
    }

    /// The number of the line at `index` (0-based) as people count: 1-based.
    static func number(_ index: Int) -> Int { index + 1 }

    private mutating func appendLine(_ slice: ArraySlice<UInt8>, latin1: Bool) {
        var text: String
        if latin1 {
            text = String(String.UnicodeScalarView(slice.map { Unicode.Scalar($0) }))
        } else if let valid = String(validating: slice, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: slice, as: UTF8.self)
            diagnostics.append(
                Diagnostic(
                    .warning, file: path, line: lines.count + 1,
                    "invalid UTF-8 bytes replaced with U+FFFD"))
        }
        if text.unicodeScalars.contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            text = String(
                String.UnicodeScalarView(
                    text.unicodeScalars.map {
                        $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
                    }))
        }
        lines.append(text)
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
}

extension Collection<UInt8> {
    fileprivate var lineNumber: Int { reduce(1) { $1 == .newline ? $0 + 1 : $0 } }

    /// Whether any well-formed multi-byte UTF-8 sequence occurs: a file with
    /// one is UTF-8 with damage, not Latin-1.
    fileprivate var hasMultibyteUTF8: Bool {
        var iterator = makeIterator()
        while let byte = iterator.next() {
            guard byte >= 0xC2, byte <= 0xF4 else { continue }
            let continuation = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
            var ok = true
            for _ in 0..<continuation {
                guard let next = iterator.next(), next & 0xC0 == 0x80 else {
                    ok = false
                    break
                }
            }
            if ok { return true }
        }
        return false
    }
}
