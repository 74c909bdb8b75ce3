import Foundation
import TextNormalization

/// Recovers keyword tags from lines that joined them with single spaces.
///
/// The corpus itself is the dictionary: a tag that several papers carry is a
/// unit that recurs in other contexts. The segmenter is a unigram "tag
/// language model" with a Dirichlet-process prior (Goldwater, Griffiths &
/// Johnson 2009, "A Bayesian framework for word segmentation"), decoded with
/// Viterbi and re-estimated by hard EM:
///
///     p(tag) = (count(tag) + α · P0(tag)) / (N + α)
///
/// where `count` excludes the line being segmented, and `P0`, the chance of a
/// tag never seen before, favours usual tag lengths and words that usually
/// start or end a tag (English function words such as `to` and `of` almost
/// never do). A word seen in few tags borrows its chances from how it
/// behaves in the papers' prose: one that there usually comes before a comma
/// or a word such as `of` or `is` usually ends a noun phrase (`variety`,
/// `analysis`), one that rarely does usually stands inside one (`partial`,
/// `super`), and likewise for starts. On 567 hand-labelled lines, a word
/// that ends a tag has the higher prose end rate of the two in 88% of pairs
/// of one that does and one that does not (81% for starts).
///
/// The papers' own prose decides between tags seen once: two words of a
/// keyword line that stand side by side somewhere in the titles and
/// abstracts (as search terms: folded, singular) are most likely one tag
/// (`choi matrix`), two that never do most likely meet at a boundary
/// (`tomography choi`). On 107 hand-labelled lines, 98% of the word pairs
/// across a tag boundary never occur in the prose, and 74% of those inside a
/// tag do.
///
/// Corrections keep frequent neighbours apart: a candidate that splits into
/// two parts each more frequent than itself is a co-occurrence, not a tag,
/// and so is one that has, at either end, a tag seen far more often than
/// itself; an unseen candidate that starts or ends with a frequent tag is
/// penalised. A prior on the number of tags keeps it near five, the number
/// a paper of this site carries (more on a long line, fewer on a short one),
/// and a paper lists a tag once (`holography | null boundary holography`).
struct KeywordSegmenter {
    static let maxTagWords = 6
    private static let alpha = 100_000.0
    private static let expectedTags = 5.0
    /// Words per tag on the densest lines (seven words, five tags): a
    /// shorter line is expected to carry proportionally fewer tags.
    private static let densestTagWords = 1.4
    /// Log-penalty per tag below the expected number.
    private static let fewerTagsPenalty = 15.0
    /// Log-penalty per tag above `expectedTags`: long lines may carry more.
    private static let moreTagsPenalty = 12.0
    /// Log-odds, per pair of neighbouring words inside a candidate, for a
    /// pair that stands side by side in the prose, and for one that does not.
    private static let togetherInProse = 3.0
    private static let apartInProse = -1.5
    private static let passes = 8
    /// A tag seen this often is a unit: an unseen candidate that contains
    /// one at either end is more likely two tags, and is penalised by
    /// `swallowPenalty`.
    private static let frequentTag = 5.0
    private static let swallowPenalty = 0.01
    /// A tag seen at least `frequentTag` times and this many times more often
    /// than a candidate that contains it at either end makes the candidate a
    /// concatenation (two related papers listing the same two tags in the
    /// same order), not a tag.
    private static let concatenationRatio = 8.0
    /// English function words, which open or close a tag about as rarely as
    /// this chance (`learning to optimize`, never `to optimize`): general
    /// language, not a list of any file's tags.
    private static let functionWords: Set<Substring> = [
        "a", "an", "the", "of", "to", "for", "in", "on", "at", "by", "with", "from", "via", "and", "or", "as", "into",
        "than", "vs", "versus",
    ]
    private static let functionWordEdgeChance = 0.01
    /// Words that, in prose, stand between noun phrases: a keyword word
    /// usually followed by one of these (or by punctuation) usually ends a
    /// tag, and one usually preceded by one usually starts a tag.
    private static let phraseBreakWords = functionWords.union([
        "is", "are", "was", "were", "be", "been", "can", "we", "our", "this", "that", "these", "those", "which",
        "using", "use", "based",
    ])
    /// How rates of ending (or starting) a phrase in prose are grouped:
    /// tenths of the rate, and one group for words seen there too rarely.
    private static let proseRateGroups = 10
    /// A term seen fewer times than this in the prose has no rate of its own.
    private static let minimumProseOccurrences = 2
    /// Terms longer than this are not phrase-break words, so are not looked up.
    private static let longestPhraseBreakWord = phraseBreakWords.map(\.utf8.count).max()!
    /// How many of its own tags a word's start and end chances are worth
    /// before they outweigh its group's.
    private static let groupWeight = 4.0
    /// Lines used to learn the dictionary; larger corpora are sampled evenly.
    static let maxTrainingLines = 20_000

