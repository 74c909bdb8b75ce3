import TextNormalization
import PaperCatalog

/// A dimension to count papers by.
public enum Facet: String, CaseIterable, Sendable {
    case keywords, authors, categories, years
}

/// One value of a facet and how many papers have it; `value` is `nil` for
/// papers with none (no category, no date).
public struct FacetCount: Equatable, Sendable {
    public var value: String?
    public var count: Int
    /// Authors only: the spellings of the person among the papers counted,
    /// `value` (the most complete spelling of the catalog) first when it is among them.
    public var variants: [String] = []
    /// Categories counted with inferred ones: papers with no stated category
    /// inferred to be in this one at or above
    /// ``CatalogIndex/inferredCategoryThreshold``; in the row of papers
    /// with no stated category, those left with none. `nil` otherwise.
    public var inferred: Int? = nil
}

extension CatalogIndex {
    /// Counts `hits` by `facet`, most frequent first (years: the `top` most
    /// frequent, oldest first, unless `yearsByCount`),
    /// papers with no value last. Categories `includingInferred` also count,
    /// apart (``FacetCount/inferred``), the categories inferred for papers
    /// whose sources state none, and rank by both counts together. Authors
    /// are counted by identity (``AuthorIdentities``): a paper counts once
    /// for a person however it spells the name.
    /// - Complexity: O(hits × values per paper).
    public func count(_ facet: Facet, in hits: some Collection<Hit>, top: Int? = nil, includingInferred: Bool = false, yearsByCount: Bool = false) -> [FacetCount] {
        if facet == .authors { return countAuthors(in: hits, top: top) }
        let inferring = includingInferred && facet == .categories
        var counts: [String: Int] = [:], inferredCounts: [String: Int] = [:]
        var uninferred = 0
        var spelling: [String: String] = [:]
        var missing = 0
        for hit in hits {
            let values: [String] = switch facet {
            case .keywords: hit.paper.keywords
            case .authors: hit.paper.authors
            case .categories: hit.paper.category.map { [$0] } ?? []
            case .years: hit.paper.year.map { [String($0)] } ?? []
            }
            if values.isEmpty { missing += 1 }
            if inferring, values.isEmpty {
                if let inferred = inferredCategory(of: hit.doc), inferred.confidence >= Self.inferredCategoryThreshold {
                    let key = SearchText.key(inferred.name)
                    inferredCounts[key, default: 0] += 1
                    if spelling[key] == nil { spelling[key] = inferred.name }
                    counts[key, default: 0] += 0
                } else {
                    uninferred += 1
                }
            }
            for value in Set(values.map { SearchText.key($0) }) { counts[value, default: 0] += 1 }
            for value in values where spelling[SearchText.key(value)] == nil { spelling[SearchText.key(value)] = value }
        }
        var result = counts.map { FacetCount(value: spelling[$0.key] ?? $0.key, count: $0.value, inferred: inferring ? inferredCounts[$0.key, default: 0] : nil) }
        let total = { (count: FacetCount) in count.count + (count.inferred ?? 0) }
        result.sort { total($0) != total($1) ? total($0) > total($1) : $0.value! < $1.value! }
        if let top { result = Array(result.prefix(top)) }
        if facet == .years, !yearsByCount { result.sort { $0.value! < $1.value! } }
        if missing > 0, facet == .categories || facet == .years {
            result.append(FacetCount(value: nil, count: missing, inferred: inferring ? uninferred : nil))
        }
        return result
    }
}

private extension CatalogIndex {
    /// Papers per person, most first (ties by name), with the spellings seen.
    /// - Complexity: O(hits × authors per paper × log author keys).
    func countAuthors(in hits: some Collection<Hit>, top: Int?) -> [FacetCount] {
        var counts: [Int32: Int] = [:], seen: [Int32: Set<Int32>] = [:]
        for hit in hits {
            var identitiesOfPaper = Set<Int32>()
            for name in hit.paper.authors {
                guard let key = authors.keys.index(of: SearchText.key(name)) else { continue }
                let identity = identities.identityOfKey[key]
                identitiesOfPaper.insert(identity)
                seen[identity, default: []].insert(Int32(key))
            }
            for identity in identitiesOfPaper { counts[identity, default: 0] += 1 }
        }
        var result = counts.map { identity, count in
            let keys = identities.keys(of: Int(identity))
            let spellings = seen[identity] ?? []
            return FacetCount(value: keys.first.map { authors.names[Int($0)] }, count: count,
                              variants: keys.filter(spellings.contains).map { authors.names[Int($0)] })
        }
        result.sort { $0.count != $1.count ? $0.count > $1.count : ($0.value ?? "") < ($1.value ?? "") }
        return top.map { Array(result.prefix($0)) } ?? result
    }
}
