import Foundation
import PaperCatalog

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

/// stdout and stderr. Output goes out as it is printed, in blocks of
/// ``blockSize`` bytes, so that a command printing a million papers holds
/// one block, not the whole answer; messages wait for the first block (so
/// that they come first when the whole answer fits in one), then go with
/// each block.
struct Console {
    private var output = ""
    private var errors = ""
    /// Whether stdout is a terminal, where documents are made safe.
    let guardsTerminal: Bool
    /// Bytes of stdout written so far.
    private(set) var written = 0
    /// Bytes an earlier run of the command already wrote (``Runner``): the
    /// same answer's start, not written twice.
    private var alreadyWritten: Int
    /// Whether what is printed is to be thrown away rather than written
    /// (it came from a snapshot found damaged while answering); checked
    /// before each block goes out.
    var discards: () -> Bool = { false }
    /// Why writing stdout stopped: a closed pipe (`EPIPE`) or a failure.
    private var failure: Int32 = 0
    private var discarded = false
    static let blockSize = 1 << 16

    init(guardsTerminal: Bool = false, alreadyWritten: Int = 0) {
        self.guardsTerminal = guardsTerminal
        self.alreadyWritten = alreadyWritten
    }

    /// Whether printing is still worth it: stdout is writable, its reader is
    /// still there and the answer is not being discarded. Writers of long
    /// output stop when it is not.
    var isOpen: Bool { failure == 0 && !discarded }

    /// Adds text made for the terminal: help, and tables and records whose
    /// values were made safe (``Swift/String/safeForTerminal``) as they
    /// were laid out.
    mutating func print(_ text: String) {
        output += text
        if output.utf8.count >= Self.blockSize { send() }
    }

    /// Adds a document for programs (TSV, CSV, JSON, BibTeX, DOT, GraphML):
    /// exact in a file or pipe; on a terminal, with every control and
    /// format character that could move the cursor, rewrite the screen or
    /// reorder text replaced by `�` (``Swift/String/neutralisedForTerminal``).
    mutating func print(document text: String) { print(guardsTerminal ? text.neutralisedForTerminal : text) }

    /// Adds `text` written in `format`: a table is made for the terminal,
    /// anything else is a document.
    mutating func print(_ text: String, as format: some TableFormatChoice) {
        if format == .table { print(text) } else { print(document: text) }
    }

    /// Adds a message for stderr, each line made safe for a terminal: a
    /// message may quote an argument, a value from the environment or the data.
    mutating func error(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            errors += String(line).safeForTerminal + "\n"
        }
    }

    /// Writes what is left: messages to stderr, then the output to stdout.
    /// Whether the output was written whole; if not, says why on stderr
    /// (when it can). A reader that went away (a closed pipe) is not a
    /// failure: it asked for no more.
    mutating func flush() -> Bool {
        send()
        return failure == 0 || failure == EPIPE
    }

    /// Writes the messages, then the output gathered so far, unless the
    /// answer is being discarded or stdout failed before.
    private mutating func send() {
        if !discarded, discards() { discarded = true }
        guard !discarded else {
            (output, errors) = ("", "")
            return
        }
        // stderr may be closed (`2>&-`): the output still goes out.
        _ = Self.writeAll(errors, to: STDERR_FILENO)
        errors = ""
        guard failure == 0 else {
            output = ""
            return
        }
        // Bytes, not characters, are skipped: an earlier run may have
        // stopped inside a character.
        let skipped = min(alreadyWritten, output.utf8.count)
        alreadyWritten -= skipped
        failure = Self.writeAll(output, to: STDOUT_FILENO, skipping: skipped)
        written += output.utf8.count
        output = ""
        guard failure != 0, failure != EPIPE else { return }
        _ = Self.writeAll("iaifi: cannot write the output: \(String(cString: strerror(failure)))\n", to: STDERR_FILENO)
    }

    /// Writes `text` but its first `skipped` bytes to `descriptor`
    /// (``SystemCalls/writeAll(_:_:)``): 0, or the `errno` that stopped it.
    private static func writeAll(_ text: String, to descriptor: Int32, skipping skipped: Int = 0) -> Int32 {
        var text = text
        return text.withUTF8 { SystemCalls.writeAll(descriptor, UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[skipped...]))) }
    }
}
