import Foundation
import PaperCatalog

/// Words, sentences, names and tags taken from the bundled catalog, kept
/// with their natural frequencies (a word used twice appears twice).
struct Vocabulary {
    var titleWords: [String] = []
    var sentences: [String] = []
    var authors: [String] = []
    var tags: [String] = []
    var categories: [String] = []

    static func bundled() -> Vocabulary {
        // The checkout's Data/ folder: this file is Sources/iaifi-bench/Vocabulary.swift.
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data").path
        let catalog = Catalog.load(paths: [data])
        var vocabulary = Vocabulary()
        for paper in catalog.papers {
            vocabulary.titleWords += (paper.title ?? "").split(separator: " ").map(String.init)
            vocabulary.sentences += (paper.abstract ?? "").components(separatedBy: ". ").filter { $0.count > 20 }
            vocabulary.authors += paper.authors.filter { !$0.lowercased().contains("collaboration") }
            vocabulary.tags += paper.keywords
            if let category = paper.category, !vocabulary.categories.contains(category) { vocabulary.categories.append(category) }
        }
        return vocabulary
    }
}

/// SplitMix64: small, fast, and the same sequence on every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