    private var vocabulary: [Substring: Int32] = [:]
    private var spellings: [Substring] = []
    private var wordCounts: [Int] = []
    /// Per word, the hashes of its first and last search terms: a pair of
    /// neighbouring words is looked up in the prose as (last, first), and a
    /// word starts a phrase there as its first term and ends one as its last.
    private var edgeTerms: [(first: UInt64, last: UInt64)] = []
    /// The neighbouring-word pairs of the training lines that stand side by
    /// side in the training papers' prose, as ``pairKey(_:_:)``.
    private var togetherPairs: Set<UInt64> = []
    /// Per word, its group by the rate at which its first search term starts
    /// a phrase in the training prose, and the same for its last term ending
    /// one: the start and end chances of words seen in few tags back off to
    /// their group's.
    private var startGroups: [Int] = []
    private var endGroups: [Int] = []
    private var wordTotal = 0.0
    /// Every n-gram (up to `maxTagWords` words) of the training lines,
    /// interned as (id of the n-gram without its last word, last word).
    private var gramIDs: [UInt64: Int32] = [:]
    private var tagCounts: [Double] = []
    private var tagTotal = 0.0
    private var startProbability: [Double] = []
    private var endProbability: [Double] = []
    private var lengthProbability: [Double] = Array(repeating: 0.2, count: maxTagWords + 1)

    /// A line as word ids, with the id of each of its n-grams.
    private struct Line {
        var words: [Int32]
        /// `grams[start * maxTagWords + length - 1]`; -1 past the line's end
        /// and for an n-gram the training lines never had.
        var grams: [Int32]

        func gram(_ start: Int, _ length: Int) -> Int32 { grams[start * KeywordSegmenter.maxTagWords + length - 1] }
    }

    /// Segments every line, learning from all of them together, or from an
    /// even sample of `trainingLines` of them when there are more.
    /// `prose(i)` are the texts (title, abstract) of line `i`'s paper; only
    /// those of the lines learned from are read.
    static func segment(_ lines: [String], prose: (Int) -> [String], trainingLines: Int = maxTrainingLines) -> [[String]] {
        var segmenter = KeywordSegmenter()
        // Every line's word ids, end to end: two allocations, not one per line.
        var wordIDs: [Int32] = []
        var lineStarts = [0]
        for line in lines {
            segmenter.countWords(line, into: &wordIDs)
            lineStarts.append(wordIDs.count)
        }
        let allWords = wordIDs
        let starts = lineStarts
        @Sendable func words(_ line: Int) -> [Int32] { Array(allWords[starts[line]..<starts[line + 1]]) }
        let stride = max(1, lines.count / trainingLines)
        let sample = Array(Swift.stride(from: 0, to: lines.count, by: stride))
        let training = sample.map { segmenter.learn(words($0)) }
        segmenter.readProse(training, sample.lazy.map(prose))
        let trained = segmenter.train(training)
        guard stride > 1 else { return zip(training, trained).map(segmenter.tags) }
        // Each line on its own now: the model is fixed, so the work splits across cores.
        let model = segmenter
        return Parallel.map(lines.count, chunk: 4096) { index in
            let line = model.encode(words(index))
            return model.tags(line, model.bestSegmentation(of: line, own: [], firstPass: false))
        }
    }

    /// The tags `cuts` make of `line`, spelled as in the input.
    private func tags(_ line: Line, _ cuts: [Range<Int>]) -> [String] {
        cuts.map { range in line.words[range].map { spellings[Int($0)] }.joined(separator: " ") }
    }

    /// Counts the words of every line, training or not (P0 knows them all),
    /// and appends the line's word ids to `ids`.
    private mutating func countWords(_ text: String, into ids: inout [Int32]) {
        for word in text.split(separator: " ") {
            if let id = vocabulary[word] {
                wordCounts[Int(id)] += 1
                ids.append(id)
                continue
            }
            let id = Int32(spellings.count)
            vocabulary[word] = id
            spellings.append(word)
            edgeTerms.append(Self.edgeTerms(of: word))
            wordCounts.append(1)
            ids.append(id)
        }
    }

