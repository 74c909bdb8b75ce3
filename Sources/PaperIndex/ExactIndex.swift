import TextNormalization

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
    /// The postings whose document spells its key otherwise than `names`
    /// (`neural network` under `neural networks`): their positions in
    /// `docs`, ascending, and at the same index the spelling's position in
    /// `otherSpellings`. A facet shows the spelling of the first paper it
    /// counts (``spellings(ofKeys:at:)``).
    let otherSpellingPositions: Column<Int64>
    let otherSpellingIndices: Column<Int32>
    let otherSpellings: StringTable

    /// How the documents at `positions` in `docs` spell `keys` (a
    /// position of each key's postings each).
    /// - Complexity: O(keys × log postings spelled otherwise).
    func spellings(ofKeys keys: [Int], at positions: [Int]) -> [String] {
        let others = otherSpellingPositions.buffer
        return zip(keys, positions).map { key, position in
            var low = 0
            var high = others.count
            while low < high {
                let middle = (low + high) / 2
                if others[middle] < Int64(position) { low = middle + 1 } else { high = middle }
            }
            guard low < others.count, others[low] == Int64(position) else { return names[key] }
            return otherSpellings[Int(otherSpellingIndices[low])]
        }
    }

    /// The documents of `key`, if any.
    /// - Complexity: O(log keys).
    func docs(_ key: String) -> DocSet? {
        keys.index(of: key).map(docs(at:))
    }

    /// Key `position`'s documents: a view, not a copy.
    func docs(at position: Int) -> DocSet {
        DocSet(view: docs.column(starts.span(at: position, within: docs.count)))
    }

    /// How many documents `key` has, without copying them.
    func count(_ key: String) -> Int {
        keys.index(of: key).map { starts.span(at: $0, within: docs.count).count } ?? 0
    }

    /// Every readable name.
    var allNames: [String] { (0..<names.count).map { names[$0] } }

    /// Documents with a key that contains `key` as whole words: `diffusion model`
    /// is in `score based diffusion model`, `tegmark` in `max tegmark`.
    /// - Complexity: O(log words + keys holding the rarest word + their documents).
    func docs(containing key: String) -> DocSet {
        DocSet.union(positions(containing: key).map(docs(at:)))
    }

    /// The positions of the keys that contain `key` as whole words, ascending.
    /// - Complexity: O(log words + keys holding the rarest word).
    func positions(containing key: String) -> [Int] {
        // The keys holding the phrase's rarest word; a word no key holds means none.
        var rarest: Range<Int>?
        for word in Set(key.split(separator: " ")) {
            guard let position = words.index(of: String(word)) else { return [] }
            let holders = wordStarts.span(at: position, within: wordKeys.count)
            if holders.count < rarest?.count ?? .max { rarest = holders }
        }
        guard let rarest else { return [] }
        let needle = Array(key.utf8)
        return wordKeys.slice(rarest).filter { Self.holds(keys.utf8(Int($0)), wholeWords: needle) }.map(Int.init)
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

extension ExactIndex {
    /// Collects (key, document) pairs, one document's pairs at a time, the
    /// documents in any order, then lays them out sorted by key, each key's
    /// documents ascending.
    struct Builder {
        private var keys = TermTable()
        /// The spellings of the keys, as written (``TermTable`` ids).
        private var spellings = TermTable()
        /// Per key id, the spelling of its lowest-numbered document, and that number.
        private var names: [Int32] = []
        private var nameDocs: [Int32] = []
        /// Per (key, document) pair, in the order added: the key, the document, the document's spelling.
        private var postingKeys: [Int32] = []
        private var postingDocs: [Int32] = []
        private var postingSpellings: [Int32] = []
        /// Where the current document's pairs start, to drop a repeated key.
        private var firstOfDoc = 0

        /// Files `doc` under `key`, the bytes of ``SearchText/key(_:)`` of
        /// `name`; an empty key is ignored. A document's keys are added one
        /// after another.
        mutating func add(key: UnsafeBufferPointer<UInt8>, name: String, doc: Int32) {
            guard !key.isEmpty else { return }
            if postingDocs.last != doc { firstOfDoc = postingDocs.count }
            let id = Int(keys.intern(key))
            guard !postingKeys[firstOfDoc...].contains(Int32(id)) else { return }
            var name = name
            let spelling = name.withUTF8 { spellings.intern($0) }
            note(spelling, of: id, in: doc)
            postingKeys.append(Int32(id))
            postingDocs.append(doc)
            postingSpellings.append(spelling)
        }

        /// Notes that key `id` (the next new id, or a known one) is spelled
        /// `spelling` in `doc`: a key's name is its spelling in its
        /// lowest-numbered document.
        private mutating func note(_ spelling: Int32, of id: Int, in doc: Int32) {
            if id == names.count {
                names.append(spelling)
                nameDocs.append(doc)
            } else if doc < nameDocs[id] {
                names[id] = spelling
                nameDocs[id] = doc
            }
        }

        /// Takes in what `other` collected, all of its documents above this
        /// builder's: the builder that added this one's documents, then
        /// `other`'s, would hold the same. Add nothing after.
        /// - Complexity: O(`other`'s pairs and distinct keys and spellings).
        mutating func append(_ other: Builder) {
            let keyOf = keys.intern(contentsOf: other.keys)
            let spellingOf = spellings.intern(contentsOf: other.spellings)
            // New keys got the next ids in `other`'s order, so they are noted in that order.
            for id in other.names.indices { note(spellingOf[Int(other.names[id])], of: Int(keyOf[id]), in: other.nameDocs[id]) }
            postingKeys += other.postingKeys.map { keyOf[Int($0)] }
            postingDocs += other.postingDocs
            postingSpellings += other.postingSpellings.map { spellingOf[Int($0)] }
            firstOfDoc = postingDocs.count
        }

        func finish() -> ExactIndex {
            let order = keys.idsSortedByBytes()
            // The pairs in document order (a counting sort by document), so that each key's documents come out ascending.
            let documents = Int(postingDocs.max() ?? -1) + 1
            var byDoc = [Int](repeating: 0, count: postingDocs.count)
            _ = groupByKey(postingDocs, order: Array(0..<Int32(documents))) { pair, position in byDoc[position] = pair }
            // Each key's documents ascending, and the spelling of each.
            var spellingOfPosition = [Int32](repeating: 0, count: postingDocs.count)
            var starts: [Int64] = []
            let docs = Column<Int32>(capacity: postingDocs.count) { output in
                starts = groupByKey(postingKeys, order: order, visiting: byDoc) { pair, position in
                    output[position] = postingDocs[pair]
                    spellingOfPosition[position] = postingSpellings[pair]
                }
                return postingDocs.count
            }
            // The postings spelled otherwise than their key's name, each other spelling stored once.
            var otherPositions: [Int64] = []
            var otherIndices: [Int32] = []
            var otherOfSpelling: [Int32: Int32] = [:]
            for (rank, key) in order.enumerated() {
                for position in Int(starts[rank])..<Int(starts[rank + 1]) where spellingOfPosition[position] != names[Int(key)] {
                    let spelling = spellingOfPosition[position]
                    let other = otherOfSpelling[spelling] ?? Int32(otherOfSpelling.count)
                    otherOfSpelling[spelling] = other
                    otherPositions.append(Int64(position))
                    otherIndices.append(other)
                }
            }
            let others = otherOfSpelling.sorted { $0.value < $1.value }.map { String(decoding: spellings.term(Int($0.key)), as: UTF8.self) }
            let table = keys.table(order)
            // The word index: each key's distinct words, keys in sorted order.
            var words = TermTable()
            var wordOfPair: [Int32] = []
            var keyOfPair: [Int32] = []
            for position in 0..<table.count {
                var seen: [Int32] = []
                for word in table.utf8(position).split(separator: UInt8(ascii: " ")) {
                    let id = words.intern(UnsafeBufferPointer(rebasing: word))
                    guard !seen.contains(id) else { continue }
                    seen.append(id)
                    wordOfPair.append(id)
                    keyOfPair.append(Int32(position))
                }
            }
            let wordOrder = words.idsSortedByBytes()
            let (wordStarts, wordKeys) = group(keyOfPair, by: wordOfPair, order: wordOrder, visiting: keyOfPair.indices)
            return ExactIndex(
                keys: table, names: spellings.table(order.map { names[Int($0)] }), starts: Column(starts), docs: docs,
                words: words.table(wordOrder), wordStarts: wordStarts, wordKeys: wordKeys,
                otherSpellingPositions: Column(otherPositions), otherSpellingIndices: Column(otherIndices),
                otherSpellings: .build(others))
        }

        /// `values` grouped by their `keys` (``groupByKey(_:order:visiting:place:)``): where each group starts, and the values.
        private func group(_ values: [Int32], by keys: [Int32], order: [Int32], visiting items: some Sequence<Int>) -> (Column<Int64>, Column<Int32>) {
            var starts: [Int64] = []
            let grouped = Column<Int32>(capacity: values.count) { output in
                starts = groupByKey(keys, order: order, visiting: items) { item, position in output[position] = values[item] }
                return values.count
            }
            return (Column(starts), grouped)
        }
    }
}

/// A counting sort: groups items by key, the groups in `order` (every key
/// id once), items within a group in input order. Calls `place` with each
/// item's input index and its output position, in input order; returns where
/// each group starts, and the end after the last.
func groupByKey(_ keys: some RandomAccessCollection<Int32>, order: [Int32], place: (_ item: Int, _ position: Int) -> Void) -> [Int64] {
    groupByKey(keys, order: order, visiting: 0..<keys.count, place: place)
}

/// ``groupByKey(_:order:place:)`` with the items of each group in the
/// order `items` lists them (each item's input index, every one once).
func groupByKey(
    _ keys: some RandomAccessCollection<Int32>, order: [Int32], visiting items: some Sequence<Int>,
    place: (_ item: Int, _ position: Int) -> Void
) -> [Int64] {
    var rank = [Int](repeating: 0, count: order.count)
    for (position, id) in order.enumerated() { rank[Int(id)] = position }
    var starts = [Int64](repeating: 0, count: order.count + 1)
    for key in keys { starts[rank[Int(key)] + 1] += 1 }
    for position in order.indices { starts[position + 1] += starts[position] }
    var next = starts
    for item in items {
        let group = rank[Int(keys[keys.index(keys.startIndex, offsetBy: item)])]
        place(item, Int(next[group]))
        next[group] += 1
    }
    return starts
}
