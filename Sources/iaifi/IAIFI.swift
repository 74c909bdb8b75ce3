import Foundation

/// The `iaifi` executable: argv -> command -> output -> exit code.
@main
enum IAIFI {
    static let version = "0.1.0"

    static func main() {
        var console = Console(guardsTerminal: isatty(STDOUT_FILENO) == 1)
        let code = Runner.run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment, console: &console)
        exit(console.flush() ? code.rawValue : ExitCode.outputError.rawValue)
    }
}

/// Documented exit codes.
enum ExitCode: Int32, CaseIterable {
    case success = 0
    /// The command ran but found nothing.
    case nothingFound = 1
    /// The command line was wrong.
    case usage = 2
    /// The input could not be read (no readable file, or `check` found errors).
    case inputError = 3
    /// The output could not be written (a full disk, a closed stdout).
    case outputError = 4
}

/// Buffered stdout and stderr.
struct Console {
    private(set) var output = ""
    private(set) var errors = ""
    /// Whether stdout is a terminal, where documents are made safe.
    let guardsTerminal: Bool

    init(guardsTerminal: Bool = false) { self.guardsTerminal = guardsTerminal }

    /// Adds text made for the terminal: help, and tables and records whose
    /// values were made safe (``Swift/String/safeForTerminal``) as they
    /// were laid out.
    mutating func print(_ text: String) { output += text }

    /// Adds a document for programs (TSV, CSV, JSON, BibTeX, DOT, GraphML):
    /// exact in a file or pipe; on a terminal, with every control and
    /// format character that could move the cursor, rewrite the screen or
    /// reorder text replaced by `�` (``Swift/String/neutralisedForTerminal``).
    mutating func print(document text: String) { output += guardsTerminal ? text.neutralisedForTerminal : text }

    /// Adds `text` written in `format`: a table is made for the terminal,
    /// anything else is a document.
    mutating func print(_ text: String, as format: OutputFormat) {
        if format == .table { print(text) } else { print(document: text) }
    }
    /// Adds a message for stderr, each line made safe for a terminal: a
    /// message may quote an argument, a value from the environment or the data.
    mutating func error(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            errors += String(line).safeForTerminal + "\n"
        }
    }

    /// Writes what was buffered: messages to stderr, then the output to
    /// stdout. Whether the output was written whole; if not, says why on
    /// stderr (when it can). A reader that went away (a closed pipe) is not
    /// a failure: it asked for no more.
    mutating func flush() -> Bool {
        // stderr may be closed (`2>&-`): the output still goes out.
        _ = Self.writeAll(errors, to: STDERR_FILENO)
        let written = Self.writeAll(output, to: STDOUT_FILENO)
        output = ""
        errors = ""
        guard written != 0, written != EPIPE else { return true }
        _ = Self.writeAll("iaifi: cannot write the output: \(String(cString: strerror(written)))\n", to: STDERR_FILENO)
        return false
    }

    /// Writes all of `text` to `descriptor`, retrying after interruptions;
    /// 0, or the `errno` of the write that failed.
    private static func writeAll(_ text: String, to descriptor: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return 0
        }
    }
}
