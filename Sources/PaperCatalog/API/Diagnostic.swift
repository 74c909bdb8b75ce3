/// A problem found while reading a dump, located precisely enough to fix.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a problem is: ordered note < warning < error.
    public enum Severity: String, Sendable, Comparable {
        /// Informational: nothing was lost (a page-navigation line, a merge).
        case note
        /// Something was skipped or only partly read; the rest of the file was read.
        case warning
        /// The file could not be read at all.
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        /// Orders by seriousness: a note before a warning before an error.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// How serious the problem is.
    public var severity: Severity
    /// The file the problem is in.
    public var file: String
    /// 1-based line, or `nil` when the problem concerns the whole file.
    public var line: Int?
    /// What is wrong, in words for the person fixing the file.
    public var message: String
    /// Whether input was lost: an entry or a line skipped, entries missing
    /// from a page's own count, a file not read. A warning that lost
    /// nothing (a field the entry lacks, lines joined) is for `check`.
    public var lostInput: Bool

    /// Creates a diagnostic; an error always counts as lost input.
    public init(_ severity: Severity, file: String, line: Int? = nil, _ message: String, lostInput: Bool = false) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.lostInput = lostInput || severity == .error
    }

    /// `file:line: severity: message`, the shape compilers use.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): \(severity.rawValue): \(message)"
    }
}
