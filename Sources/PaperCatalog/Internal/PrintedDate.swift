/// A date as listing pages print it: `Mar 2, 2026`, `Jan 3`, optionally
/// followed by a number (the Hugging Face upvote count: `Mar 11 1`).
struct PrintedDate: Equatable {
    var month: Int
    var day: Int
    /// `nil` when the page left the year out.
    var year: Int?
    /// A trailing count after the date, if any.
    var trailingNumber: Int?

    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// Parses a whole line such as `Oct 25, 2023` or `Apr 25, 2025 2`.
    init?(line: String) {
        self.init(words: line.split(separator: " "))
    }

    private init?(words: some Collection<Substring>) {
        guard (2...4).contains(words.count), let month = Self.month(words.first!) else { return nil }
        var rest = words.dropFirst()
        var dayWord = rest.removeFirst()
        let hasComma = dayWord.hasSuffix(",")
        if hasComma { dayWord = dayWord.dropLast() }
        guard let day = Self.number(dayWord, digits: 1...2), (1...31).contains(day) else { return nil }
        self.month = month
        self.day = day
        if hasComma {
            guard let yearWord = rest.first, let year = Self.number(yearWord, digits: 4...4) else { return nil }
            self.year = year
            rest = rest.dropFirst()
        }
        if let last = rest.first {
            guard rest.count == 1, let count = Self.number(last, digits: 1...9) else { return nil }
            trailingNumber = count
        }
    }

    /// Finds a trailing ` Mon D, YYYY` in `line`; returns the date and the text before it.
    static func suffix(of line: String) -> (prefix: String, date: PrintedDate)? {
        // Every accepted line ends in `,` + spaces + four digits: a test
        // that turns away other lines (a title ending in a number) cheaply.
        let utf8 = line.utf8
        guard utf8.count < 120, utf8.count > 5, utf8.suffix(4).allSatisfy(isDigit),
            utf8.dropLast(4).last == UInt8(ascii: " "),
            utf8.dropLast(5).last(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: ",")
        else { return nil }
        // The date is the last three words. Usually the line is single-spaced
        // and only those are split off; otherwise the whole line is split.
        let prefix: String
        let tail: [Substring]
        if let usual = singleSpacedParts(of: line) {
            (prefix, tail) = usual
        } else {
            let words = line.split(separator: " ")
            guard words.count >= 4 else { return nil }
            (prefix, tail) = (words.dropLast(3).joined(separator: " "), Array(words.suffix(3)))
        }
        guard let date = PrintedDate(words: tail), date.year != nil, date.trailingNumber == nil else { return nil }
        return (prefix, date)
    }

    /// `<prefix> <w1> <w2> <w3>` with single spaces and a non-empty prefix:
    /// the prefix and the last three words; `nil` for any other layout.
    private static func singleSpacedParts(of line: String) -> (prefix: String, tail: [Substring])? {
        let utf8 = line.utf8
        var cut = utf8.endIndex
        for _ in 0..<3 {
            guard let space = utf8[..<cut].lastIndex(of: UInt8(ascii: " ")) else { return nil }
            cut = space
        }
        let prefix = line[..<cut]
        let tail = line[utf8.index(after: cut)...].split(separator: " ", omittingEmptySubsequences: false)
        guard !prefix.isEmpty, !prefix.hasPrefix(" "), !prefix.hasSuffix(" "), !prefix.contains("  "),
            !tail.contains(where: \.isEmpty)
        else { return nil }
        return (String(prefix), tail)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

    /// The date with `year` filled in, if that day exists.
    func resolved(year fallback: Int?) -> PaperDate? {
        guard let year = year ?? fallback else { return nil }
        return PaperDate(year: year, month: month, day: day)
    }

    private static func month(_ word: Substring) -> Int? {
        monthNames.firstIndex { $0 == word }.map { $0 + 1 }
    }

    private static func number(_ word: Substring, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(word.utf8.count), word.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(word)
    }
}
