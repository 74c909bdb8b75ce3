import Foundation
import Testing
@testable import PaperCatalog

@Suite struct KeywordSegmenterTests {
    /// Tag-level F1 of the bundled catalog's tags against
    /// `Tests/Fixtures/keyword-tags-gold.txt`, 47 keyword lines labelled by
    /// hand (tags separated by ` | `).
    @Test func matchesHandLabelledTags() throws {
        let gold = try String(contentsOfFile: Paths.fixture("keyword-tags-gold.txt"), encoding: .utf8)
            .split(separator: "\n").map { $0.components(separatedBy: " | ") }
        let predicted = Dictionary(bundled.papers.compactMap { paper in paper.keywordLine.map { ($0, paper.keywords) } },
                                   uniquingKeysWith: { first, _ in first })
        var truePositives = 0, predictedCount = 0, goldCount = 0
        for tags in gold {
            let line = tags.joined(separator: " ")
            let guess = try #require(predicted[line], "gold line not in the catalog: \(line)")
            truePositives += Set(spans(tags)).intersection(spans(guess)).count
            predictedCount += guess.count
            goldCount += tags.count
        }
        let precision = Double(truePositives) / Double(predictedCount), recall = Double(truePositives) / Double(goldCount)
        let f1 = 2 * precision * recall / (precision + recall)
        print("keyword segmentation on \(gold.count) hand-labelled lines: P \(precision) R \(recall) F1 \(f1)")
        #expect(f1 >= 0.94)
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
        ("quasi-newton methods learning to optimize hypergradient descent inverse problems surrogate modeling", ["quasi-newton methods", "learning to optimize"]),
    ])
    func concatenationsAndFunctionWords(line: String, expected: [String]) throws {
        let tags = try #require(bundled.papers.first { $0.keywordLine == line }?.keywords)
        #expect(expected.allSatisfy(tags.contains), "\(tags)")
    }

    @Test func everyLineIsCoveredExactly() {
        for paper in bundled.papers {
            guard let line = paper.keywordLine else { continue }
            #expect(paper.keywords.joined(separator: " ") == line)
        }
    }

    @Test func smallCorpusFallsBackToRepeatedUnits() {
        let lines = [
            "dark matter galaxy formation", "dark matter stellar streams", "galaxy formation stellar streams",
            "dark matter neural networks", "neural networks galaxy formation",
        ]
        let tags = KeywordSegmenter.segment(lines)
        #expect(tags[0] == ["dark matter", "galaxy formation"])
        #expect(tags[4] == ["neural networks", "galaxy formation"])
    }

    /// Past its training size (20,000 lines; 600 here) the model learns from
    /// an even sample and segments every line on its own, on all cores: each
    /// line must still come back whole, and copies of one line must get the
    /// same tags wherever they are.
    @Test func largeCorporaAreSampledAndSegmentedLineByLine() {
        let distinct = bundled.papers.compactMap(\.keywordLine)
        let lines = (0..<3).flatMap { _ in distinct }
        let tags = KeywordSegmenter.segment(lines, trainingLines: 600)
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
