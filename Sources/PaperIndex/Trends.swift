import Foundation
import PaperCatalog
import TextNormalization

/// Years, each bound optional: `2024`, `2019..2022`, `2024..`, `..2020`.
public struct YearSpan: Equatable, Sendable, CustomStringConvertible {
    /// The first year, or `nil` for no lower bound.
    public var lower: Int?
    /// The last year, inclusive, or `nil` for no upper bound.
    public var upper: Int?

    /// A span from `lower` through `upper`; a `nil` bound is open.
    public init(lower: Int?, upper: Int?) {
        self.lower = lower
        self.upper = upper
    }

    /// Reads `YYYY`, `YYYY..YYYY`, `YYYY..` or `..YYYY`; `nil` otherwise
    /// (or when the bounds are reversed).
    public init?(_ text: String) {
        func year(_ part: Substring) -> Int?? {
            if part.isEmpty { return .some(nil) }
            guard part.count == 4, part.allSatisfy(\.isASCII), let value = Int(part), value > 0 else { return nil }
            return .some(value)
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 1 {
            guard let value = year(parts[0]), let value else { return nil }
            self.init(lower: value, upper: value)
            return
        }
        guard parts.count == 3, parts[1].isEmpty, let lower = year(parts[0]), let upper = year(parts[2]),
            lower != nil || upper != nil
        else { return nil }
        if let lower, let upper, lower > upper { return nil }
        self.init(lower: lower, upper: upper)
    }

    /// The span as typed: `2024`, `2019..2022`, `2024..` or `..2020`.
    public var description: String {
        if let lower, lower == upper { return String(lower) }
        return "\(lower.map(String.init) ?? "")..\(upper.map(String.init) ?? "")"
    }
}

/// What `trends` compares: tags, or words of titles and abstracts.
public enum TrendSource: String, Sendable {
    /// Keyword tags, unified as the facet counts unify them.
    case tags
    /// Title and abstract words, as search terms (stemmed: `galaxy` and
    /// `galaxies` are one), shown in their most frequent spelling; stop
    /// words, words under three letters and numbers left out.
    case words
}

/// The test a change must pass to be reported.
public struct TrendGuard: Equatable, Sendable {
    /// Least papers with the term, both periods together.
    public var minimumCount = 5
    /// Least |z| of the two-proportion z-test: 1.96 is p < 0.05 two-sided,
    /// 2.58 p < 0.01, 3.29 p < 0.001.
    public var minimumZ = 1.96

    /// The two-sided p-value of ``minimumZ`` under the normal
    /// distribution, `erfc(z / √2)`: the share of unchanged terms expected
    /// to pass by chance alone.
    public var pValue: Double { erfc(minimumZ / 2.0.squareRoot()) }

    /// A guard asking for `minimumCount` papers and `|z| ≥ minimumZ`.
    public init(minimumCount: Int = 5, minimumZ: Double = 1.96) {
        self.minimumCount = minimumCount
        self.minimumZ = minimumZ
    }
}

/// A term whose share of papers changed between two periods.
public struct Trend: Equatable, Sendable {
    /// The tag's exact key, or the word's search term (its stem).
    public var id: String
    /// The tag as the newest paper spells it, or the word's most frequent spelling.
    public var label: String
    /// Papers with the term in the earlier period.
    public var before: Int
    /// Papers with the term in the later period.
    public var after: Int
    /// `before / papers in the earlier period`.
    public var beforeShare: Double
    /// `after / papers in the later period`.
    public var afterShare: Double
    /// `afterShare − beforeShare`.
    public var change: Double { afterShare - beforeShare }
    /// The two-proportion z statistic (positive: rose).
    public var z: Double
    /// Papers with the term in each year of ``TrendReport/years``.
    public var perYear: [Int]
}

/// Terms whose share of papers rose or fell most between two periods.
public struct TrendReport: Equatable, Sendable {
    /// Whether tags or title and abstract words were compared.
    public var source: TrendSource
    /// The earlier period, as resolved against the selection's years.
    public var before: ClosedRange<Int>
    /// The later period, after ``before`` ends.
    public var after: ClosedRange<Int>
    /// From the first year of either period to the last.
    public var years: ClosedRange<Int>
    /// Selected papers dated in each year of ``years``.
    public var papersPerYear: [Int]
    /// Selected papers dated in the earlier period.
    public var beforePapers: Int
    /// Selected papers dated in the later period.
    public var afterPapers: Int
    /// The test the reported trends passed.
    public var test: TrendGuard
    /// Terms with at least ``TrendGuard/minimumCount`` papers: those tested.
    public var tested: Int
    /// Share rose, passing the guard; largest rise first.
    public var rising: [Trend]
    /// Share fell, passing the guard; largest fall first.
    public var falling: [Trend]
}

/// Periods that cannot be compared.
public enum TrendError: Error, Equatable, CustomStringConvertible {
    /// The selection has no dated papers.
    case noDatedPapers
    /// The periods share a year (or the earlier starts after the later).
    case overlapping(before: String, after: String)
    /// A period has no selected papers.
    case emptyPeriod(name: String, span: String, years: ClosedRange<Int>)

