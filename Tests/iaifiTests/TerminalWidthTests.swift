import Foundation
import Testing

@testable import iaifi

/// Tables and records fit the terminal: no line wider than `COLUMNS`
/// (measured in terminal columns), ids and dates never cut, wide and
/// combining characters aligned.
@Suite struct TerminalWidthTests {
    private let wide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/inputs/wide-characters.txt").path

    static let commands: [[String]] = [
        ["list"], ["search", "dark", "matter"], ["list", "--category", "Astrophysics"], ["related", "udrescu2019ai"],
        ["authors"], ["authors", "--variants"], ["keywords"], ["years"], ["categories"], ["categories", "--inferred"],
    ]

    @Test(arguments: [60, 80, 120])
    func noTableLineIsWiderThanTheTerminal(columns: Int) throws {
        for command in Self.commands {
            let run = try Run(command + ["--format", "table", "--quiet"], environment: ["COLUMNS": String(columns)])
            #expect(run.status == 0, "\(command) \(run.stderr)")
            let wide = run.stdout.split(separator: "\n").filter { String($0).displayWidth > columns }
            #expect(wide.isEmpty, "\(command) at \(columns): \(wide.first ?? "")")
        }
    }

    @Test(arguments: [40, 60, 80])
    func idsAndDatesAreNeverCut(columns: Int) throws {
        let ids = try Run(["list", "--format", "tsv", "--fields", "id"]).stdout.split(separator: "\n")
        let table = try Run(["list", "--format", "table"], environment: ["COLUMNS": String(columns)]).stdout.split(separator: "\n")
        #expect(zip(ids, table.dropFirst()).allSatisfy { id, line in line.hasPrefix(id + " ") })
        if columns >= 80 { #expect(table.dropFirst().allSatisfy { $0.contains(/\s\s\d{4}-\d\d-\d\d\s\s/) }) }
    }

    @Test func aColumnEveryRowSharesIsLeftOut() throws {
        let one = try Run(["list", "--category", "Astrophysics", "--format", "table"], environment: ["COLUMNS": "200"]).stdout
        #expect(!one.contains("CATEGORY") && one.contains("TITLE"))
        let all = try Run(["list", "--format", "table"], environment: ["COLUMNS": "200"]).stdout
        #expect(all.contains("CATEGORY"))
    }

    /// Wide (CJK, fullwidth, Hangul, emoji) and combining characters take
    /// the columns a terminal gives them: the AUTHORS column starts at the
    /// same column on every line.
    @Test(arguments: [60, 80])
    func wideAndCombiningCharactersStayAligned(columns: Int) throws {
        let run = try Run(["list", "--data", wide, "--format", "table"], environment: ["COLUMNS": String(columns)])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4 && lines.allSatisfy { $0.displayWidth <= columns })
        let starts = lines.map { line in line.range(of: "  ", options: .backwards).map { String(line[..<$0.upperBound]).displayWidth } }
        #expect(Set(starts).count == 1, "\(lines)")
    }

    @Test func showWrapsLongFieldsWithAHangingIndent() throws {
        let run = try Run(["show", "2504.00256", "udrescu2019ai"], environment: ["COLUMNS": "60"])
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        // Only an unbreakable word (a URL) may stand out.
        #expect(lines.filter { String($0).displayWidth > 60 }.allSatisfy { !$0.dropFirst(11).contains(" ") || $0.contains("https://") })
        let authors = try #require(lines.firstIndex { $0.hasPrefix("authors:") })
        #expect(lines[authors + 1].hasPrefix(String(repeating: " ", count: 11)) && lines[authors + 1].dropFirst(11).first != " ")
    }
}

@Suite struct DisplayWidthTests {
    @Test func countsTheColumnsATerminalGives() {
        #expect("abc".displayWidth == 3)
        #expect("日本語".displayWidth == 6)
        #expect("ｆｕｌｌ".displayWidth == 8)
        #expect("한국어".displayWidth == 6)
        #expect("Cafe\u{301}".displayWidth == 4)
        #expect("a\u{200B}b\u{200D}c".displayWidth == 3)
        #expect("🚀".displayWidth == 2)
        #expect("☺\u{FE0F}".displayWidth == 2)
        #expect("\u{1100}\u{1161}".displayWidth == 2)
        #expect("é…".displayWidth == 2)
    }

    @Test func cutsByColumnsNotCharacters() {
        #expect(TableLayout.fit("日本語のタイトル", 7) == "日本語…")
        #expect(TableLayout.fit("Cafe\u{301} society", 6) == "Cafe\u{301} …")
        #expect("日本語".prefix(columns: 5) == "日本")
    }
}
