import Testing
@testable import PaperIndex

@Suite struct QueryParserTests {
    private func parse(_ text: String) throws -> Query? { try Query.parse(text) }

    @Test func wordsCombineWithAnd() throws {
        #expect(try parse("dark matter") == .and([.words("dark", field: nil), .words("matter", field: nil)]))
        #expect(try parse("a AND b") == .and([.words("a", field: nil), .words("b", field: nil)]))
        #expect(try parse("") == nil)
    }

    @Test func phrasesFieldsAndRanges() throws {
        #expect(try parse("\"dark matter\"") == .words("dark matter", field: nil))
        #expect(try parse("title:\"normalizing flows\"") == .words("normalizing flows", field: .title))
        #expect(try parse("author:^Tegmark") == .firstAuthor("Tegmark"))
        #expect(try parse("year:2020..2023") == .years(2020...2023))
        #expect(try parse("year:2022..") == .years(2022...9999))
        #expect(try parse("year:..2021") == .years(0...2021))
        #expect(try parse("category:Astrophysics") == .category("Astrophysics"))
        #expect(try parse("diffus*") == .prefix("diffus", field: nil))
        #expect(try parse("su(2)") == .words("su(2)", field: nil))
    }

    @Test func operatorsAndGrouping() throws {
        #expect(try parse("a OR b c") == .or([.words("a", field: nil), .and([.words("b", field: nil), .words("c", field: nil)])]))
        #expect(try parse("(a OR b) c") == .and([.or([.words("a", field: nil), .words("b", field: nil)]), .words("c", field: nil)]))
        #expect(try parse("-a b") == .and([.not(.words("a", field: nil)), .words("b", field: nil)]))
        #expect(try parse("NOT a") == .not(.words("a", field: nil)))
        #expect(try parse("score-based") == .words("score-based", field: nil))
    }

    @Test(arguments: [
        ("\"dark matter", "unbalanced quote"),
        ("(dark", "unbalanced '('"),
        ("dark)", "unbalanced ')'"),
        ("OR", "'OR' needs a term"),
        ("a OR", "'OR' needs a term"),
        ("AND b", "'AND' needs a term"),
        ("NOT", "negation needs a term"),
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
