import Foundation
import Testing

/// `iaifi authors` and `--author` as a user meets them: people counted once
/// whatever the spelling, bibliography forms of a name, and the note about
/// author lists cut short.
@Suite struct AuthorCommandTests {
    @Test func authorsCountPeopleAndShowTheirSpellings() throws {
        let run = try Run(["authors", "--author", "Villar", "--variants", "--format", "tsv", "--top", "2"])
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                15\tVictoria Ashley Villar\tVictoria Ashley Villar; V. Ashley Villar; Ashley Villar; V. A. Villar
                7\tAlexander T. Gagliano\tAlexander T. Gagliano; Alexander Gagliano; Alex Gagliano; A. Gagliano

                """)
        let plain = try Run(["authors", "--author", "Villar", "--format", "tsv", "--top", "1"])
        #expect(plain.stdout == "15\tVictoria Ashley Villar\n")
    }

    @Test func authorsJSONAlwaysHasVariants() throws {
        let run = try Run(["authors", "--json", "--top", "3"])
        let counts = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(counts.count == 3 && counts.allSatisfy { Set($0.keys) == ["value", "count", "variants"] && $0["variants"] is [String] })
        let keywords = try #require(
            try JSONSerialization.jsonObject(with: Data(try Run(["keywords", "--json", "--top", "1"]).stdout.utf8)) as? [[String: Any]])
        #expect(Set(keywords[0].keys) == ["value", "count"])
    }

    @Test func bibliographyFormsFindThePerson() throws {
        let ids = { (arguments: [String]) throws -> [Substring] in
            try Run(["search", "--sort", "date", "--format", "tsv"] + arguments).stdout.split(separator: "\n").map { $0.prefix { $0 != "\t" } }
        }
        let thaler = try ids(["--author", "Jesse Thaler"])
        #expect(thaler.count == 18)
        #expect(try ids(["--author", "Thaler, Jesse"]) == thaler)
        #expect(try ids(["--author", "J. Thaler"]) == thaler)
        #expect(try ids(["author:\"Thaler, J\""]) == thaler)
        #expect(try ids(["--author", "Villar, V. A."]).count == 15)
    }

    @Test func cutAuthorListsAreNotedOnce() throws {
        let run = try Run(["list", "--author", "J. Thaler", "--format", "tsv"])
        let notes = run.stderr.split(separator: "\n").filter { $0.hasPrefix("note:") }
        #expect(
            notes == [
                "note: 385 of 613 records list only their first authors (or none); 385 of them do not name \"J. Thaler\", who may still be among their other authors"
            ])
        let villar = try Run(["search", "--author", "Villar", "--format", "tsv"])
        #expect(villar.stderr.contains("374 of them do not name \"Villar\""))
        let counted = try Run(["authors", "--top", "1"])
        #expect(
            counted.stderr.split(separator: "\n").filter { $0.hasPrefix("note:") }
                == ["note: 385 of the 613 papers counted list only their first authors (or none); their other authors are not counted"])
        // Quiet: nothing on stderr; and nothing to say without an author filter.
        #expect(try Run(["list", "--author", "Thaler", "--quiet", "--format", "tsv"]).stderr.isEmpty)
        #expect(try Run(["authors", "--quiet", "--top", "1"]).stderr.isEmpty)
        #expect(!(try Run(["list", "--keyword", "jets", "--format", "tsv"]).stderr.contains("note:")))
    }
}
