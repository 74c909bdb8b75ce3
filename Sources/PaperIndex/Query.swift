import Foundation
import TextNormalization

/// A parsed search query.
///
/// The language, smallest first:
///
///     dark matter            either word; papers with more, and rarer,
///                            words rank higher (BM25F)
///     +dark matter  dark AND matter
///                            `+` and `AND` make a word required
///     "dark matter"          the phrase (required)
///     title:flow             a word in one field (required): title,
///                            abstract, author, keyword, category, year
///     author:^Tegmark        the first author
///     year:2022  year:2020..2023  year:2022..  year:..2021
///     diffus*                any word starting with "diffus"
///     a OR b    (a OR b) c    -word    NOT word
public indirect enum Query: Equatable, Sendable {
    /// One word as typed (`matter`, `multi-scale`), in `field` or any text field.
    case word(String, field: QueryField?)
    /// Words that must occur consecutively, in `field` or any text field.
    case phrase(String, field: QueryField?)
    /// Any term starting with the prefix.
    case prefix(String, field: QueryField?)
    case firstAuthor(String)
    case category(String)
    case years(ClosedRange<Int>)
    /// Clauses combined as in Lucene's boolean query: every `.must` clause
    /// matches, no `.mustNot` clause does and, when there is no `.must`
    /// clause, at least one `.should` clause does; the matching `.must` and
    /// `.should` clauses add up to the score.
    case clauses([Clause])

    /// One part of ``clauses(_:)``.
    public struct Clause: Equatable, Sendable {
        /// How a clause takes part: required (`must`), optional (`should`) or excluded (`mustNot`).
        public enum Occur: Sendable { case must, should, mustNot }
        /// Whether the clause is required, optional or excluded.
        public var occur: Occur
        /// What the clause matches.
        public var query: Query

        /// A clause matching `query`, occurring as `occur`.
        public init(_ occur: Occur, _ query: Query) {
            self.occur = occur
            self.query = query
        }
    }

    /// Whether any part of the query has something to search for: a query
    /// of stray punctuation is refused rather than matching everything.
    var searchesSomething: Bool {
        switch self {
        case .word(let text, _), .phrase(let text, _), .prefix(let text, _): !SearchText.terms(text).isEmpty
        case .firstAuthor, .category, .years: true
        case .clauses(let clauses): clauses.contains { $0.query.searchesSomething }
        }
    }

    /// Parses `text`; returns `nil` for a query with no terms.
    public static func parse(_ text: String) throws(QueryError) -> Query? {
        var parser = QueryParser(tokens: try QueryLexer.tokens(text))
        return try parser.parseQuery()
    }

    /// How a clause of this query occurs when written without `+`, `-` or
    /// `AND`: words, prefixes and groups are optional; phrases, fields,
    /// categories and years narrow.
    var defaultOccur: Clause.Occur {
        switch self {
        case .word(_, field: nil), .prefix(_, field: nil), .clauses: .should
        default: .must
        }
    }
}

/// A query that cannot be parsed, with the 1-based column of the problem.
public struct QueryError: Error, Equatable, CustomStringConvertible {
    /// What is wrong with the query.
    public var message: String
    /// The 1-based column, in characters, where the problem is.
    public var column: Int

    /// `column N: message`.
    public var description: String { "column \(column): \(message)" }
}

enum QueryToken: Equatable {
    case word(String)
    case phrase(String)
    case field(String)
    case open, close, or, and, not, minus, plus
}

/// Splits a query into tokens, remembering each token's column.
enum QueryLexer {
    static let maxLength = 10_000