    /// Hashes of the first and last search terms of a keyword-line word
    /// (`self-supervised` -> `self`, `supervised`); a word without letters
    /// or digits stands for itself.
    private static func edgeTerms(of word: Substring) -> (first: UInt64, last: UInt64) {
        var first: UInt64?
        var last: UInt64 = 0
        SearchText.forEachKeyWord(in: word) { term in
            last = fnv1a(term)
            if first == nil { first = last }
        }
        guard let first else {
            let itself = fnv1a(word.utf8)
            return (itself, itself)
        }
        return (first, last)
    }

    /// One key for the pair of terms `left` then `right`.
    private static func pairKey(_ left: UInt64, _ right: UInt64) -> UInt64 {
        (left &* 0x9e37_79b9_7f4a_7c15) ^ right
    }

    /// The key of the pair that words `left` then `right` make.
    private func pairKey(ofWords left: Int32, _ right: Int32) -> UInt64 {
        Self.pairKey(edgeTerms[Int(left)].last, edgeTerms[Int(right)].first)
    }

    /// Reads the training papers' prose: which neighbouring words of the
    /// training lines stand side by side there, and how often each word's
    /// edge terms start and end a phrase.
    private mutating func readProse(_ lines: [Line], _ prose: some Sequence<[String]>) {
        var wanted: Set<UInt64> = []
        for line in lines {
            for (left, right) in zip(line.words, line.words.dropFirst()) { wanted.insert(pairKey(ofWords: left, right)) }
        }
        // Per edge term of a word: occurrences, and how many start and end a phrase.
        var rates: [UInt64: (seen: Int, starts: Int, ends: Int)] = [:]
        for terms in edgeTerms {
            rates[terms.first] = (0, 0, 0)
            rates[terms.last] = (0, 0, 0)
        }
        let breaks = Set(Self.phraseBreakWords.flatMap { SearchText.key($0).split(separator: " ").map { fnv1a($0.utf8) } })
        var together: Set<UInt64> = []
        var terms: [(hash: UInt64, isBreak: Bool)] = []
        for text in prose.joined() {
            Self.forEachPhrase(of: text) { phrase in
                terms.removeAll(keepingCapacity: true)
                SearchText.forEachKeyWord(inUTF8: phrase) { term in
                    let hash = fnv1a(term)
                    terms.append((hash, term.count <= Self.longestPhraseBreakWord && breaks.contains(hash)))
                }
                for (index, term) in terms.enumerated() {
                    if index > 0 {
                        let key = Self.pairKey(terms[index - 1].hash, term.hash)
                        if wanted.contains(key) { together.insert(key) }
                    }
                    guard let slot = rates.index(forKey: term.hash) else { continue }
                    rates.values[slot].seen += 1
                    if index == 0 || terms[index - 1].isBreak { rates.values[slot].starts += 1 }
                    if index == terms.count - 1 || terms[index + 1].isBreak { rates.values[slot].ends += 1 }
                }
            }
        }
        togetherPairs = together
        func group(_ count: Int, of seen: Int) -> Int {
            seen < Self.minimumProseOccurrences ? Self.proseRateGroups : min(Self.proseRateGroups - 1, count * Self.proseRateGroups / seen)
        }
        startGroups = edgeTerms.map { rates[$0.first].map { group($0.starts, of: $0.seen) }! }
        endGroups = edgeTerms.map { rates[$0.last].map { group($0.ends, of: $0.seen) }! }
    }

