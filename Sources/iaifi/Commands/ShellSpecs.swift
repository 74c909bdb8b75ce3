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
