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
        guard line.utf8.count < 120, line.utf8.last.map({ (48...57).contains($0) }) == true else { return nil }
        let words = line.split(separator: " ")
        guard words.count >= 4, let date = PrintedDate(words: words.suffix(3)), date.year != nil, date.trailingNumber == nil
        else { return nil }
        return (words[..<(words.count - 3)].joined(separator: " "), date)
    }

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
