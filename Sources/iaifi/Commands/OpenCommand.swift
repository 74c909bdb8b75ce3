import PaperCatalog
import PaperIndex

extension CommandSpecs {
    static let open = CommandSpec(
        name: "open", abstract: "Open papers in the browser: the arXiv page, else an arXiv search for the title.",
        arguments: [("<id>...", "Record ids, or unique prefixes of them.")],
        minimumPositionals: 1, maximumPositionals: nil,
        options: [OptionSpec(name: "print", help: "Print the links, one per line, instead of opening them.")] + common,
        examples: ["iaifi open 2504.00256", "iaifi open halverson2026 --print", "BROWSER=lynx iaifi open 2412.10504"])
}

extension Commands {
    /// `open`: each paper's link (``PaperCatalog/Paper/url``) in the browser,
    /// or printed with `--print`, or printed with a note when no opener is
    /// found or the opener fails.
    static func open(_ context: Context, _ console: inout Console) throws -> ExitCode {
        let index = try context.loadIndex(console: &console)
        let urls = try context.arguments.positionals.map { index.papers[try index.resolve(id: $0)].url }
        if context.arguments.has("print") {
            console.print(document: urls.map { $0 + "\n" }.joined())
            return .success
        }
        guard let browser = Browser.find(environment: context.environment) else {
            let variable =
                context.environment["BROWSER"].map { "$BROWSER (\"\($0)\") names no program found; " } ?? "no xdg-open or open found and $BROWSER is not set; "
            console.error("iaifi: \(variable)the link\(urls.count == 1 ? "" : "s") instead:")
            console.print(document: urls.map { $0 + "\n" }.joined())
            return .success
        }
        var failed: [String] = []
        for url in urls {
            if let problem = browser.open(url) {
                console.error("iaifi: \(problem) on \(url)")
                failed.append(url)
            }
        }
        console.print(document: failed.map { $0 + "\n" }.joined())
        return failed.isEmpty ? .success : .outputError
    }
}
