/// Exact-value lookups (tag, author, category, year): each key's documents,
/// kept as sorted keys over one flat array of document numbers.
struct ExactIndex: Sendable {
    /// Keys (``SearchText/key(_:)``), sorted by bytes.
    let keys: StringTable
    /// A readable spelling for each key, in key order.
    let names: StringTable
    /// `docs[starts[i]..<starts[i + 1]]` are key `i`'s documents, ascending.
    let starts: Column<Int64>
    let docs: Column<Int32>

    /// Builds from each key's readable name and documents (ascending).
    static func build(_ entries: [String: (name: String, docs: [Int32])]) -> ExactIndex {
        let keys = Array(entries.keys).sortedByBytes()
        var starts: [Int64] = [0]
        var docs: [Int32] = []
        for key in keys {
            docs += entries[key]!.docs
            starts.append(Int64(docs.count))
        }
        return ExactIndex(keys: .build(keys), names: .build(keys.map { entries[$0]!.name }),
                          starts: Column(starts), docs: Column(docs))
    }

    /// The documents of `key`, if any. - Complexity: O(log keys + documents).
    func docs(_ key: String) -> DocSet? {
        keys.index(of: key).map(docs(at:))
    }

    func docs(at position: Int) -> DocSet {
        DocSet(sorted: docs.array(Int(starts[position])..<Int(starts[position + 1])))
    }

    /// How many documents `key` has, without copying them.
    func count(_ key: String) -> Int {
        keys.index(of: key).map { Int(starts[$0 + 1] - starts[$0]) } ?? 0
    }

    /// Every readable name.
    var allNames: [String] { (0..<names.count).map { names[$0] } }
}