    static func tokens(_ text: String) throws(QueryError) -> [(QueryToken, Int)] {
        guard text.count <= maxLength else {
            throw QueryError(message: "query is \(text.count) characters long; at most \(maxLength) are accepted", column: maxLength + 1)
        }
        let characters = Array(text)
        var tokens: [(QueryToken, Int)] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace {
                index += 1
            } else if character == "\"" {
                guard let end = characters[(index + 1)...].firstIndex(of: "\"") else {
                    throw QueryError(message: "unbalanced quote: a phrase opened here is never closed", column: column)
                }
                tokens.append((.phrase(String(characters[(index + 1)..<end])), column))
                index = end + 1
            } else if character == "(" {
                tokens.append((.open, column))
                index += 1
            } else if character == ")" {
                tokens.append((.close, column))
                index += 1
            } else if character == "-", index + 1 == characters.count || characters[index + 1].isWhitespace {
                throw QueryError(message: "negation needs a term after it", column: column)
            } else if character == "-", !characters[index + 1].isWhitespace,
                tokens.last.map({ $0.0 != .minus }) ?? true
            {
                tokens.append((.minus, column))
                index += 1
            } else if character == "+", index + 1 == characters.count || characters[index + 1].isWhitespace {
                throw QueryError(message: "'+' needs a term after it", column: column)
            } else if character == "+", !characters[index + 1].isWhitespace,
                tokens.last.map({ $0.0 != .plus }) ?? true
            {
                tokens.append((.plus, column))
                index += 1
            } else {
                var end = index
                var depth = 0
                while end < characters.count {
                    let c = characters[end]
                    if c.isWhitespace || c == "\"" || (c == ")" && depth == 0) { break }
                    if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
                    end += 1
                    if c == ":", depth == 0, characters[index..<(end - 1)].allSatisfy(\.isLetter), end - 1 > index { break }
                }
                let word = String(characters[index..<end])
                index = end
                switch word {
                case "OR": tokens.append((.or, column))
                case "AND": tokens.append((.and, column))
                case "NOT": tokens.append((.not, column))
                default:
                    if word.hasSuffix(":"), word.dropLast().allSatisfy(\.isLetter) {
                        tokens.append((.field(String(word.dropLast()).lowercased()), column))
                    } else {
                        tokens.append((.word(word), column))
                    }
                }
            }
        }
        return tokens
    }
}

/// Recursive descent over the tokens: OR binds loosest, then AND
/// (explicit or implied), then negation.
struct QueryParser {
    var tokens: [(QueryToken, Int)]
    var position = 0
    var depth = 0
    static let maxDepth = 64

    mutating func parseQuery() throws(QueryError) -> Query? {
        guard !tokens.isEmpty else { return nil }
        let query = try parseOr()
        guard query.searchesSomething else {
            throw QueryError(message: "the query has no letters or digits to search for", column: tokens[0].1)
        }
        if position < tokens.count {
            let (token, column) = tokens[position]
            throw QueryError(message: token == .close ? "unbalanced ')': no '(' to close" : "unexpected \(describe(token))", column: column)
        }
        return query
    }

    /// Alternatives joined by `OR`: each is optional, as bare words are.
    private mutating func parseOr() throws(QueryError) -> Query {
        var alternatives = [try parseAnd()]
        while peek == .or {
            position += 1
            guard position < tokens.count, peek != .close, peek != .or else {
                throw QueryError(message: "'OR' needs a term on both sides", column: column(of: position - 1))
            }
            alternatives.append(try parseAnd())
        }
        guard alternatives.count > 1 else { return alternatives[0] }
        return .clauses(
            alternatives.flatMap { alternative -> [Query.Clause] in
                // `a b OR c` is `a b c`: optional words stay optional.
                if case .clauses(let clauses) = alternative, clauses.allSatisfy({ $0.occur == .should }) { return clauses }
                return [Query.Clause(.should, alternative)]
            })
    }

    /// Clauses side by side; `AND` makes both of its sides required.
    private mutating func parseAnd() throws(QueryError) -> Query {
        var clauses: [Query.Clause] = []
        while let token = peek, token != .or, token != .close {
            if token == .and {
                guard let last = clauses.last else { throw QueryError(message: "'AND' needs a term on both sides", column: column(of: position)) }
                position += 1
                guard let next = peek, next != .or, next != .close, next != .and else {
                    throw QueryError(message: "'AND' needs a term on both sides", column: column(of: position - 1))
                }
                if last.occur == .should { clauses[clauses.count - 1].occur = .must }
                var clause = try parseClause()
                if clause.occur == .should { clause.occur = .must }
                clauses.append(clause)
                continue
            }
            clauses.append(try parseClause())
        }
        guard !clauses.isEmpty else {
            let at = min(position, tokens.count - 1)
            let message =
                position < tokens.count && tokens[position].0 == .or
                ? "'OR' needs a term on both sides" : "expected a term"
            throw QueryError(message: message, column: column(of: at))
        }
        if clauses.count == 1, clauses[0].occur == clauses[0].query.defaultOccur { return clauses[0].query }
        return .clauses(clauses)
    }

    /// `+term`, `-term`, `NOT term` or a term.
    private mutating func parseClause() throws(QueryError) -> Query.Clause {
        guard let marker = peek, marker == .minus || marker == .not || marker == .plus else {
            let query = try parsePrimary()
            return Query.Clause(query.defaultOccur, query)
        }
        let start = position
        position += 1
        guard let next = peek, next != .close, next != .or, next != .and, next != .plus, next != .minus, next != .not else {
            let message = marker == .plus ? "'+' needs a term after it" : "negation needs a term after it"
            throw QueryError(message: message, column: column(of: start))
        }
        return Query.Clause(marker == .plus ? .must : .mustNot, try parsePrimary())
    }

