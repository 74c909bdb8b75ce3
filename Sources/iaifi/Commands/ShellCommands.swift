import PaperIndex

/// The interfaces of the commands that describe `iaifi` itself to a shell:
/// completion scripts, the man page, and the hidden helper the scripts call.
extension CommandSpecs {
    static let completions = CommandSpec(
        name: "completions", abstract: "Print a completion script for bash, zsh or fish.",
        arguments: [("<shell>", Shell.allCases.map(\.rawValue).joined(separator: ", ") + ".")],
        minimumPositionals: 1, maximumPositionals: 1,
        examples: [
            "iaifi completions bash > ~/.local/share/bash-completion/completions/iaifi",
            "iaifi completions zsh > ~/.zfunc/_iaifi",
            "iaifi completions fish > ~/.config/fish/completions/iaifi.fish",
        ])

    static let manpage = CommandSpec(
        name: "manpage", abstract: "Print the manual page iaifi(1) in roff.",
        examples: ["iaifi manpage > ~/.local/share/man/man1/iaifi.1", "iaifi manpage | man -l -"])

    /// `iaifi __complete categories`: the values a completion script offers.
    static let complete = CommandSpec(
        name: "__complete", abstract: "Print the catalog's values of one facet, one per line, for the completion scripts.",
        arguments: [("<facet>", Facet.allCases.map(\.rawValue).joined(separator: ", ") + ".")],
        minimumPositionals: 1, maximumPositionals: 1,
        options: common,
        hidden: true)
}

/// `completions`, `manpage` and the hidden `__complete`.
extension Commands {
    static func completions(_ context: Context, _ console: inout Console) throws(UsageError) -> ExitCode {
        let name = context.arguments.positionals[0]
        guard let shell = Shell(rawValue: name) else {
            let names = Shell.allCases.map(\.rawValue)
            let hint = Suggestion.nearest(to: name, in: names).map { "; did you mean '\($0)'?" } ?? ""
            throw UsageError(message: "'completions' takes one of \(names.joined(separator: ", ")); got '\(name)'\(hint)")
        }
        console.print(document: Completions.script(for: shell))
        return .success
    }

    static func manpage(_ console: inout Console) -> ExitCode {
        console.print(document: ManPage.render())
        return .success
    }

    /// Every value of a facet among all papers, most frequent first, one per
    /// line; values that could not sit on one line of a script are left out.
    static func catalogValues(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let name = context.arguments.positionals[0]
        guard let facet = Facet(rawValue: name) else {
            let names = Facet.allCases.map(\.rawValue)
            throw UsageError(message: "'__complete' takes one of \(names.joined(separator: ", ")); got '\(name)'")
        }
        let index = try context.loadIndex(console: &console)
        let counts = try index.count(facet).rows
        let values = counts.compactMap(\.value).filter { !$0.isEmpty && !$0.unicodeScalars.contains { $0.properties.generalCategory == .control } }
        console.print(document: values.map { $0 + "\n" }.joined())
        return .success
    }
}
