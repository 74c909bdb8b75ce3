import Foundation
import Testing

/// `iaifi open` and the links in `show`, JSON and CSV, through the binary.
@Suite struct OpenCommandTests {
    /// A temporary folder holding `browser`, a script that appends each of
    /// its arguments as a line to `args` (and exits with `status`).
    private func fakeBrowser(status: Int = 0) throws -> (folder: String, script: String, log: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iaifi-open-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = folder + "/browser"
        let log = folder + "/args"
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '\(log)'; done\nexit \(status)\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return (folder, script, log)
    }

    @Test func opensEachPapersLinkWithTheBrowserInTheEnvironment() throws {
        let browser = try fakeBrowser()
        defer { try? FileManager.default.removeItem(atPath: browser.folder) }
        let run = try Run(["open", "2504.00256", "halverson2026nat", "--quiet"], environment: ["BROWSER": browser.script])
        #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty, "\(run.stderr)")
        let arguments = try String(contentsOfFile: browser.log, encoding: .utf8)
        #expect(
            arguments == """
                https://arxiv.org/abs/2504.00256
                https://arxiv.org/search/?query=Naturalness%20and%20Fisher%20Information&searchtype=title

                """)
    }

    @Test func percentSInTheBrowserCommandStandsForTheLink() throws {
        let browser = try fakeBrowser()
        defer { try? FileManager.default.removeItem(atPath: browser.folder) }
        let run = try Run(["open", "2504.00256", "-q"], environment: ["BROWSER": "/no/such/browser:\(browser.script) --new-tab %s --x"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: browser.log, encoding: .utf8) == "--new-tab\nhttps://arxiv.org/abs/2504.00256\n--x\n")
    }

    @Test func printListsTheLinksOnePerLine() throws {
        let run = try Run(["open", "--print", "2504.00256", "halverson2026naturalness", "-q"], environment: ["BROWSER": "/bin/false"])
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(run.stdout == "https://arxiv.org/abs/2504.00256\nhttps://arxiv.org/search/?query=Naturalness%20and%20Fisher%20Information&searchtype=title\n")
    }

    @Test func withoutAnOpenerTheLinksArePrintedWithANote() throws {
        let browser = try fakeBrowser()
        defer { try? FileManager.default.removeItem(atPath: browser.folder) }
        let run = try Run(["open", "2504.00256", "-q"], environment: ["PATH": browser.folder + "/empty"])
        #expect(run.status == 0 && run.stdout == "https://arxiv.org/abs/2504.00256\n")
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains("no xdg-open or open found"))
    }

    @Test func aFailingOpenerIsAnOutputError() throws {
        let browser = try fakeBrowser(status: 3)
        defer { try? FileManager.default.removeItem(atPath: browser.folder) }
        let run = try Run(["open", "2504.00256", "-q"], environment: ["BROWSER": browser.script])
        #expect(run.status == 4 && run.stdout == "https://arxiv.org/abs/2504.00256\n")
        #expect(run.stderr.contains("failed (exit status 3)"))
    }

    @Test func anUnknownOrAmbiguousIdIsAUsageError() throws {
        let browser = try fakeBrowser()
        defer { try? FileManager.default.removeItem(atPath: browser.folder) }
        let unknown = try Run(["open", "nosuchpaper2099", "-q"], environment: ["BROWSER": browser.script])
        #expect(unknown.status == 2 && unknown.stderr.contains("no paper with id 'nosuchpaper2099'"))
        let ambiguous = try Run(["open", "halverson", "-q"], environment: ["BROWSER": browser.script])
        #expect(ambiguous.status == 2 && ambiguous.stderr.contains("is ambiguous"))
        #expect(!FileManager.default.fileExists(atPath: browser.log))
        #expect(try Run(["open"]).status == 2)
    }

    @Test func showJSONAndCSVCarryTheLinks() throws {
        let show = try Run(["show", "2504.00256", "halverson2026naturalness", "-q"])
        #expect(show.stdout.contains("url:       https://arxiv.org/abs/2504.00256\n"))
        #expect(show.stdout.contains("pdf:       https://arxiv.org/pdf/2504.00256\n"))
        // The note that follows the link wraps to the next line, the link itself never.
        #expect(
            show.stdout.contains(
                "url:       https://arxiv.org/search/?query=Naturalness%20and%20Fisher%20Information&searchtype=title\n           (arXiv search"))
        let json = try Run(["show", "2504.00256", "halverson2026naturalness", "--json", "-q"])
        let papers = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(papers[0]["urlKind"] as? String == "arxiv" && papers[0]["pdfUrl"] as? String == "https://arxiv.org/pdf/2504.00256")
        #expect(papers[1]["urlKind"] as? String == "search" && papers[1]["pdfUrl"] is NSNull)
        let csv = try Run(["show", "2504.00256", "--format", "csv", "-q"])
        #expect(
            csv.stdout.hasPrefix(
                "id,title,authors,authorsComplete,authorCount,date,category,keywords,arxivId,comments,upvotes,score,abstract,url,urlKind,pdfUrl\r\n"))
        #expect(csv.stdout.hasSuffix(",https://arxiv.org/abs/2504.00256,arxiv,https://arxiv.org/pdf/2504.00256\r\n"))
    }
}
