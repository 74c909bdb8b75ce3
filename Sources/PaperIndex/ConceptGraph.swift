import PaperCatalog
import TextNormalization

/// A co-occurrence network over a selection of papers: keyword tags (or
/// authors) are nodes, and two join when some paper carries both.
///
/// Tags and authors are the exact values the facet counts use
/// (``SearchText/key(_:)``: case, diacritics and plurals unified), so a
/// node's `papers` is what `iaifi keywords` (or `authors`) counts for the
/// same selection.
///
/// An edge's strength is the Jaccard index of the two nodes' paper sets,
/// `|A ∩ B| / |A ∪ B| = shared / (papers(a) + papers(b) − shared)`: 1 when
/// the two always occur together, near 0 when they rarely do. It needs no
/// corpus-wide probabilities and stays in 0...1 for any selection (PMI,
/// `log(P(a,b) / P(a)P(b))`, would instead be unbounded and largest for
/// the rarest pairs).
public struct ConceptGraph: Equatable, Sendable {
    /// What the nodes are.
    public enum Kind: String, Sendable {
        /// Keyword tags; edges are papers carrying both tags.
        case tags
        /// Authors; edges are papers written together.
        case authors
    }

    /// A tag or an author of the selected papers.
    public struct Node: Equatable, Sendable {
        /// The exact key (``SearchText/key(_:)``): stable and unique.
        public var id: String
        /// The spelling of the newest selected paper carrying it.
        public var label: String
        /// Selected papers carrying it.
        public var papers: Int
    }

    /// Two nodes that some selected paper carries together.
    public struct Edge: Equatable, Sendable {
        /// Position in ``nodes`` of one end; `source < target`.
        public var source: Int
        /// Position in ``nodes`` of the other end.
        public var target: Int
        /// Selected papers carrying both.
        public var papers: Int
        /// `papers / (source papers + target papers − papers)`.
        public var jaccard: Double
    }

    /// Whether the nodes are tags or authors.
    public var kind: Kind
    /// Selected papers (with or without a tag or author).
    public var papers: Int
    /// Most papers first, then by id.
    public var nodes: [Node]
    /// Most shared papers first, then by source, then by target.
    public var edges: [Edge]
}

extension CatalogIndex {
    /// The co-occurrence network of `hits`: the `top` nodes with most
    /// papers (all when `nil`; ties by id) and the edges among them with at
    /// least `minimumWeight` shared papers.
    ///
    /// - Complexity: O(Σ values per paper + Σ (kept values per paper)²);
    ///   only pairs of kept nodes are counted, so `top` bounds the work on
    ///   papers with hundreds of authors.
    public func conceptGraph(of hits: some Collection<Hit>, kind: ConceptGraph.Kind, top: Int? = nil, minimumWeight: Int = 1) -> ConceptGraph {
        // Each paper's distinct keys, and each key's first spelling (hits come newest first).
        var keysOfPaper: [[String]] = []
        keysOfPaper.reserveCapacity(hits.count)
        var counts: [String: Int] = [:]
        var spelling: [String: String] = [:]
        for hit in hits {
            let values = kind == .tags ? hit.paper.keywords : hit.paper.authors
            var keys: [String] = []
            for value in values {
                let key = SearchText.key(value)
                guard !key.isEmpty, !keys.contains(key) else { continue }
                keys.append(key)
                counts[key, default: 0] += 1
                if spelling[key] == nil { spelling[key] = value }
            }
            keysOfPaper.append(keys)
        }
        var ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if let top { ranked = Array(ranked.prefix(top)) }
        let nodes = ranked.map { ConceptGraph.Node(id: $0.key, label: spelling[$0.key]!, papers: $0.value) }
        var position: [String: Int] = [:]
        for (index, node) in nodes.enumerated() { position[node.id] = index }

        // Pairs of kept nodes, keyed `source * nodes + target` with source < target.
        var shared: [Int: Int] = [:]
        for keys in keysOfPaper {
            let kept = keys.compactMap { position[$0] }.sorted()
            for (offset, source) in kept.enumerated() {
                for target in kept[(offset + 1)...] { shared[source * nodes.count + target, default: 0] += 1 }
            }
        }
        var edges: [ConceptGraph.Edge] = []
        for (pair, papers) in shared where papers >= minimumWeight {
            let source = pair / nodes.count
            let target = pair % nodes.count
            let union = nodes[source].papers + nodes[target].papers - papers
            edges.append(ConceptGraph.Edge(source: source, target: target, papers: papers, jaccard: Double(papers) / Double(union)))
        }
        edges.sort { ($1.papers, $0.source, $0.target) < ($0.papers, $1.source, $1.target) }
        return ConceptGraph(kind: kind, papers: hits.count, nodes: nodes, edges: edges)
    }
}
