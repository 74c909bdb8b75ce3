import Foundation
import Testing

/// `--template`: one line per paper, `{field}` filled in with the field's
/// plain text, escapes for tabs, line breaks, backslashes and braces.
@Suite struct TemplateOptionTests {
    private let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/inputs/control-characters.txt").path

    @Test func fillsInEachPlaceholderOncePerPaper() throws {
        let run = try Run(["show", "udrescu2019ai", "--template", #"{id}\t{title} ({year})"#])
        #expect(run.stdout == "udrescu2019ai\tAI Feynman: a Physics-Inspired Method for Symbolic Regression (2019)\n", "\(run.stderr)")
        let list = try Run(["list", "--limit", "5", "--template", "{id}"])
        #expect(list.stdout.split(separator: "\n").count == 5 && !list.stdout.contains("\t"))
    }

    @Test func escapesAndLiteralBraces() throws {
        let run = try Run(["show", "udrescu2019ai", "--template", #"{{{id}}}\n\\{upvotes}|"#])
        // `upvotes` is null for this paper: nothing.
        #expect(run.stdout == "{udrescu2019ai}\n\\|\n", "\(run.stderr)")
    }

    @Test func listsAreJoinedAsInCSV() throws {
        let template = try Run(["show", "udrescu2019ai", "--template", "{authors}|{keywords}"]).stdout
        let csv = try Run(["show", "udrescu2019ai", "--format", "tsv", "--fields", "authors,keywords"]).stdout
        #expect(template == csv.replacingOccurrences(of: "\t", with: "|") && template.contains("Silviu-Marian Udrescu; Max Tegmark"))
    }

    @Test func anUnknownPlaceholderIsAUsageErrorWithTheNearestName() throws {
        let run = try Run(["list", "--template", "{id} {titel}"])
        #expect(run.status == 2 && run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: unknown field 'titel' in '--template'; did you mean 'title'?"), "\(run.stderr)")
    }

    @Test func unbalancedBracesAndUnknownEscapesAreUsageErrors() throws {
        let unclosed = try Run(["list", "--template", "{id} {title"])
        #expect(unclosed.status == 2 && unclosed.stderr.contains("unclosed '{title' in '--template'"), "\(unclosed.stderr)")
        let unopened = try Run(["list", "--template", "{id} }"])
        #expect(unopened.status == 2 && unopened.stderr.contains("unmatched '}'"))
        let escape = try Run(["list", "--template", #"{id}\x"#])
        #expect(escape.status == 2 && escape.stderr.contains(#"unknown escape '\x'"#))
    }

    @Test func isAFormatOfItsOwn() throws {
        for other in [["--format", "csv"], ["--json"], ["--fields", "id"]] {
            let run = try Run(["list", "--template", "{id}"] + other)
            #expect(run.status == 2 && run.stderr.contains("'--template' cannot be combined with '\(other[0])'"), "\(run.stderr)")
        }
    }

    /// Values keep their lines as TSV cells do (tabs and line breaks become
    /// spaces); in a pipe they are otherwise exact, on a terminal the
    /// characters a terminal acts on are replaced.
    @Test func valuesAreSafeAsInTSV() throws {
        let piped = try Run(["list", "--data", fixture, "--template", "{title}|{abstract}"])
        #expect(piped.stdout.contains("\u{1B}[31mRed") && piped.stdout.split(separator: "\n").count == 1)
        let shown = try Run(["list", "--data", fixture, "--quiet", "--template", "{title}|{abstract}"], onTerminal: true)
        #expect(!shown.stdout.contains("\u{1B}") && !shown.stdout.contains("\u{202E}") && shown.stdout.contains("Red"))
    }
}