    private mutating func parsePrimary() throws(QueryError) -> Query {
        let (token, column) = tokens[position]
        position += 1
        switch token {
        case .open:
            depth += 1
            guard depth <= Self.maxDepth else { throw QueryError(message: "parentheses nest deeper than \(Self.maxDepth)", column: column) }
            guard peek != .close else { throw QueryError(message: "empty parentheses", column: column) }
            let inner = try parseOr()
            guard peek == .close else { throw QueryError(message: "unbalanced '(': never closed", column: column) }
            position += 1
            depth -= 1
            return inner
        case .word(let word) where word.hasSuffix("*"):
            return .prefix(try Self.searchable(String(word.dropLast()), "'\(word)' needs letters or digits before the '*'", column), field: nil)
        case .word(let word):
            return .word(word, field: nil)
        case .phrase(let phrase):
            return .phrase(try Self.searchable(phrase, "the phrase \"\(phrase)\" has no words to search for", column), field: nil)
        case .field(let name):
            return try parseField(name, column: column)
        default:
            throw QueryError(message: "unexpected \(describe(token))", column: column)
        }
    }

    private mutating func parseField(_ name: String, column: Int) throws(QueryError) -> Query {
        guard let field = QueryField(rawValue: name) else {
            let known = QueryField.allCases.map(\.rawValue)
            let hint = Suggestion.nearest(to: name, in: known).map { "did you mean '\($0):'? " } ?? ""
            throw QueryError(message: "unknown field '\(name):'; \(hint)known fields: \(known.joined(separator: ", "))", column: column)
        }
        guard position < tokens.count else { throw QueryError(message: "'\(name):' needs a value", column: column) }
        let (token, _) = tokens[position]
        let value: String
        let quoted: Bool
        switch token {
        case .word(let word): (value, quoted) = (word, false)
        case .phrase(let phrase): (value, quoted) = (phrase, true)
        default: throw QueryError(message: "'\(name):' needs a value", column: column)
        }
        position += 1
        switch field {
        case .year:
            guard let range = Self.yearRange(value) else {
                throw QueryError(message: "'year:' takes YYYY, YYYY..YYYY, YYYY.. or ..YYYY; got '\(value)'", column: column)
            }
            return .years(range)
        case .category:
            return .category(try Self.searchable(value, "'\(name):' needs a category name", column))
        case .author where value.hasPrefix("^"):
            return .firstAuthor(try Self.searchable(String(value.dropFirst()), "'\(name):^' needs a name after the '^'", column))
        default:
            let empty = "'\(name):' needs a value with letters or digits"
            if value.hasSuffix("*"), !value.contains(" ") { return .prefix(try Self.searchable(String(value.dropLast()), empty, column), field: field) }
            return quoted ? .phrase(try Self.searchable(value, empty, column), field: field) : .word(try Self.searchable(value, empty, column), field: field)
        }
    }

    /// `text`, unless it has nothing to search for (no letter or digit),
    /// which would match every paper or none: then `message`.
    private static func searchable(_ text: String, _ message: String, _ column: Int) throws(QueryError) -> String {
        guard !SearchText.terms(text).isEmpty else { throw QueryError(message: message, column: column) }
        return text
    }

    static func yearRange(_ text: String) -> ClosedRange<Int>? {
        func year(_ part: Substring) -> Int? {
            part.count == 4 ? Int(part) : nil
        }
        guard let dots = text.range(of: "..") else { return year(text[...]).map { $0...$0 } }
        let low = text[..<dots.lowerBound]
        let high = text[dots.upperBound...]
        guard low.isEmpty || year(low) != nil, high.isEmpty || year(high) != nil, !(low.isEmpty && high.isEmpty) else { return nil }
        let lower = year(low) ?? 0
        let upper = year(high) ?? 9999
        return lower <= upper ? lower...upper : nil
    }

    private var peek: QueryToken? { position < tokens.count ? tokens[position].0 : nil }

    private func column(of index: Int) -> Int { tokens[max(0, min(index, tokens.count - 1))].1 }

    private func describe(_ token: QueryToken) -> String {
        switch token {
        case .word(let word): "'\(word)'"
        case .phrase(let phrase): "\"\(phrase)\""
        case .field(let name): "'\(name):'"
        case .open: "'('"
        case .close: "')'"
        case .or: "'OR'"
        case .and: "'AND'"
        case .not: "'NOT'"
        case .minus: "'-'"
        case .plus: "'+'"
        }
    }
}
