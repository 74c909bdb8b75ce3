import Foundation
import Testing

/// `--fields` chooses the JSON keys, CSV and TSV columns of every command
/// that prints papers, in the order given; the names are the JSON keys.
@Suite struct FieldsOptionTests {
    private func objects(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func jsonHasExactlyTheseKeysInThisOrder() throws {
        let run = try Run(["list", "--limit", "3", "--format", "json", "--fields", "url,id,year"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("[{\"url\":\"https://"))
        let papers = try objects(run.stdout)
        #expect(papers.count == 3 && papers.allSatisfy { Set($0.keys) == ["url", "id", "year"] })
        #expect(papers.allSatisfy { $0["year"] is Int })
        let keys = run.stdout.split(separator: "\n")[0].matches(of: /"(url|id|year)":/).map { String($0.output.1) }
        #expect(keys.prefix(3) == ["url", "id", "year"])
    }

    @Test func jsonLinesTooAndAbsentValuesAreNull() throws {
        let run = try Run(["list", "--limit", "2", "--format", "jsonl", "--fields", "id, score"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.hasPrefix("{\"id\":\"") && $0.hasSuffix(",\"score\":null}") })
    }

    @Test func yearIsAFieldButNotInTheDefaultObject() throws {
        let run = try Run(["list", "--limit", "1", "--json"])
        #expect(try objects(run.stdout)[0]["year"] == nil)
    }

    @Test func csvHasThatHeaderAndThoseColumns() throws {
        let run = try Run(["search", "dark", "matter", "--limit", "2", "--format", "csv", "--fields", "id,authors,score"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 3 && lines[0] == "id,authors,score")
        // Lists joined by "; " as in the default CSV; scores with two decimals.
        #expect(lines[1].contains("; ") && lines[1].wholeMatch(of: /[^,]+,[^,]+,\d+\.\d\d/) != nil, "\(lines[1])")
    }

    @Test func tsvHasThoseColumnsAndNoHeader() throws {
        let run = try Run(["list", "--category", "Astrophysics", "--limit", "4", "--fields", "id,category,keywords"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 4 && rows.allSatisfy { $0.count == 3 && $0[1] == "Astrophysics" })
    }

    @Test func showAndRelatedTakeFieldsToo() throws {
        let show = try Run(["show", "udrescu2019ai", "--fields", "title,date"])
        #expect(show.stdout == "AI Feynman: a Physics-Inspired Method for Symbolic Regression\t2019-05-27\n", "\(show.stderr)")
        let related = try Run(["related", "udrescu2019ai", "--limit", "2", "--format", "jsonl", "--fields", "id,sharedAuthors"])
        #expect(related.stdout.split(separator: "\n").count == 2 && related.stdout.contains("\"sharedAuthors\":[\"Max Tegmark\"]"))
    }

    @Test func anUnknownFieldIsAUsageErrorWithTheNearestName() throws {
        let run = try Run(["list", "--format", "csv", "--fields", "id,titel"])
        #expect(run.status == 2 && run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: unknown field 'titel' in '--fields'; did you mean 'title'?"), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: iaifi list"))
    }

    @Test func tablesAndBibTeXDoNotTakeFields() throws {
        for format in ["table", "bibtex"] {
            let run = try Run(["list", "--format", format, "--fields", "id"])
            #expect(run.status == 2 && run.stderr.contains("'--fields' applies to json, jsonl, csv and tsv; got '--format \(format)'"), "\(run.stderr)")
        }
        let text = try Run(["show", "udrescu2019ai", "--format", "text", "--fields", "id"])
        #expect(text.status == 2)
    }

    @Test func fieldsAndTemplateAreInHelpCompletionsAndManPage() throws {
        let help = try Run(["list", "--help"]).stdout
        #expect(help.contains("--fields <fields>") && help.contains("--template <text>"))
        let zsh = try Run(["completions", "zsh"]).stdout
        #expect(zsh.contains("--fields") && zsh.contains("--template"))
        let manual = try Run(["manpage"]).stdout
        #expect(manual.contains("fields") && manual.contains("template"))
    }
}
