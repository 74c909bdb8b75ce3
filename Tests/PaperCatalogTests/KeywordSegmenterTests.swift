import Foundation
import Testing

@testable import PaperCatalog

@Suite struct KeywordSegmenterTests {
    /// Tag-level F1 of the bundled catalog's tags against keyword lines
    /// labelled by hand (tags separated by ` | `): `keyword-tags-gold.txt`,
    /// 47 lines, and `keyword-tags-gold-random.txt`, 60 more drawn at
    /// random, which guided the segmenter's constants; and, drawn at random
    /// after the constants were fixed, `keyword-tags-gold-heldout.txt`, 40
    /// lines labelled by correcting the segmenter's output, and
    /// `keyword-tags-gold-blind.txt`, 30 lines labelled without seeing it;
    /// `keyword-tags-gold-rest.txt`, the other 390 lines (all but six the
    /// labeller could not decide), labelled by correcting an older output.
    /// The prose phrase rates, added last, were designed looking at the
    /// errors left on all five, so none is held out from them.
    @Test(arguments: [
        ("keyword-tags-gold.txt", 0.98), ("keyword-tags-gold-random.txt", 0.96),
        ("keyword-tags-gold-heldout.txt", 0.95), ("keyword-tags-gold-blind.txt", 0.95),
        ("keyword-tags-gold-rest.txt", 0.97),
    ])
    func matchesHandLabelledTags(fixture: String, floor: Double) throws {
        #expect(try f1(against: [fixture]) >= floor)
    }

    /// All five files together: every line of the bundled catalog but six.
    @Test func matchesAllHandLabelledTags() throws {
        let fixtures = [
            "keyword-tags-gold.txt", "keyword-tags-gold-random.txt", "keyword-tags-gold-heldout.txt",
            "keyword-tags-gold-blind.txt", "keyword-tags-gold-rest.txt",
        ]
        #expect(try f1(against: fixtures) >= 0.98)
    }

    /// Tag-level F1 of the bundled catalog's tags against the hand-labelled
    /// lines of `fixtures`, printed with precision and recall.
    private func f1(against fixtures: [String]) throws -> Double {
        let gold = try fixtures.flatMap { fixture in
            try String(contentsOfFile: Paths.fixture(fixture), encoding: .utf8)
                .split(separator: "\n").map { $0.components(separatedBy: " | ") }
        }
        let predicted = Dictionary(
            bundled.papers.compactMap { paper in paper.keywordLine.map { ($0, paper.keywords) } },
            uniquingKeysWith: { first, _ in first })
        var truePositives = 0
        var predictedCount = 0
        var goldCount = 0
        for tags in gold {
            let line = tags.joined(separator: " ")
            let guess = try #require(predicted[line], "gold line not in the catalog: \(line)")
            truePositives += Set(spans(tags)).intersection(spans(guess)).count
            predictedCount += guess.count
            goldCount += tags.count
        }
        let precision = Double(truePositives) / Double(predictedCount)
        let recall = Double(truePositives) / Double(goldCount)
        let f1 = 2 * precision * recall / (precision + recall)
        print("keyword segmentation on \(gold.count) hand-labelled lines (\(fixtures.joined(separator: ", "))): P \(precision) R \(recall) F1 \(f1)")
        return f1
    }

    @Test func frequentTagsAreRecovered() throws {
        let line = "diffusion models first-order rejection sampling score-based models high-accuracy convergence log-concave sampling"
        let tags = try #require(bundled.papers.first { $0.keywordLine == line }?.keywords)
        #expect(tags.contains("diffusion models") && tags.contains("score-based models"))
        #expect(tags.joined(separator: " ") == line)
    }

    /// Two papers listing `3d dust mapping` and `bayesian inference` in that
    /// order must not make one tag of them (`bayesian inference` is a tag of
    /// dozens of papers); a tag neither starts nor ends with `to`.
    @Test(arguments: [
        ("3d dust mapping bayesian inference variational inference posterior estimation kernel methods", ["3d dust mapping", "bayesian inference"]),
        (
            "quasi-newton methods learning to optimize hypergradient descent inverse problems surrogate modeling",
            ["quasi-newton methods", "learning to optimize"]
        ),
    ])
    func concatenationsAndFunctionWords(line: String, expected: [String]) throws {
        let tags = try #require(bundled.papers.first { $0.keywordLine == line }?.keywords)
        #expect(expected.allSatisfy(tags.contains), "\(tags)")
    }

    /// Every line comes back whole, and no paper lists a tag twice.
    @Test func everyLineIsCoveredExactlyWithoutRepeats() {
        for paper in bundled.papers {
            guard let line = paper.keywordLine else { continue }
            #expect(paper.keywords.joined(separator: " ") == line)
            #expect(Set(paper.keywords).count == paper.keywords.count, "\(paper.keywords)")
        }
    }

