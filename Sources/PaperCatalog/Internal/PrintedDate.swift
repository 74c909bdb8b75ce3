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

    private init(month: Int, day: Int, year: Int) {
        self.month = month
        self.day = day
        self.year = year
    }

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
        if let found = singleSpacedSuffix(of: line) { return found }
        let words = line.split(separator: " ")
        guard words.count >= 4, let date = PrintedDate(words: words.suffix(3)), date.year != nil, date.trailingNumber == nil
        else { return nil }
        return (words[..<(words.count - 3)].joined(separator: " "), date)
    }

    /// ``suffix(of:)`` for the usual layout, `<prefix> Mon D, YYYY` with
    /// single spaces, read backwards from the end without splitting the
    /// line; `nil` for any other layout, which the general path then reads.
    private static func singleSpacedSuffix(of line: String) -> (prefix: String, date: PrintedDate)? {
        var line = line
        return line.withUTF8 { bytes -> (String, PrintedDate)? in
            let space = UInt8(ascii: " "), count = bytes.count
            guard count >= 13, bytes[(count - 4)...].allSatisfy(isDigit), bytes[count - 5] == space,
                  bytes[count - 6] == UInt8(ascii: ","), isDigit(bytes[count - 7])
            else { return nil }
            let dayStart = isDigit(bytes[count - 8]) ? count - 8 : count - 7
            let monthStart = dayStart - 4
            guard monthStart >= 2, bytes[dayStart - 1] == space, bytes[monthStart - 1] == space else { return nil }
            let prefix = UnsafeBufferPointer(rebasing: bytes[..<(monthStart - 1)])
            guard prefix.first != space, prefix.last != space,
                  !zip(prefix, prefix.dropFirst()).contains(where: { $0 == space && $1 == space }),
                  let month = monthNames.firstIndex(where: { $0.utf8.elementsEqual(bytes[monthStart..<(monthStart + 3)]) }),
                  let day = Int(String(decoding: bytes[dayStart..<(count - 6)], as: UTF8.self)), (1...31).contains(day),
                  let year = Int(String(decoding: bytes[(count - 4)...], as: UTF8.self))
            else { return nil }
            return (String(decoding: prefix, as: UTF8.self), PrintedDate(month: month + 1, day: day, year: year))
        }
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
