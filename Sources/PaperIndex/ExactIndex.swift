/// Exact-value lookups (tag, author, category, year): each key's documents,
/// kept as sorted keys over one flat array of document numbers, plus an
/// index from each word to the keys holding it, so that "keys containing
/// this phrase" never scans every key.
struct ExactIndex: Sendable {
    /// Keys (``SearchText/key(_:)``), sorted by bytes.
    let keys: StringTable
    /// A readable spelling for each key, in key order.
    let names: StringTable
    /// `docs[starts[i]..<starts[i + 1]]` are key `i`'s documents, ascending.
    let starts: Column<Int64>
    let docs: Column<Int32>
    /// The words of all keys, sorted by bytes; `wordKeys[wordStarts[w]..<wordStarts[w + 1]]`
    /// are the positions of the keys holding word `w`, ascending.
    let words: StringTable
    let wordStarts: Column<Int64>
    let wordKeys: Column<Int32>

    /// Builds from each key's readable name and documents (ascending).
    static func build(_ entries: [String: (name: String, docs: [Int32])]) -> ExactIndex {
        let keys = Array(entries.keys).sortedByBytes()
        var starts: [Int64] = [0]
        var docs: [Int32] = []
        var keysOfWord: [Substring: [Int32]] = [:]
        for (position, key) in keys.enumerated() {
            docs += entries[key]!.docs
            starts.append(Int64(docs.count))
            for word in Set(key.split(separator: " ")) { keysOfWord[word, default: []].append(Int32(position)) }
        }
        let words = keysOfWord.keys.map(String.init).sortedByBytes()
        var wordStarts: [Int64] = [0]
        var wordKeys: [Int32] = []
        for word in words {
            wordKeys += keysOfWord[Substring(word)]!
            wordStarts.append(Int64(wordKeys.count))
        }
        return ExactIndex(keys: .build(keys), names: .build(keys.map { entries[$0]!.name }),
                          starts: Column(starts), docs: Column(docs),
                          words: .build(words), wordStarts: Column(wordStarts), wordKeys: Column(wordKeys))
    }

    /// The documents of `key`, if any. - Complexity: O(log keys).
    func docs(_ key: String) -> DocSet? {
        keys.index(of: key).map(docs(at:))
    }

    /// Key `position`'s documents: a view, not a copy.
    func docs(at position: Int) -> DocSet {
        DocSet(view: docs.column(Int(starts[position])..<Int(starts[position + 1])))
    }

    /// How many documents `key` has, without copying them.
    func count(_ key: String) -> Int {
        keys.index(of: key).map { Int(starts[$0 + 1] - starts[$0]) } ?? 0
    }

    /// Every readable name.
    var allNames: [String] { (0..<names.count).map { names[$0] } }

    /// Documents with a key that contains `key` as whole words: `diffusion model`
    /// is in `score based diffusion model`, `tegmark` in `max tegmark`.
    /// - Complexity: O(log words + keys holding the rarest word + their documents).
    func docs(containing key: String) -> DocSet {
        let needle = Array(key.utf8)
        let words = Set(key.split(separator: " ").map(String.init))
        let lists = words.map { word in self.words.index(of: word).map { Int(wordStarts[$0])..<Int(wordStarts[$0 + 1]) } }
        guard !needle.isEmpty, let rarest = lists.min(by: { ($0?.count ?? 0) < ($1?.count ?? 0) }), let rarest else {
            return DocSet(sorted: [])
        }
        let found = wordKeys.slice(rarest).filter { Self.holds(keys.utf8(Int($0)), wholeWords: needle) }
        return DocSet.union(found.map { docs(at: Int($0)) })
    }

    /// Whether `needle` occurs in `text` starting and ending at word boundaries.
    private static func holds(_ text: UnsafeBufferPointer<UInt8>, wholeWords needle: [UInt8]) -> Bool {
        guard text.count >= needle.count else { return false }
        let space = UInt8(ascii: " ")
        return (0...(text.count - needle.count)).contains { start in
            (start == 0 || text[start - 1] == space)
                && (start + needle.count == text.count || text[start + needle.count] == space)
                && text[start] == needle[0] && text[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
