import Testing

@testable import PaperIndex

@Suite struct QueryParserTests {
    private func parse(_ text: String) throws -> Query? { try Query.parse(text) }

    private func word(_ text: String) -> Query { .word(text, field: nil) }
    private func should(_ query: Query) -> Query.Clause { Query.Clause(.should, query) }
    private func must(_ query: Query) -> Query.Clause { Query.Clause(.must, query) }

    @Test func bareWordsAreOptionalClauses() throws {
        #expect(try parse("dark matter") == .clauses([should(word("dark")), should(word("matter"))]))
        #expect(try parse("dark") == word("dark"))
        #expect(try parse("") == nil)
    }

    @Test func plusAndExplicitAndMakeWordsRequired() throws {
        #expect(try parse("+dark matter") == .clauses([must(word("dark")), should(word("matter"))]))
        #expect(try parse("a AND b c") == .clauses([must(word("a")), must(word("b")), should(word("c"))]))
        #expect(try parse("a OR b c") == .clauses([should(word("a")), should(word("b")), should(word("c"))]))
    }

    @Test func phrasesFieldsAndRangesNarrow() throws {
        #expect(try parse("\"dark matter\"") == .phrase("dark matter", field: nil))
        #expect(try parse("\"dark matter\" halo") == .clauses([must(.phrase("dark matter", field: nil)), should(word("halo"))]))
        #expect(try parse("title:\"normalizing flows\"") == .phrase("normalizing flows", field: .title))
        #expect(try parse("title:flow lattice") == .clauses([must(.word("flow", field: .title)), should(word("lattice"))]))
        #expect(try parse("author:^Tegmark") == .firstAuthor("Tegmark"))
        #expect(try parse("year:2020..2023") == .years(2020...2023))
        #expect(try parse("year:2022..") == .years(2022...9999))
        #expect(try parse("year:..2021") == .years(0...2021))
        #expect(try parse("category:Astrophysics") == .category("Astrophysics"))
        #expect(try parse("diffus*") == .prefix("diffus", field: nil))
        #expect(try parse("su(2)") == word("su(2)"))
        #expect(try parse("score-based") == word("score-based"))
    }

    @Test func negationAndGrouping() throws {
        #expect(try parse("(a OR b) c") == .clauses([should(.clauses([should(word("a")), should(word("b"))])), should(word("c"))]))
        #expect(try parse("-a b") == .clauses([Query.Clause(.mustNot, word("a")), should(word("b"))]))
        #expect(try parse("NOT a") == .clauses([Query.Clause(.mustNot, word("a"))]))
    }

    @Test(arguments: [
        ("\"dark matter", "unbalanced quote"),
        ("(dark", "unbalanced '('"),
        ("dark)", "unbalanced ')'"),
        ("OR", "'OR' needs a term"),
        ("a OR", "'OR' needs a term"),
        ("AND b", "'AND' needs a term"),
        ("NOT", "negation needs a term"),
        ("+", "'+' needs a term"),
        ("-", "negation needs a term"),
        ("a - b", "negation needs a term"),
        ("()", "empty parentheses"),
        ("tilte:flow", "did you mean 'title:'"),
        ("year:20x", "'year:' takes"),
        ("title:", "needs a value"),
    ])
    func malformedQueriesGetClearErrors(query: String, message: String) {
        #expect {
            _ = try Query.parse(query)
        } throws: { error in
            (error as? QueryError)?.message.contains(message) == true
        }
    }

    @Test func hugeAndDeepQueriesAreRejectedNotCrashed() {
        #expect(throws: QueryError.self) { _ = try Query.parse(String(repeating: "a ", count: 600_000)) }
        #expect(throws: QueryError.self) { _ = try Query.parse(String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000)) }
    }
}
