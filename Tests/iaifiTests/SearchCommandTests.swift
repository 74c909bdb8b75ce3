import Foundation
import Testing

/// `iaifi search` as a user types it: bare words, options anywhere, `--`,
/// why each result matched, and the acronyms it learned.
@Suite struct SearchCommandTests {
    private func json(_ run: Run) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    }

    @Test func bareWordsFormOneQueryWithOptionsAnywhere() throws {
        let bare = try Run(["search", "dark", "matter", "--limit", "5"])
        #expect(bare.status == 0 && bare.stdout.split(separator: "\n").count == 5)
        #expect(try Run(["search", "dark matter", "--limit", "5"]).stdout == bare.stdout)
        #expect(try Run(["search", "--limit", "5", "dark", "matter"]).stdout == bare.stdout)
        #expect(try Run(["search", "dark", "--limit", "5", "matter"]).stdout == bare.stdout)
        // Shell quotes do not make a phrase; query quotes do.
        let phrase = try Run(["search", "\"dark matter\"", "--format", "tsv"]).stdout.split(separator: "\n").count
        let words = try Run(["search", "dark", "matter", "--format", "tsv"]).stdout.split(separator: "\n").count
        #expect(phrase < words)
    }

    @Test func doubleDashEndsOptionsAndALeadingDashGetsAHint() throws {
        let hinted = try Run(["search", "-review", "galaxy"])
        #expect(hinted.status == 2 && hinted.stderr.contains("put the query after '--'"))
        let excluded = try json(try Run(["search", "--json", "--", "galaxy", "-simulation"]))
        #expect(!excluded.isEmpty)
        #expect(
            excluded.allSatisfy { paper in
                !["title", "abstract"].contains { ((paper[$0] as? String) ?? "").lowercased().contains("simulation") }
            })
    }

    @Test func emptyAndFunctionWordQueries() throws {
        let empty = try Run(["search", ""])
        #expect(empty.status == 2 && empty.stderr.contains("needs a query or a filter"))
        #expect(try Run(["search", "the", "of", "--limit", "1"]).status == 0)
        let none = try Run(["search", "xyzzyq", "plugh"])
        #expect(none.status == 1 && none.stderr.contains("No papers found."))
    }

    @Test func jsonCarriesMatchesForRankedResultsOnly() throws {
        let hits = try json(try Run(["search", "dark", "matter", "substructure", "--json", "--limit", "5"]))
        #expect(hits.count == 5)
        for hit in hits {
            let matches = try #require(hit["matches"] as? [String: Any])
            let fields = try #require(matches["fields"] as? [String: [String]])
            #expect(!fields.isEmpty && Set(fields.keys).isSubset(of: ["title", "keywords", "authors", "abstract"]))
            #expect(fields.values.joined().allSatisfy { ["dark", "matter", "substructure", "dark matter", "DM"].contains($0) })
            let excerpt = try #require(matches["excerpt"] as? [String: Any])
            let text = Array(try #require(excerpt["text"] as? String).unicodeScalars)
            let highlights = try #require(excerpt["highlights"] as? [[Int]])
            #expect(!highlights.isEmpty)
            for highlight in highlights {
                let word = String(String.UnicodeScalarView(text[highlight[0]..<highlight[1]])).lowercased()
                #expect(["dark", "matter", "substructure", "dm"].contains { word.contains($0) }, "\(word)")
            }
        }
        #expect(try json(try Run(["list", "--json", "--limit", "3"])).allSatisfy { $0["matches"] == nil })
        #expect(try json(try Run(["search", "--keyword", "diffusion models", "--json"])).allSatisfy { $0["matches"] == nil })
        let quiet = try json(try Run(["search", "dark", "matter", "--json", "--limit", "2", "--no-snippets"]))
        #expect(quiet.allSatisfy { ($0["matches"] as? [String: Any])?["excerpt"] is NSNull })
    }

    @Test func tablesShowAnExcerptUnderEachHitAndTSVStaysStable() throws {
        let table = try Run(["search", "strong", "lensing", "--format", "table", "--limit", "3"], environment: ["COLUMNS": "100"])
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 7 && lines[2].hasPrefix("    ") && lines[4].hasPrefix("    "))
        #expect(lines.allSatisfy { $0.count <= 100 } && !table.stdout.contains("\u{1B}"))
        let plain = try Run(["search", "strong", "lensing", "--format", "table", "--limit", "3", "--no-snippets"])
        #expect(plain.stdout.split(separator: "\n").count == 4)
        let tsv = try Run(["search", "strong", "lensing", "--limit", "3"])
        #expect(tsv.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 6 })
    }

    @Test func acronymsListsWhatThePapersDefine() throws {
        let run = try Run(["acronyms", "--format", "json"])
        #expect(run.status == 0)
        let acronyms = try json(run)
        let sbi = try #require(acronyms.first { $0["acronym"] as? String == "SBI" })
        #expect((sbi["expansion"] as? String)?.lowercased() == "simulation-based inference")
        let llm = try #require(acronyms.first { $0["acronym"] as? String == "LLMs" })
        #expect((llm["expansion"] as? String)?.lowercased() == "large language models" && (llm["count"] as? Int ?? 0) >= 10)
        let counts = acronyms.compactMap { $0["count"] as? Int }
        #expect(counts == counts.sorted(by: >))
        #expect(try Run(["acronyms", "--top", "5", "--format", "tsv"]).stdout.split(separator: "\n").count == 5)
    }
}