    /// Rare tags whose boundary only the prose's phrase edges give away:
    /// `super` and `derived` are never last in a phrase of the abstracts.
    @Test(arguments: [
        ("super moduli spaces supergeometry torus localization string theory spinor bundles", "super moduli spaces"),
        (
            "shifted symplectic structures derived algebraic geometry lagrangian methods moduli spaces of sheaves group theory",
            "derived algebraic geometry"
        ),
    ])
    func rareTagsEndWhereProsePhrasesEnd(line: String, tag: String) throws {
        let tags = try #require(bundled.papers.first { $0.keywordLine == line }?.keywords)
        #expect(tags.contains(tag), "\(tags)")
    }

    /// Five tags a line, as on the site: tags that recur are recovered from
    /// repetition alone, with no prose to help.
    @Test func recurringTagsAreLearnedFromASmallCorpus() {
        let pool = [
            "dark matter", "galaxy formation", "stellar streams", "neural networks", "gravitational waves",
            "normalizing flows", "anomaly detection",
        ]
        let lines = (0..<7).map { first in (0..<5).map { pool[(first + 2 * $0) % pool.count] } }
        let tags = KeywordSegmenter.segment(lines.map { $0.joined(separator: " ") }, prose: { _ in [] })
        #expect(tags == lines)
    }

    /// Between two tags no other paper carries, the paper's own words decide:
    /// `choi matrix reconstruction` stands in its abstract, `tomography choi`
    /// nowhere.
    @Test func proseSeparatesTagsSeenOnce() {
        let common = ["quantum computing", "quantum states", "dark matter", "anomaly detection", "neural networks"]
        var lines = (0..<10).map { first in (0..<5).map { common[(first + $0) % common.count] }.joined(separator: " ") }
        var prose: [[String]] = lines.map { _ in [] }
        lines.append("quantum computing classical shadow tomography choi matrix reconstruction quantum states dark matter")
        prose.append([
            "Learning quantum channels",
            "We combine classical shadow tomography with Choi matrix reconstruction to learn quantum channels.",
        ])
        let tags = KeywordSegmenter.segment(lines, prose: { prose[$0] })
        #expect(tags.last == ["quantum computing", "classical shadow tomography", "choi matrix reconstruction", "quantum states", "dark matter"])
    }

    /// Between unseen tags whose words never stand side by side in the
    /// prose, how each word behaves there decides: `beta` closes a phrase and
    /// `gamma` opens one, as the last and first words of the recurring tags
    /// do; `alpha` does neither.
    @Test func phraseEdgesInProseSeparateUnseenTags() {
        let common = ["dark matter", "quantum computing", "cosmic microwave background", "interpretability", "large language models"]
        var lines = (0..<10).map { first in (0..<5).map { common[(first + $0) % common.count] }.joined(separator: " ") }
        let sentence = "We study " + common.map { "the \($0) of it" }.joined(separator: ", ") + "."
        var prose: [[String]] = lines.map { _ in [sentence, sentence] }
        lines.append("dark matter alpha beta gamma delta quantum computing interpretability")
        let unseen = "The alpha rays and big beta, the gamma rays near big delta."
        prose.append([unseen, unseen])
        let tags = KeywordSegmenter.segment(lines, prose: { prose[$0] })
        #expect(tags.last == ["dark matter", "alpha beta", "gamma delta", "quantum computing", "interpretability"])
    }

    /// Past its training size (20,000 lines; 600 here) the model learns from
    /// an even sample and segments every line on its own, on all cores: each
    /// line must still come back whole, and copies of one line must get the
    /// same tags wherever they are.
    @Test func largeCorporaAreSampledAndSegmentedLineByLine() {
        let distinct = bundled.papers.compactMap(\.keywordLine)
        let distinctProse = bundled.papers.filter { $0.keywordLine != nil }.map { [$0.title, $0.abstract].compactMap { $0 } }
        let lines = (0..<3).flatMap { _ in distinct }
        let tags = KeywordSegmenter.segment(lines, prose: { distinctProse[$0 % distinct.count] }, trainingLines: 600)
        #expect(tags.count == lines.count)
        #expect(zip(lines, tags).allSatisfy { $0.0 == $0.1.joined(separator: " ") })
        #expect((0..<distinct.count).allSatisfy { tags[$0] == tags[$0 + distinct.count] && tags[$0] == tags[tags.count - distinct.count + $0] })
    }

    /// Tags as word ranges, so equal tags at different places do not match.
    private func spans(_ tags: [String]) -> [Range<Int>] {
        var start = 0
        return tags.map { tag in
            let count = tag.split(separator: " ").count
            defer { start += count }
            return start..<(start + count)
        }
    }
}

@Suite struct PaperDateTests {
    @Test func parsesAndRounds() {
        #expect(PaperDate(iso: "2024")?.description == "2024-01-01")
        #expect(PaperDate(iso: "2024", roundingUp: true)?.description == "2024-12-31")
        #expect(PaperDate(iso: "2024-02", roundingUp: true)?.description == "2024-02-29")
        #expect(PaperDate(iso: "2023-02-29") == nil)
        #expect(PaperDate(iso: "24-01-01") == nil)
    }
}
