import Foundation

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
/// start or end a tag (backed off to the word's last three letters). Two
/// corrections keep frequent neighbours apart: a candidate that splits into
/// two parts each more frequent than itself is a co-occurrence, not a tag;
/// and a soft prior on the number of tags a paper carries (about five, fewer
/// on a short line: a tag has two words on average).
struct KeywordSegmenter {
    static let maxTagWords = 6
    private static let alpha = 100_000.0
    private static let expectedTags = 5.0
    private static let tagCountPenalty = 9.0
    private static let passes = 8
    /// Lines used to learn the dictionary; larger corpora are sampled evenly.
    private static let maxTrainingLines = 20_000

    private var vocabulary: [Substring: Int32] = [:]
    private var spellings: [Substring] = []
    private var wordCounts: [Int] = []
    private var wordTotal = 0.0
    private var tagCounts: [TagKey: Int] = [:]
    private var tagTotal = 0.0
    private var startProbability: [Double] = []
    private var endProbability: [Double] = []
    private var lengthProbability: [Double] = Array(repeating: 0.2, count: maxTagWords + 1)

    /// Segments every line, learning from all of them together.
    static func segment(_ lines: [String]) -> [[String]] {
        var segmenter = KeywordSegmenter()
        let encoded = lines.map { segmenter.encode($0) }
        let stride = max(1, encoded.count / maxTrainingLines)
        let training = Swift.stride(from: 0, to: encoded.count, by: stride).map { encoded[$0] }
        var segmentations = segmenter.train(training)
        if stride > 1 {
            segmentations = encoded.map { segmenter.bestSegmentation(of: $0, own: []) }
        }
        return zip(encoded, segmentations).map { words, cuts in
            cuts.map { range in words[range].map { segmenter.spellings[Int($0)] }.joined(separator: " ") }
        }
    }

    private mutating func encode(_ line: String) -> [Int32] {
        line.split(separator: " ").map { word in
            if let id = vocabulary[word] {
                wordCounts[Int(id)] += 1
                return id
            }
            let id = Int32(spellings.count)
            vocabulary[word] = id
            spellings.append(word)
            wordCounts.append(1)
            return id
        }
    }

    /// Hard-EM passes; returns the last segmentation of `lines`.
    private mutating func train(_ lines: [[Int32]]) -> [[Range<Int>]] {
        wordTotal = Double(wordCounts.reduce(0, +))
        startProbability = Array(repeating: 0.5, count: spellings.count)
        endProbability = startProbability
        var owned = lines.map { Self.allNGrams(of: $0) }
        tagCounts = [:]
        for grams in owned { for gram in grams { tagCounts[gram, default: 0] += 1 } }
        tagTotal = Double(tagCounts.values.reduce(0, +))
        var segmentations: [[Range<Int>]] = []
        for pass in 0...Self.passes {
            if pass > 0 { reestimate(lines, segmentations) }
            segmentations = zip(lines, owned).map { bestSegmentation(of: $0, own: $1) }
            owned = zip(lines, segmentations).map { words, cuts in Set(cuts.map { TagKey(words[$0]) }) }
        }
        return segmentations
    }

    /// Viterbi over (position, tags so far), then the best tag count under the prior.
    private func bestSegmentation(of words: [Int32], own: Set<TagKey>) -> [Range<Int>] {
        let n = words.count
        guard n > 1 else { return n == 0 ? [] : [0..<1] }
        var best = Array(repeating: Array(repeating: -Double.infinity, count: n + 1), count: n + 1)
        var back = Array(repeating: Array(repeating: -1, count: n + 1), count: n + 1)
        best[0][0] = 0
        var scores: [Range<Int>: Double] = [:]
        for start in 0..<n {
            for end in (start + 1)...min(n, start + Self.maxTagWords) {
                scores[start..<end] = logProbability(TagKey(words[start..<end]), own: own)
            }
        }
        for start in 0..<n {
            for tags in 0..<n where best[start][tags] > -.infinity {
                for end in (start + 1)...min(n, start + Self.maxTagWords) {
                    let candidate = best[start][tags] + scores[start..<end]!
                    if candidate > best[end][tags + 1] {
                        best[end][tags + 1] = candidate
                        back[end][tags + 1] = start
                    }
                }
            }
        }
        let expected = min(Self.expectedTags, Double(n) / 2)
        var tags = (1...n).max { lhs, rhs in
            best[n][lhs] - Self.tagCountPenalty * abs(Double(lhs) - expected)
                < best[n][rhs] - Self.tagCountPenalty * abs(Double(rhs) - expected)
        }!
        var cuts: [Range<Int>] = []
        var end = n
        while end > 0 {
            let start = back[end][tags]
            cuts.append(start..<end)
            end = start
            tags -= 1
        }
        return cuts.reversed()
    }

