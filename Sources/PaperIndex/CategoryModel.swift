import Foundation
import PaperCatalog
import TextNormalization

/// What the category model reads of a paper: the terms of its title and
/// abstract (and of its tags, when asked), adjacent pairs of them, and its
/// authors.
package struct CategoryFeatures: Sendable {
    /// Terms and pairs of adjacent terms (`"dark matter"`), each with
    /// `log(1 + n)` of how often it occurs (a title's terms count
    /// ``CategoryModel/titleWeight`` times, a tag's
    /// ``CategoryModel/tagWeight``), sorted by term so that sums run in one
    /// order every time.
    package var words: [(term: String, count: Double)]
    /// Each author as surname and first initial (`halverson j`), sorted, once
    /// each: `James Halverson` and `J. Halverson` are one author.
    package var authors: [String]

    /// The features of `paper`; its tags count as words when `includingTags`.
    /// - Complexity: O(length of its text), plus O(f log f) for its f
    ///   distinct terms and pairs.
    package init(_ paper: Paper, includingTags: Bool) {
        var reader = Reader()
        self = reader.features(of: paper, includingTags: includingTags)
    }

    /// Reads the features of one paper after another, unifying each
    /// spelling (``WordForms/unifyTerm(_:)``) once, not at every occurrence:
    /// one reader per batch of papers.
    package struct Reader {
        /// Words as written (folded), and the term each unifies to.
        private var spellings = TermTable()
        private var termOfSpelling: [Range<Int>] = []
        private var termBytes: [UInt8] = []

        package init() {}

        /// The features of `paper`, as ``CategoryFeatures/init(_:includingTags:)`` gives them.
        package mutating func features(of paper: Paper, includingTags: Bool) -> CategoryFeatures {
            // Terms and pairs are interned as bytes: a paper's few hundred
            // words make no strings until its distinct features are counted.
            var features = TermTable()
            var counts: [Double] = []
            var pair: [UInt8] = []
            func count(_ bytes: UnsafeBufferPointer<UInt8>, _ weight: Double) {
                let id = Int(features.intern(bytes))
                if id == counts.count { counts.append(0) }
                counts[id] += weight
            }
            func add(_ text: String, weight: Double) {
                var text = text
                var hasPrevious = false
                text.withUTF8 { utf8 in
                    SearchText.forEachWord(inUTF8: utf8) { word in
                        let term = self.term(of: word.folded)
                        termBytes.withUnsafeBufferPointer { bytes in
                            let term = UnsafeBufferPointer(rebasing: bytes[term])
                            guard !StopWords.contains(utf8: term) else { return }
                            count(term, weight)
                            // The pair `previous term`: the term before is all of `pair` until then.
                            if hasPrevious {
                                pair.append(UInt8(ascii: " "))
                                pair.append(contentsOf: term)
                                pair.withUnsafeBufferPointer { count($0, weight) }
                            }
                            pair.removeAll(keepingCapacity: true)
                            pair.append(contentsOf: term)
                            hasPrevious = true
                        }
                    }
                }
            }
            if let title = paper.title { add(title, weight: CategoryModel.titleWeight) }
            if let abstract = paper.abstract { add(abstract, weight: 1) }
            if includingTags { for tag in paper.keywords { add(tag, weight: CategoryModel.tagWeight) } }
            return CategoryFeatures(
                words: CategoryFeatures.sorted(features, counts), authors: Set(paper.authors.compactMap(CategoryFeatures.authorKey)).sorted())
        }

        /// Where in `termBytes` the term of a folded word is.
        private mutating func term(of folded: UnsafeBufferPointer<UInt8>) -> Range<Int> {
            let id = Int(spellings.intern(folded))
            if id == termOfSpelling.count {
                var term = Array(folded)
                WordForms.unifyTerm(&term)
                termOfSpelling.append(termBytes.count..<(termBytes.count + term.count))
                termBytes.append(contentsOf: term)
            }
            return termOfSpelling[id]
        }
    }

    private init(words: [(term: String, count: Double)], authors: [String]) {
        self.words = words
        self.authors = authors
    }

    /// The features with `log(1 + n)` of their counts, sorted as strings.
    /// ASCII sorts as its bytes; other text goes through `String`, whose
    /// equality also merges two spellings of one canonical form.
    private static func sorted(_ features: TermTable, _ counts: [Double]) -> [(term: String, count: Double)] {
        guard features.bytes.allSatisfy({ $0 < 0x80 }) else {
            var merged: [String: Double] = [:]
            for id in counts.indices { merged[String(decoding: features.term(id), as: UTF8.self), default: 0] += counts[id] }
            return merged.map { (term: $0.key, count: log1p($0.value)) }.sorted { $0.term < $1.term }
        }
        return features.idsSortedByBytes().map { id in
            (term: String(decoding: features.term(Int(id)), as: UTF8.self), count: log1p(counts[Int(id)]))
        }
    }

    /// Whether there is anything to infer from.
    var isEmpty: Bool { words.isEmpty && authors.isEmpty }

    /// `surname initial` of a name as any source prints it (`C. R. Angus`,
    /// `Jürgen Reuter`), generational suffixes dropped.
    static func authorKey(_ name: String) -> String? {
        var parts = SearchText.key(name).split(separator: " ")
        while let last = parts.last, parts.count > 1, ["jr", "sr", "ii", "iii", "iv"].contains(last) { parts.removeLast() }
        guard let surname = parts.last else { return nil }
        guard parts.count > 1, let initial = parts[0].first else { return String(surname) }
        return surname + " " + String(initial)
    }
}

