import Foundation

/// The `iaifi` executable: argv -> command -> output -> exit code.
@main
enum IAIFI {
    static let version = "0.1.0"

    static func main() {
        var console = Console()
        let code = Runner.run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment, console: &console)
        console.flush()
        exit(code.rawValue)
    }
}

/// Documented exit codes.
enum ExitCode: Int32 {
    case success = 0
    /// The command ran but found nothing.
    case nothingFound = 1
    /// The command line was wrong.
    case usage = 2
    /// The input could not be read (no readable file, or `check` found errors).
    case inputError = 3
}

/// Buffered stdout and stderr.
struct Console {
    private(set) var output = ""
    private(set) var errors = ""

    mutating func print(_ text: String) { output += text }
    mutating func error(_ text: String) { errors += text.hasSuffix("\n") ? text : text + "\n" }

    mutating func flush() {
        FileHandle.standardError.write(Data(errors.utf8))
        FileHandle.standardOutput.write(Data(output.utf8))
        output = ""
        errors = ""
    }
}
