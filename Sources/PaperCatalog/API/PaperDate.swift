/// A calendar date printed as `YYYY-MM-DD`.
public struct PaperDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1 through 9999.
    public var year: Int
    /// The month, 1 (January) through 12.
    public var month: Int
    /// The day of the month, from 1.
    public var day: Int

    /// Creates a date, or returns `nil` when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...PaperDate.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial date takes the
    /// first day (`roundingUp: false`) or last day (`true`) of its span.
    public init?(iso text: some StringProtocol, roundingUp: Bool = false) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.dropFirst().allSatisfy({ $0.count == 2 }),
            let year = Int(parts[0])
        else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : (roundingUp ? 12 : 1)
        guard let month, (1...12).contains(month) else { return nil }
        let day = parts.count > 2 ? Int(parts[2]) : (roundingUp ? PaperDate.days(inMonth: month, year: year) : 1)
        guard let day else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date as `YYYY-MM-DD`, zero-padded.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Orders dates chronologically.
    public static func < (lhs: PaperDate, rhs: PaperDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
