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

extension String {
    /// The text with control characters (including ESC, so no ANSI escape
    /// sequence from the data reaches the terminal, and the bidirectional
    /// overrides) replaced by `�`, and runs of white space folded to one space.
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
            let value = scalar.value
            // C0 and C1 controls, line separators, and the bidirectional
            // overrides and isolates that reorder what follows (U+202E).
            let isControl = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            output.append(isControl ? "\u{FFFD}" : scalar)
        }
        return String(output)
    }
}
