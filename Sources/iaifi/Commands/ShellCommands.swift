import PaperIndex

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
