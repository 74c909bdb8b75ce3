import Foundation

/// What the output streams are connected to.
struct Terminal {
    /// Whether stdout is a terminal (then tables and colour are the default).
    var isInteractive: Bool
    /// Columns available; 80 when unknown.
    var width: Int
    /// ANSI colour only on a terminal and never when `NO_COLOR` is set.
    var usesColor: Bool

    static func current(environment: [String: String]) -> Terminal {
        let interactive = isatty(STDOUT_FILENO) == 1
        var size = winsize()
        var width = 80
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            width = columns
        } else if interactive, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            width = Int(size.ws_col)
        }
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Terminal(isInteractive: interactive, width: width, usesColor: interactive && !noColor)
    }

    func bold(_ text: String) -> String { usesColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { usesColor ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

extension Unicode.Scalar {
    /// Whether a terminal would act on the character rather than show it:
    /// C0 and C1 controls (ESC starts every escape sequence), line and
    /// paragraph separators, and format characters (category Cf: the
    /// bidirectional overrides and isolates such as U+202E, zero-width
    /// characters) that reorder or hide what follows.
    var isActedOnByTerminals: Bool {
        switch value {
        case 0x20..<0x7F: false
        case ..<0x20, 0x7F...0x9F, 0x2028, 0x2029: true
        // Format characters lie only in these ranges, so most text never
        // asks the (slow) category table; a test compares every scalar with it.
        case 0xAD, 0x600...0x8FF, 0x180E, 0x2000...0x206F, 0xFEFF, 0xFFF0...0xFFFF, 0x10000...: properties.generalCategory == .format
        default: false
        }
    }
}

extension String {
    /// The text as one line for a terminal: characters a terminal acts on
    /// (``Unicode/Scalar/isActedOnByTerminals``) replaced by `�`, tabs, line
    /// breaks and runs of spaces folded to one space.
    var safeForTerminal: String {
        var output = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == " " {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            output.append(scalar.isActedOnByTerminals ? "\u{FFFD}" : scalar)
        }
        return String(output)
    }

    /// A whole document for a terminal: line breaks and tabs kept, every
    /// other character a terminal acts on replaced by `�`.
    var neutralisedForTerminal: String {
        func isNeutralised(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isActedOnByTerminals && scalar != "\n" && scalar != "\r" && scalar != "\t"
        }
        guard unicodeScalars.contains(where: isNeutralised) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { isNeutralised($0) ? "\u{FFFD}" : $0 }))
    }

    /// A TSV cell: tabs and line breaks, which the format cannot hold in a
    /// value, become spaces; everything else is kept exactly.
    var tsvCell: String {
        // A tab or line break starts with one of these bytes (U+0085, U+2028
        // and U+2029 with 0xC2 or 0xE2): most cells have none.
        guard utf8.contains(where: { (0x09...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }),
            contains(where: { $0 == "\t" || $0.isNewline })
        else { return self }
        return String(map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