/// Infers a paper's category from papers whose category is known:
/// complement naive Bayes over title and abstract terms and term pairs
/// (Rennie et al. 2003: a category's word weights come from the papers of
/// all the other categories, which evens out categories of unequal size;
/// log-damped counts, additive smoothing), plus the evidence of its
/// authors' other papers (each author's categories, smoothed towards the
/// catalog's shares), combined log-linearly and turned into probabilities
/// by a softmax.
///
/// Training papers' tags count as words (they name the topic as the site
/// saw it); a paper to classify brings whatever it has. Every sum runs in
/// sorted order, so the same papers give the same answers in every run.
package struct CategoryModel: Sendable {
    /// Category names as the papers spell them, sorted.
    package let categories: [String]
    /// Per category: papers, and word occurrences.
    private var papers: [Double]
    private var wordTotals: [Double]
    /// Per word (or author), its row in the counts below: `row * categories.count + category`.
    private var wordRows: [String: Int] = [:]
    private var wordCounts: [Double] = []
    private var authorRows: [String: Int] = [:]
    private var authorCounts: [Double] = []
    /// What each word and author row adds to each category's score, worked
    /// out once for the model as learned (``probabilities(of:leavingOut:)``
    /// without leaving a paper out): the same operations, in the same order,
    /// as working them out per paper.
    private var wordWeights: [Double] = []
    private var authorWeights: [Double] = []

    // The constants below were chosen by cross-validation (20 folds,
    // accuracy) on the 460 bundled categorised papers outside
    // Bench/categories/heldout-ids.txt; the 114 held-out papers only report
    // (README, "Inferred categories"). Accuracy is flat near these values
    // (0.86 to 0.87 on those folds).

    /// Weights of a title term and of a tag term against an abstract term.
    static let titleWeight = 2.0, tagWeight = 2.0
    /// Additive smoothing of word counts (Lidstone).
    static let wordSmoothing = 0.3
    /// How many papers' worth of the catalog's shares each author's counts start from.
    static let authorSmoothing = 2.0
    /// Weights of the two kinds of evidence (naive Bayes counts every word
    /// as independent, and so overstates); at these weights the softmax
    /// needs no temperature (log loss is least at 1).
    static let textWeight = 0.08, authorWeight = 0.3

    /// Learns from `training`, each paper with its category; papers whose
    /// category spells the same (``SearchText/key(_:)``) share one.
    /// - Complexity: O(total length of the training papers' text).
    package init(_ training: [(features: CategoryFeatures, category: String)]) {
        var nameOfKey: [String: String] = [:]
        for (_, category) in training { nameOfKey[SearchText.key(category)] = nameOfKey[SearchText.key(category)] ?? category }
        let keys = nameOfKey.keys.sorted()
        categories = keys.map { nameOfKey[$0]! }
        papers = Array(repeating: 0, count: keys.count)
        wordTotals = papers
        let position = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        for (features, category) in training { learn(features, position[SearchText.key(category)]!) }
        weighRows()
    }

    /// Fills ``wordWeights`` and ``authorWeights``.
    private mutating func weighRows() {
        let width = categories.count
        let total = papers.reduce(0, +)
        guard width > 1, total > 0 else { return }
        let shares = papers.map { max($0, 0.5) / total }
        let allWords = wordTotals.reduce(0, +)
        let smoothing = Self.wordSmoothing * Double(wordRows.count)
        let denominators = wordTotals.map { log(allWords - $0 + smoothing) }
        wordWeights = Array(repeating: 0, count: wordCounts.count)
        for row in stride(from: 0, to: wordCounts.count, by: width) {
            let occurrences = wordCounts[row..<(row + width)].reduce(0, +)
            guard occurrences > 0 else { continue }
            for category in 0..<width {
                wordWeights[row + category] = log(occurrences - wordCounts[row + category] + Self.wordSmoothing) - denominators[category]
            }
        }
        authorWeights = Array(repeating: 0, count: authorCounts.count)
        for row in stride(from: 0, to: authorCounts.count, by: width) {
            let papersByAuthor = authorCounts[row..<(row + width)].reduce(0, +)
            guard papersByAuthor > 0 else { continue }
            for category in 0..<width {
                authorWeights[row + category] =
                    log((authorCounts[row + category] + Self.authorSmoothing * shares[category]) / (papersByAuthor + Self.authorSmoothing))
                    - log(shares[category])
            }
        }
    }

    private mutating func learn(_ features: CategoryFeatures, _ category: Int) {
        papers[category] += 1
        for (term, count) in features.words {
            wordCounts[Self.row(of: term, in: &wordRows, counts: &wordCounts, width: categories.count) + category] += count
            wordTotals[category] += count
        }
        for author in features.authors {
            authorCounts[Self.row(of: author, in: &authorRows, counts: &authorCounts, width: categories.count) + category] += 1
        }
    }

    private static func row(of key: String, in rows: inout [String: Int], counts: inout [Double], width: Int) -> Int {
        if let row = rows[key] { return row }
        rows[key] = counts.count
        counts += Array(repeating: 0, count: width)
        return counts.count - width
    }

    /// The probability of each category (in ``categories`` order) for a
    /// paper with `features`; `nil` when there is nothing to go on (no
    /// words or authors, fewer than two categories).
    ///
    /// `leavingOut` forgets one training paper first, as if the model had
    /// been learned without it (leave-one-out evaluation).
    /// - Complexity: O(features × categories).
    package func probabilities(
        of features: CategoryFeatures,
        leavingOut left: (features: CategoryFeatures, category: Int)? = nil
    ) -> [Double]? {
        let width = categories.count
        guard width > 1, !features.isEmpty else { return nil }
        if left == nil { return probabilitiesAsLearned(of: features) }
        var papers = papers
        var wordTotals = wordTotals
        var leftWords: [String: Double] = [:]
        var leftAuthors: Set<String> = []
        if let left {
            papers[left.category] -= 1
            for (term, count) in left.features.words {
                leftWords[term] = count
                wordTotals[left.category] -= count
            }
            leftAuthors = Set(left.features.authors)
        }
        // The share of each category among the papers: where an author's counts start.
        let total = papers.reduce(0, +)
        guard total > 0 else { return nil }
        let shares = papers.map { max($0, 0.5) / total }
        var text = Array(repeating: 0.0, count: width)
        var authors = text
        // Complement naive Bayes: a word weighs against a category by how often it occurs in the others.
        let allWords = wordTotals.reduce(0, +)
        let smoothing = Self.wordSmoothing * Double(wordRows.count)
        let denominators = wordTotals.map { log(allWords - $0 + smoothing) }
        var counts = Array(repeating: 0.0, count: width)
        for (term, count) in features.words {
            guard let row = wordRows[term] else { continue }
            for category in 0..<width { counts[category] = wordCounts[row + category] }
            if let left, let own = leftWords[term] { counts[left.category] -= own }
            let occurrences = counts.reduce(0, +)
            guard occurrences > 0 else { continue }
            for category in 0..<width {
                text[category] -= count * (log(occurrences - counts[category] + Self.wordSmoothing) - denominators[category])
            }
        }
        for author in features.authors {
            guard let row = authorRows[author] else { continue }
            for category in 0..<width { counts[category] = authorCounts[row + category] }
            if let left, leftAuthors.contains(author) { counts[left.category] -= 1 }
            let papersByAuthor = counts.reduce(0, +)
            guard papersByAuthor > 0 else { continue }
            for category in 0..<width {
                authors[category] +=
                    log((counts[category] + Self.authorSmoothing * shares[category]) / (papersByAuthor + Self.authorSmoothing))
                    - log(shares[category])
            }
        }
        return Self.softmax(text: text, authors: authors)
    }

    /// ``probabilities(of:leavingOut:)`` leaving no paper out, from the
    /// weights worked out once.
    private func probabilitiesAsLearned(of features: CategoryFeatures) -> [Double]? {
        let width = categories.count
        guard papers.reduce(0, +) > 0 else { return nil }
        var text = Array(repeating: 0.0, count: width)
        var authors = text
        for (term, count) in features.words {
            guard let row = wordRows[term] else { continue }
            for category in 0..<width { text[category] -= count * wordWeights[row + category] }
        }
        for author in features.authors {
            guard let row = authorRows[author] else { continue }
            for category in 0..<width { authors[category] += authorWeights[row + category] }
        }
        return Self.softmax(text: text, authors: authors)
    }

    /// The two kinds of evidence weighed together, as probabilities.
    private static func softmax(text: [Double], authors: [Double]) -> [Double] {
        let scores = text.indices.map { textWeight * text[$0] + authorWeight * authors[$0] }
        let highest = scores.max()!
        let exponentials = scores.map { exp($0 - highest) }
        let sum = exponentials.reduce(0, +)
        return exponentials.map { $0 / sum }
    }
}
