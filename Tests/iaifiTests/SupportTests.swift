import Testing

@testable import iaifi

@Suite struct ArgumentParserTests {
    private let spec = CommandSpec(
        name: "demo", abstract: "Demo.", arguments: [("[<query>]", "Query.")], maximumPositionals: 1,
        options: [
            OptionSpec(name: "keyword", short: "k", value: "<tag>", help: "Tag.", repeatable: true),
            OptionSpec(name: "limit", value: "<n>", help: "Limit."),
            OptionSpec(name: "json", help: "JSON."),
        ])

    @Test func parsesOptionsFlagsAndPositionals() throws {
        let parsed = try ParsedArguments.parse(["dark matter", "-k", "a", "--keyword=b", "--json", "--limit", "5"], for: spec)
        #expect(parsed.positionals == ["dark matter"])
        #expect(parsed.all("keyword") == ["a", "b"])
        #expect(parsed.has("json"))
        #expect(try parsed.integer("limit") == 5)
    }

    @Test func doubleDashEndsOptions() throws {
        #expect(try ParsedArguments.parse(["--", "--json"], for: spec).positionals == ["--json"])
    }

    @Test func errorsNameTheArgument() {
        #expect(throws: UsageError(message: "unknown option '--keywrd'; did you mean '--keyword'?")) {
            _ = try ParsedArguments.parse(["--keywrd", "x"], for: spec)
        }
        #expect(throws: UsageError(message: "missing value for '--limit'")) { _ = try ParsedArguments.parse(["--limit"], for: spec) }
        #expect(throws: UsageError(message: "'--limit' given more than once")) {
            _ = try ParsedArguments.parse(["--limit", "1", "--limit", "2"], for: spec)
        }
        #expect(throws: UsageError(message: "unexpected argument 'b'")) { _ = try ParsedArguments.parse(["a", "b"], for: spec) }
        #expect(throws: UsageError(message: "'--json' takes no value")) { _ = try ParsedArguments.parse(["--json=1"], for: spec) }
        #expect(throws: UsageError.self) { _ = try ParsedArguments.parse(["--limit", "x"], for: spec).integer("limit") }
    }

    @Test func helpHasTheSections() {
        #expect(spec.help.contains("OVERVIEW: Demo.") && spec.help.contains("USAGE: iaifi demo [<query>]") && spec.help.contains("-k, --keyword <tag>"))
    }
}

@Suite struct TableLayoutTests {
    @Test func fitsTheWidthByCuttingFlexibleColumns() {
        let layout = TableLayout(columns: [.init(title: "ID"), .init(title: "TITLE", flexible: true)])
        let lines = layout.render([["abc", String(repeating: "x", count: 100)]], width: 40)
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines[1].hasPrefix("abc  ") && lines[1].hasSuffix("…"))
    }

    @Test func keepsShortTablesWhole() {
        let lines = TableLayout(columns: [.init(title: "A"), .init(title: "B", flexible: true)]).render([["1", "two"]], width: 80)
        #expect(lines == ["A  B", "1  two"])
    }

    @Test func narrowTerminalsGetTheNarrowestLayout() {
        let lines = TableLayout(columns: [.init(title: "ID"), .init(title: "TITLE", flexible: true)]).render(
            [["abc", String(repeating: "x", count: 100)]], width: 10)
        #expect(lines[1].count == TableLayout.narrowest && lines.allSatisfy { $0.count <= TableLayout.narrowest })
    }

    @Test func columnsThatMayGoGoInTheirOrder() {
        let layout = TableLayout(columns: [
            .init(title: "ID"), .init(title: "B", flexible: true, minimumWidth: 10, dropOrder: 2),
            .init(title: "C", flexible: true, minimumWidth: 10, dropOrder: 1), .init(title: "T", flexible: true, minimumWidth: 15),
        ])
        let row = [String(repeating: "i", count: 20), String(repeating: "b", count: 30), String(repeating: "c", count: 30), String(repeating: "t", count: 30)]
        #expect(layout.render([row], width: 60)[0].split(separator: " ") == ["ID", "B", "T"])
        #expect(layout.render([row], width: 45)[0].split(separator: " ") == ["ID", "T"])
        #expect(layout.render([row], width: 200)[0].split(separator: " ") == ["ID", "B", "C", "T"])
    }

    @Test func escapesNeverReachTheTerminal() {
        let lines = TableLayout(columns: [.init(title: "T", flexible: true)]).render([["evil\u{1B}[31mred\u{07}"]], width: 80)
        #expect(!lines[1].contains("\u{1B}") && !lines[1].contains("\u{07}"))
    }
}

@Suite struct OutputTests {
    @Test func jsonEscapesControlCharacters() {
        #expect(JSON.string("a\"b\\c\n\u{1B}").text == "\"a\\\"b\\\\c\\n\\u001b\"")
    }

    @Test func jsonEscapesOnlyWhatTerminalsActOn() {
        #expect(JSON.string("naïve 東京 ∫ \u{202E}x\u{E0041}").text == "\"naïve 東京 ∫ \\u202ex\\udb40\\udc41\"")
    }

    /// The ranges that skip the category table hold every format character.
    @Test func terminalActedOnCharactersMatchTheCategoryTable() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 || scalar.properties.generalCategory == .format
            #expect(scalar.isActedOnByTerminals == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test func tsvCellsLoseOnlyTabsAndLineBreaks() {
        #expect("a\tb\nc\u{2028}d\u{85}e é".tsvCell == "a b c d e é")
        #expect("plain — text".tsvCell == "plain — text")
    }

    @Test func csvQuotesAndDefusesFormulas() {
        #expect(CSV.cell("plain") == "plain")
        #expect(CSV.cell("a,b") == "\"a,b\"")
        #expect(CSV.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.cell("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSV.cell("-1+2") == "'-1+2")
        #expect(CSV.cell("a \"b\", \"c\"") == "\"a \"\"b\"\", \"\"c\"\"\"")
        #expect(CSV.cell("line\r\nbreak é") == "\"line\r\nbreak é\"")
    }
}