    private func logProbability(_ tag: TagKey, own: Set<TagKey>) -> Double {
        var count = seenCount(tag, own: own)
        if count > 0, tag.words.count > 1 {
            for split in 1..<tag.words.count {
                let left = TagKey(tag.words[..<split]), right = TagKey(tag.words[split...])
                if min(seenCount(left, own: own), seenCount(right, own: own)) > count {
                    count = 0
                    break
                }
            }
        }
        return log((Double(count) + Self.alpha * novelProbability(tag)) / (tagTotal + Self.alpha))
    }

    private func seenCount(_ tag: TagKey, own: Set<TagKey>) -> Int {
        (tagCounts[tag] ?? 0) - (own.contains(tag) ? 1 : 0)
    }

    /// P0: the chance of `tag` as a tag never seen before.
    private func novelProbability(_ tag: TagKey) -> Double {
        let words = tag.words
        var p = lengthProbability[words.count] * startProbability[Int(words[0])] * endProbability[Int(words[words.count - 1])]
        for (position, word) in words.enumerated() {
            let id = Int(word)
            if position < words.count - 1 { p *= 1 - endProbability[id] }
            if position > 0 { p *= 1 - startProbability[id] }
            p *= Double(wordCounts[id]) / wordTotal
        }
        return p
    }

    /// Learns tag counts, start/end word chances and the tag-length
    /// distribution from the current segmentation.
    private mutating func reestimate(_ lines: [[Int32]], _ segmentations: [[Range<Int>]]) {
        var starts = Array(repeating: 0, count: spellings.count)
        var ends = starts, seen = starts
        var suffixStarts: [Substring: Int] = [:], suffixEnds: [Substring: Int] = [:], suffixSeen: [Substring: Int] = [:]
        var lengths = Array(repeating: 0, count: Self.maxTagWords + 1)
        tagCounts = [:]
        for (words, cuts) in zip(lines, segmentations) {
            for cut in cuts {
                tagCounts[TagKey(words[cut]), default: 0] += 1
                lengths[cut.count] += 1
                for position in cut {
                    let id = Int(words[position])
                    let suffix = spellings[id].suffix(3)
                    seen[id] += 1
                    suffixSeen[suffix, default: 0] += 1
                    if position == cut.lowerBound {
                        starts[id] += 1
                        suffixStarts[suffix, default: 0] += 1
                    }
                    if position == cut.upperBound - 1 {
                        ends[id] += 1
                        suffixEnds[suffix, default: 0] += 1
                    }
                }
            }
        }
        tagTotal = Double(tagCounts.values.reduce(0, +))
        for id in spellings.indices where seen[id] > 0 {
            let suffix = spellings[id].suffix(3)
            let total = Double(suffixSeen[suffix] ?? 0) + 1
            let suffixStart = (Double(suffixStarts[suffix] ?? 0) + 0.5) / total
            let suffixEnd = (Double(suffixEnds[suffix] ?? 0) + 0.5) / total
            startProbability[id] = (Double(starts[id]) + 2 * suffixStart) / (Double(seen[id]) + 2)
            endProbability[id] = (Double(ends[id]) + 2 * suffixEnd) / (Double(seen[id]) + 2)
        }
        let tagTotalCount = Double(lengths.reduce(0, +))
        lengthProbability = lengths.map { $0 == 0 ? 0.001 : (Double($0) + 1) / (tagTotalCount + 6) }
    }

    private static func allNGrams(of words: [Int32]) -> Set<TagKey> {
        var grams = Set<TagKey>()
        for start in words.indices {
            for end in (start + 1)...min(words.count, start + maxTagWords) {
                grams.insert(TagKey(words[start..<end]))
            }
        }
        return grams
    }
}

/// A run of word ids used as a dictionary key.
private struct TagKey: Hashable {
    var words: [Int32]
    init(_ words: some Sequence<Int32>) { self.words = Array(words) }
}
