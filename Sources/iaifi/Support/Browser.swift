import Foundation

/// The program that opens a link in the user's browser, run directly
/// (posix_spawn through `Process`), never through a shell.
struct Browser {
    /// The resolved executable and the arguments before (or around) the link.
    var executable: String
    var arguments: [String]
    /// How messages name it: `$BROWSER (lynx)`, `xdg-open`.
    var label: String

    /// `$BROWSER` when set: a `:`-separated list of commands, the first
    /// found wins; a command is split at spaces into a program and its
    /// arguments, and `%s` in them stands for the link (else the link comes
    /// last). Otherwise `xdg-open` (Linux) or `open` (macOS), found on `$PATH`.
    static func find(environment: [String: String]) -> Browser? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        if let variable = environment["BROWSER"], !variable.isEmpty {
            for command in variable.split(separator: ":") {
                let words = command.split(separator: " ").map(String.init)
                guard let program = words.first, let executable = locate(program, path: path) else { continue }
                return Browser(executable: executable, arguments: Array(words.dropFirst()), label: "$BROWSER (\(program))")
            }
            return nil
        }
        #if os(macOS)
            let program = "open"
        #else
            let program = "xdg-open"
        #endif
        return locate(program, path: path).map { Browser(executable: $0, arguments: [], label: program) }
    }

    /// Runs the opener on `url` and waits for it (a terminal browser needs
    /// the terminal until it quits; `xdg-open` and `open` return at once).
    /// `nil` on success, else why it failed.
    func open(_ url: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            arguments.contains { $0.contains("%s") }
            ? arguments.map { $0.replacingOccurrences(of: "%s", with: url) }
            : arguments + [url]
        do { try process.run() } catch { return "cannot run \(label): \(error.localizedDescription)" }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            return "\(label) failed (\(process.terminationReason == .exit ? "exit status" : "signal") \(process.terminationStatus))"
        }
        return nil
    }

    /// A program named with a `/` is taken as a path; any other is looked
    /// up in `path`. Only an executable regular file counts.
    private static func locate(_ program: String, path: String) -> String? {
        func executable(_ candidate: String) -> Bool {
            var status = stat()
            return stat(candidate, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && access(candidate, X_OK) == 0
        }
        if program.contains("/") { return executable(program) ? program : nil }
        for folder in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + program
            if executable(candidate) { return candidate }
        }
        return nil
    }
}