    /// The problem in words, naming the periods and the selection's years.
    public var description: String {
        switch self {
        case .noDatedPapers: "no dated papers to compare"
        case .overlapping(let before, let after):
            "the earlier period (\(before)) must end before the later one (\(after)) starts"
        case .emptyPeriod(let name, let span, let years):
            "no selected papers in the \(name) period (\(span)); the selection runs from \(years.lowerBound) to \(years.upperBound)"
        }
    }

    static func text(_ range: ClosedRange<Int>) -> String { text(range.lowerBound, range.upperBound) }

    static func text(_ lower: Int, _ upper: Int) -> String { lower == upper ? String(lower) : "\(lower)..\(upper)" }
}

extension CatalogIndex {
    /// Years the later period spans by default: the last two with papers.
    public static let defaultRecentYears = 2

    /// The terms of `hits` whose share of papers rose or fell most from
    /// the period `before` to the period `after`.
    ///
    /// Open bounds close on the selection's first and last years. With
    /// neither period, the later is the last ``defaultRecentYears`` years
    /// and the earlier every year before; with one, the other is every
    /// year on its other side.
    ///
    /// A term with `x₁` of `n₁` papers before and `x₂` of `n₂` after is
    /// reported when `x₁ + x₂ ≥ minimumCount` and the two-proportion
    /// z-test with pooled variance gives `|z| ≥ minimumZ`:
    /// `p = (x₁ + x₂) / (n₁ + n₂)`,
    /// `z = (x₂/n₂ − x₁/n₁) / √(p (1 − p) (1/n₁ + 1/n₂))`.
    /// Ranked by the change in share, then by |z|, then by id.
    ///
    /// - Complexity: O(values per selected paper), and for ``TrendSource/words``
    ///   O(length of the selected titles and abstracts).
    public func trends(
        in hits: some Collection<Hit>, of source: TrendSource, before: YearSpan?, after: YearSpan?,
        guard test: TrendGuard = TrendGuard()
    ) throws(TrendError) -> TrendReport {
        let dated = hits.compactMap { hit in hit.paper.year.map { (hit, $0) } }
        guard let first = dated.map(\.1).min(), let last = dated.map(\.1).max() else { throw .noDatedPapers }
        let (a, b, c, d) = Self.periods(before: before, after: after, first: first, last: last)
        if a > b { throw .emptyPeriod(name: "earlier", span: "before \(c)", years: first...last) }
        if c > d { throw .emptyPeriod(name: "later", span: "after \(b)", years: first...last) }
        guard b < c else { throw .overlapping(before: TrendError.text(a, b), after: TrendError.text(c, d)) }
        let earlier = a...b
        let later = c...d
        let years = earlier.lowerBound...later.upperBound
        var papersPerYear = Array(repeating: 0, count: years.count)
        var counts: [String: [Int]] = [:]
        var labels = Labels()
        for (hit, year) in dated where years.contains(year) {
            papersPerYear[year - years.lowerBound] += 1
            for term in Self.trendTerms(of: hit.paper, source, &labels) {
                counts[term, default: Array(repeating: 0, count: years.count)][year - years.lowerBound] += 1
            }
        }
        func total(_ perYear: [Int], _ period: ClosedRange<Int>) -> Int {
            period.reduce(0) { $0 + perYear[$1 - years.lowerBound] }
        }
        let n1 = total(papersPerYear, earlier)
        let n2 = total(papersPerYear, later)
        if n1 == 0 { throw .emptyPeriod(name: "earlier", span: TrendError.text(earlier), years: first...last) }
        if n2 == 0 { throw .emptyPeriod(name: "later", span: TrendError.text(later), years: first...last) }
        var tested = 0
        var rising: [Trend] = []
        var falling: [Trend] = []
        for (term, perYear) in counts {
            let x1 = total(perYear, earlier)
            let x2 = total(perYear, later)
            guard x1 + x2 >= test.minimumCount else { continue }
            tested += 1
            let pooled = Double(x1 + x2) / Double(n1 + n2)
            let error = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
            let p1 = Double(x1) / Double(n1)
            let p2 = Double(x2) / Double(n2)
            guard error > 0 else { continue }
            let z = (p2 - p1) / error
            guard abs(z) >= test.minimumZ else { continue }
            let trend = Trend(id: term, label: labels.label(of: term), before: x1, after: x2, beforeShare: p1, afterShare: p2, z: z, perYear: perYear)
            if z > 0 { rising.append(trend) } else { falling.append(trend) }
        }
        rising.sort { ($1.change, abs($1.z), $0.id) < ($0.change, abs($0.z), $1.id) }
        falling.sort { ($0.change, -abs($0.z), $0.id) < ($1.change, -abs($1.z), $1.id) }
        return TrendReport(
            source: source, before: earlier, after: later, years: years, papersPerYear: papersPerYear,
            beforePapers: n1, afterPapers: n2, test: test, tested: tested, rising: rising, falling: falling)
    }

