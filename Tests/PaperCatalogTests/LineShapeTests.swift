import Testing

@testable import PaperCatalog

/// The line-level readers shared by the dump formats, on hand-made lines,
/// including the layouts their fast paths hand to the general one.
@Suite struct LineShapeTests {
    @Test(arguments: [
        ("Astrophysics Mar 2, 2024", "Astrophysics", 3, 2, 2024),
        ("Theoretical Physics Oct 25, 2023", "Theoretical Physics", 10, 25, 2023),
        ("Foundational AI Jan 05, 2022", "Foundational AI", 1, 5, 2022),
        // Not single-spaced: read by splitting into words, spaces collapsed.
        ("Foundational  AI Mar 2, 2024", "Foundational AI", 3, 2, 2024),
        ("Astrophysics Mar 2,  2024", "Astrophysics", 3, 2, 2024),
        ("  Astrophysics   Dec 31, 1999", "Astrophysics", 12, 31, 1999),
    ])
    func headerDate(line: String, prefix: String, month: Int, day: Int, year: Int) throws {
        let found = try #require(PrintedDate.suffix(of: line))
        #expect(found.prefix == prefix)
        #expect(found.date.month == month && found.date.day == day && found.date.year == year)
        #expect(found.date.trailingNumber == nil)
    }

    @Test(arguments: [
        "Mar 2, 2024",  // no category before the date
        "Astrophysics Mar 32, 2024",  // no such day
        "Astrophysics Foo 2, 2024",  // no such month
        "Astrophysics Mar 2 2024",  // no comma after the day
        "Astrophysics Mar 2, 24",  // two-digit year
        "Stellar streams in 7306",  // a title ending in a number
        "Astrophysics Mar 2, 2024 12",  // a trailing count
    ])
    func notAHeaderDate(line: String) {
        #expect(PrintedDate.suffix(of: line) == nil)
    }

    @Test func authorListSplitsOnCommasAndAnd() {
        let list = AuthorList("Ada Lovelace, Alan Turing and Grace Hopper, and Emmy Noether")
        #expect(list.names == ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Emmy Noether"])
        #expect(!list.truncated)
    }

    @Test func authorListDropsEtAlAndEmptyNames() {
        let list = AuthorList("  Jürgen Müller, , 12, Sandy Anderson et al. ")
        #expect(list.names == ["Jürgen Müller", "Sandy Anderson"])
        #expect(list.truncated)
    }

    @Test func authorListKeepsAndInsideNames() {
        // " and " separates; "and" inside a word does not.
        #expect(AuthorList("Randall Anders, Candace Andrews").names == ["Randall Anders", "Candace Andrews"])
        #expect(AuthorList("MicroBooNE collaboration").names == ["MicroBooNE collaboration"])
    }
}
