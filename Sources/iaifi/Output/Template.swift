/// A `--template`: text with `{field}` placeholders (``RecordField``),
/// written once per paper, each time followed by a line break. `\t`,
/// `\n` and `\\` stand for a tab, a line break and a backslash; `{{` and
/// `}}` for literal braces. A value is its plain text (``JSON/plainText``,
/// `null` as nothing) with its tabs and line breaks made spaces, as in a TSV
/// cell, so that the lines stay the template's own.
struct Template {
    private enum Piece {
        case text(String)
        case field(RecordField)
    }

    private let pieces: [Piece]

    /// The fields its placeholders name.
    var fields: [RecordField] {
        pieces.compactMap { if case .field(let field) = $0 { field } else { nil } }
    }

    /// Parses `text`; an unknown placeholder, an unclosed or unopened brace
    /// or an unknown escape is a usage error that names it.
    init(_ text: String) throws(UsageError) {
        var pieces: [Piece] = []
        var literal = ""
        var characters = text[...]
        while let character = characters.popFirst() {
            switch character {
            case "\\":
                switch characters.popFirst() {
                case "t": literal.append("\t")
                case "n": literal.append("\n")
                case "\\": literal.append("\\")
                case let other:
                    let shown = other.map { "\\\($0)" } ?? "\\"
                    throw UsageError(message: "unknown escape '\(shown)' in '--template'; use \\t, \\n or \\\\ (and {{ or }} for a brace)")
                }
            case "{" where characters.first == "{":
                characters.removeFirst()
                literal.append("{")
            case "}" where characters.first == "}":
                characters.removeFirst()
                literal.append("}")
            case "}":
                throw UsageError(message: "unmatched '}' in '--template'; write '}}' for a literal brace")
            case "{":
                guard let close = characters.firstIndex(of: "}") else {
                    throw UsageError(message: "unclosed '{\(characters.prefix(20))' in '--template'; close it with '}', or write '{{' for a literal brace")
                }
                let name = String(characters[..<close])
                characters = characters[characters.index(after: close)...]
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = ""
                pieces.append(.field(try RecordField.named(name, in: "'--template'")))
            default:
                literal.append(character)
            }
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        self.pieces = pieces
    }

    /// The template filled in for `record`, ending in a line break.
    func line(for record: PaperRecord) -> String {
        var line = ""
        for piece in pieces {
            switch piece {
            case .text(let text): line += text
            case .field(let field): line += field.text(of: record).tsvCell
            }
        }
        return line + "\n"
    }
}