    /// The two periods' first and last years, open bounds closed on the
    /// selection's years (not yet checked: the earlier may be empty or overlap).
    private static func periods(before: YearSpan?, after: YearSpan?, first: Int, last: Int) -> (Int, Int, Int, Int) {
        func closed(_ span: YearSpan) -> (Int, Int) { (span.lower ?? first, span.upper ?? last) }
        switch (before, after) {
        case (nil, nil):
            let start = max(first + 1, last - defaultRecentYears + 1)
            return (first, start - 1, start, last)
        case (nil, let after?):
            let (lower, upper) = closed(after)
            return (first, lower - 1, lower, upper)
        case (let before?, nil):
            let (lower, upper) = closed(before)
            return (lower, upper, upper + 1, last)
        case (let before?, let after?):
            let (a, b) = closed(before)
            let (c, d) = closed(after)
            return (a, b, c, d)
        }
    }

    /// A paper's distinct terms of `source`, each noted with its spelling.
    private static func trendTerms(of paper: Paper, _ source: TrendSource, _ labels: inout Labels) -> Set<String> {
        var terms = Set<String>()
        switch source {
        case .tags:
            for tag in paper.keywords {
                let key = SearchText.key(tag)
                guard !key.isEmpty else { continue }
                if terms.insert(key).inserted { labels.note(tag, for: key, firstWins: true) }
            }
        case .words:
            for text in [paper.title, paper.abstract].compactMap({ $0 }) {
                let utf8 = Array(text.utf8)
                SearchText.forEachTerm(in: text) { term, range, isCompound in
                    guard !isCompound, term.utf8.count >= 3, !term.utf8.allSatisfy(\.isASCIIDigit) else { return }
                    let surface = String(decoding: utf8[range], as: UTF8.self).lowercased()
                    guard !labels.isStopWord(surface) else { return }
                    terms.insert(term)
                    labels.note(surface, for: term, firstWins: false)
                }
            }
        }
        return terms
    }
}

/// Readable spellings: a tag's first (the newest paper's, as hits come
/// newest first), or a word's most frequent (ties: the shorter, then the
/// first in byte order).
private struct Labels {
    private var first: [String: String] = [:]
    private var tallies: [String: [String: Int]] = [:]
    /// ``StopWords/contains(_:)`` (which folds diacritics) once per spelling.
    private var stopWords: [String: Bool] = [:]

    mutating func isStopWord(_ spelling: String) -> Bool {
        if let known = stopWords[spelling] { return known }
        let stop = StopWords.contains(spelling)
        stopWords[spelling] = stop
        return stop
    }

    mutating func note(_ spelling: String, for term: String, firstWins: Bool) {
        if firstWins {
            if first[term] == nil { first[term] = spelling }
        } else {
            tallies[term, default: [:]][spelling, default: 0] += 1
        }
    }

    func label(of term: String) -> String {
        if let spelling = first[term] { return spelling }
        guard let tally = tallies[term] else { return term }
        return tally.min { ($1.value, $0.key.count, $0.key) < ($0.value, $1.key.count, $1.key) }?.key ?? term
    }
}
