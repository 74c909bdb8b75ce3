import Foundation
import PaperCatalog
import TextNormalization

/// A paper connected to another, and why.
public struct Relation: Sendable {
    /// The related paper.
    public var paper: Paper
    /// Its document number in the index (``Hit/doc``).
    public var doc: Int
    /// How strongly the papers are connected, higher first: shared tags and authors weighted
    /// by rarity, plus up to 4 for similar text.
    public var score: Double
    /// Tags both papers carry, rarest first.
    public var sharedTags: [String]
    /// Authors both papers name.
    public var sharedAuthors: [String]
    /// Share of the score that came from similar title and abstract text (0...1).
    public var textShare: Double
}

extension CatalogIndex {
    /// Terms of a paper's title and abstract used to find similar text.
    static let similarityTerms = 20

    /// The papers most connected to `doc`: shared tags weighted by rarity
    /// (inverse document frequency), shared authors, and similar text (BM25F
    /// of the paper's most distinctive title and abstract terms).
    ///
    /// - Complexity: O(postings of the paper's tags, authors and top terms).
    public func related(to doc: Int, limit: Int = 10) -> [Relation] {
        let paper = papers[doc]
        let total = Double(count)
        func idf(_ docs: Int) -> Double { log(total / Double(max(docs, 1))) }
        var tagScore: [Int32: Double] = [:]
        var authorScore: [Int32: Double] = [:]
        var sharedTags: [Int32: [String]] = [:]
        var sharedAuthors: [Int32: [String]] = [:]
        for tag in Set(paper.keywords) {
            guard let docs = tags.docs(SearchText.key(tag)), docs.count > 1 else { continue }
            for other in docs {
                tagScore[other, default: 0] += idf(docs.count)
                sharedTags[other, default: []].append(tag)
            }
        }
        for author in Set(paper.authors) {
            guard let docs = authors.docs(SearchText.key(author)), docs.count > 1 else { continue }
            for other in docs {
                authorScore[other, default: 0] += 1.5 * idf(docs.count)
                sharedAuthors[other, default: []].append(author)
            }
        }
        let terms = distinctiveTerms(of: doc)
        var textScore: [Int32: Double] = [:]
        for term in terms {
            for position in postingRange(term) where postingDocs[position] != Int32(doc) {
                textScore[postingDocs[position]] = 0
            }
        }
        let similar = textScore.keys.sorted()
        var similarity = Array(repeating: 0.0, count: similar.count)
        for term in terms {
            for (position, score) in termScores(similar, term, [.title, .abstract]).enumerated() { similarity[position] += score }
        }
        for (other, score) in zip(similar, similarity) { textScore[other] = score }
        let maxText = textScore.values.max() ?? 0
        let candidates = Set(tagScore.keys).union(authorScore.keys).union(textScore.keys).subtracting([Int32(doc)])
        func score(_ other: Int32) -> Double {
            let text = maxText > 0 ? 4 * (textScore[other] ?? 0) / maxText : 0
            return (tagScore[other] ?? 0) + (authorScore[other] ?? 0) + text
        }
        let best = candidates.map { ($0, score($0)) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return best.prefix(limit).map { other, score in
            let text = maxText > 0 ? 4 * (textScore[other] ?? 0) / maxText : 0
            let rarestFirst = (sharedTags[other] ?? []).sorted {
                (tags.count(SearchText.key($0)), $0) < (tags.count(SearchText.key($1)), $1)
            }
            return Relation(
                paper: papers[Int(other)], doc: Int(other), score: score, sharedTags: rarestFirst,
                sharedAuthors: (sharedAuthors[other] ?? []).sorted(), textShare: score > 0 ? text / score : 0)
        }
    }

    /// The paper's title and abstract terms with the highest tf × idf.
    private func distinctiveTerms(of doc: Int) -> [Int32] {
        var frequency: [Int32: Int] = [:]
        for field in [Field.title, .abstract] {
            for term in terms(of: Int32(doc), field: field) where term != Self.separator { frequency[term, default: 0] += 1 }
        }
        let total = Double(count)
        var weighted: [(term: Int32, weight: Double)] = []
        for (term, tf) in frequency {
            let docs = Double(postingRange(term).count)
            if docs > 1 { weighted.append((term, Double(tf) * log(total / docs))) }
        }
        weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        return weighted.prefix(Self.similarityTerms).map(\.term)
    }
}