    /// Calls `body` with the UTF-8 bytes of each stretch of `text` between
    /// phrase-ending punctuation.
    private static func forEachPhrase(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || isPhraseBreak(bytes[index]) {
                if index > start { body(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                start = index + 1
            }
        }
    }

    /// Whether `byte` is punctuation that ends a phrase in prose.
    private static func isPhraseBreak(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "!"), UInt8(ascii: "?"),
            UInt8(ascii: "$"), UInt8(ascii: "\""):
            true
        default: false
        }
    }

    /// For each pair of neighbouring `words`, whether it stands side by side
    /// in the training prose. (A line outside the training sample is judged
    /// by the sample's prose alone: reading every paper's own text as well
    /// would cost more than parsing the catalog does.)
    private func together(_ words: [Int32]) -> [Bool] {
        zip(words, words.dropFirst()).map { togetherPairs.contains(pairKey(ofWords: $0, $1)) }
    }

    /// N-gram ids of a line the model learns from: every n-gram gets an id.
    private mutating func learn(_ words: [Int32]) -> Line {
        Self.line(words) { key in
            if let known = gramIDs[key] { return known }
            let id = Int32(gramIDs.count)
            gramIDs[key] = id
            return id
        }
    }

    /// Word and n-gram ids of a line to segment with the learned model: an
    /// n-gram the training lines never had gets -1 (it can still be a tag,
    /// through P0).
    private func encode(_ words: [Int32]) -> Line {
        Self.line(words) { gramIDs[$0] }
    }

    /// A line of `words` with, for each n-gram, the id `gramID` gives its key
    /// (the id of the n-gram without its last word, and that word); an n-gram
    /// whose prefix has no id has none either.
    private static func line(_ words: [Int32], gramID: (UInt64) -> Int32?) -> Line {
        var grams = Array(repeating: Int32(-1), count: words.count * Self.maxTagWords)
        for start in words.indices {
            var prefix: Int32 = -1
            for length in 1...min(Self.maxTagWords, words.count - start) {
                let key = UInt64(UInt32(bitPattern: prefix)) << 32 | UInt64(UInt32(bitPattern: words[start + length - 1]))
                guard let id = gramID(key) else { break }
                prefix = id
                grams[start * Self.maxTagWords + length - 1] = id
            }
        }
        return Line(words: words, grams: grams)
    }

    /// Hard-EM passes; returns the last segmentation of `lines`.
    private mutating func train(_ lines: [Line]) -> [[Range<Int>]] {
        wordTotal = Double(wordCounts.reduce(0, +))
        startProbability = Array(repeating: 0.5, count: spellings.count)
        endProbability = startProbability
        pinFunctionWords()
        tagCounts = Array(repeating: 0, count: gramIDs.count)
        for line in lines {
            for gram in Set(line.grams) where gram >= 0 { tagCounts[Int(gram)] += 1 }
        }
        tagTotal = tagCounts.reduce(0, +)
        var segmentations = lines.map { bestSegmentation(of: $0, own: [], firstPass: true) }
        for _ in 0..<Self.passes {
            reestimate(lines, segmentations)
            segmentations = zip(lines, segmentations).map { line, cuts in
                bestSegmentation(of: line, own: cuts.map { line.gram($0.lowerBound, $0.count) }, firstPass: false)
            }
        }
        return segmentations
    }

    /// The best cuts of `line` under the model (see ``decode(_:words:)``).
    /// `own` are the line's current tags, whose counts exclude this line;
    /// in the first pass every n-gram of the line is its own.
    private func bestSegmentation(of line: Line, own: [Int32], firstPass: Bool) -> [Range<Int>] {
        let n = line.words.count
        guard n > 1 else { return n == 0 ? [] : [0..<1] }
        func seen(_ gram: Int32) -> Double {
            guard gram >= 0 else { return 0 }
            let count = tagCounts[Int(gram)]
            return count - (firstPass || own.contains(gram) ? 1 : 0)
        }
        let together = together(line.words)
        var scores = Array(repeating: 0.0, count: n * Self.maxTagWords)
        for start in 0..<n {
            var prose = 0.0
            for length in 1...min(Self.maxTagWords, n - start) {
                if length > 1 { prose += together[start + length - 2] ? Self.togetherInProse : Self.apartInProse }
                var count = seen(line.gram(start, length))
                if count > 0, length > 1 {
                    for split in 1..<length {
                        let left = seen(line.gram(start, split))
                        let right = seen(line.gram(start + split, length - split))
                        let concatenation =
                            !firstPass
                            && ((left >= Self.frequentTag && left > Self.concatenationRatio * count)
                                || (right >= Self.frequentTag && right > Self.concatenationRatio * count))
                        if min(left, right) > count || concatenation {
                            count = 0
                            break
                        }
                    }
                }
                var novel = novelProbability(line.words[start..<(start + length)])
                if count <= 0, length > 1,
                    (1..<length).contains(where: { split in
                        max(seen(line.gram(start, split)), seen(line.gram(start + split, length - split))) >= Self.frequentTag
                    })
                {
                    novel *= Self.swallowPenalty
                }
                scores[start * Self.maxTagWords + length - 1] = log((max(0, count) + Self.alpha * novel) / (tagTotal + Self.alpha)) + prose
            }
        }
        var best = (scores: scores, decoded: Self.decode(scores, words: n))
        // A paper lists a tag once: a segmentation that repeats one is decoded
        // again without one of the repeats, whichever leaves the better score.
        for _ in 0..<3 {
            let cuts = best.decoded.cuts
            let repeats = cuts.filter { cut in cuts.contains { $0 != cut && line.words[$0] == line.words[cut] } }
            guard !repeats.isEmpty else { break }
            best = repeats.map { cut in
                var scores = best.scores
                scores[cut.lowerBound * Self.maxTagWords + cut.count - 1] = -.infinity
                return (scores, Self.decode(scores, words: n))
            }.max { $0.decoded.score < $1.decoded.score }!
        }
        return best.decoded.cuts
    }

    /// Viterbi over (position, tags so far), then the best tag count under
    /// the prior: the cuts of `words` words with the best total of `scores`
    /// (`scores[start * maxTagWords + length - 1]`, one per candidate tag).
    private static func decode(_ scores: [Double], words n: Int) -> (score: Double, cuts: [Range<Int>]) {
        // best[position * width + tags]: the best score of `tags` tags covering words[..<position].
        let width = n + 1
        var best = [Double](repeating: -.infinity, count: width * width)
        var back = [Int](repeating: -1, count: width * width)
        best[0] = 0
        for start in 0..<n {
            for tags in 0..<n where best[start * width + tags] > -.infinity {
                let base = best[start * width + tags]
                for length in 1...min(maxTagWords, n - start) {
                    let candidate = base + scores[start * maxTagWords + length - 1]
                    let slot = (start + length) * width + tags + 1
                    if candidate > best[slot] {
                        best[slot] = candidate
                        back[slot] = start
                    }
                }
            }
        }
        let expected = min(expectedTags, Double(n) / densestTagWords)
        func total(_ tags: Int) -> Double {
            let difference = Double(tags) - expected
            return best[n * width + tags] + (difference < 0 ? fewerTagsPenalty * difference : -moreTagsPenalty * difference)
        }
        var tags = (1...n).max { total($0) < total($1) }!
        let score = total(tags)
        var cuts: [Range<Int>] = []
        var end = n
        while end > 0 {
            let start = back[end * width + tags]
            cuts.append(start..<end)
            end = start
            tags -= 1
        }
        return (score, cuts.reversed())
    }

    /// Per prose-rate group, the chance that a word of the group starts (or
    /// ends) a tag: `edges[id]` of `seen[id]` for the words in `groups`.
    private static func groupChances(_ seen: [Int], _ edges: [Int], _ groups: [Int]) -> [Double] {
        var groupSeen = Array(repeating: 0, count: proseRateGroups + 1)
        var groupEdges = groupSeen
        for id in seen.indices {
            groupSeen[groups[id]] += seen[id]
            groupEdges[groups[id]] += edges[id]
        }
        return zip(groupEdges, groupSeen).map { (Double($0) + 0.5) / (Double($1) + 1) }
    }

    private mutating func pinFunctionWords() {
        for (id, word) in spellings.enumerated() where Self.functionWords.contains(word) {
            startProbability[id] = Self.functionWordEdgeChance
            endProbability[id] = Self.functionWordEdgeChance
        }
    }

    /// P0: the chance of these words as a tag never seen before.
    private func novelProbability(_ words: ArraySlice<Int32>) -> Double {
        var p = lengthProbability[words.count] * startProbability[Int(words.first!)] * endProbability[Int(words.last!)]
        for (position, word) in zip(words.indices, words) {
            let id = Int(word)
            if position < words.endIndex - 1 { p *= 1 - endProbability[id] }
            if position > words.startIndex { p *= 1 - startProbability[id] }
            p *= Double(wordCounts[id]) / wordTotal
        }
        return p
    }

    /// Learns tag counts, start/end word chances and the tag-length
    /// distribution from the current segmentation.
    private mutating func reestimate(_ lines: [Line], _ segmentations: [[Range<Int>]]) {
        var starts = Array(repeating: 0, count: spellings.count)
        var ends = starts
        var seen = starts
        var lengths = Array(repeating: 0, count: Self.maxTagWords + 1)
        tagCounts = Array(repeating: 0, count: gramIDs.count)
        for (line, cuts) in zip(lines, segmentations) {
            for cut in cuts {
                tagCounts[Int(line.gram(cut.lowerBound, cut.count))] += 1
                lengths[cut.count] += 1
                for position in cut {
                    let id = Int(line.words[position])
                    seen[id] += 1
                    if position == cut.lowerBound { starts[id] += 1 }
                    if position == cut.upperBound - 1 { ends[id] += 1 }
                }
            }
        }
        tagTotal = tagCounts.reduce(0, +)
        let startChance = Self.groupChances(seen, starts, startGroups)
        let endChance = Self.groupChances(seen, ends, endGroups)
        for id in spellings.indices {
            let weight = Self.groupWeight
            startProbability[id] = (Double(starts[id]) + weight * startChance[startGroups[id]]) / (Double(seen[id]) + weight)
            endProbability[id] = (Double(ends[id]) + weight * endChance[endGroups[id]]) / (Double(seen[id]) + weight)
        }
        pinFunctionWords()
        let tagTotalCount = Double(lengths.reduce(0, +))
        lengthProbability = lengths.map { $0 == 0 ? 0.001 : (Double($0) + 1) / (tagTotalCount + 6) }
    }
}
