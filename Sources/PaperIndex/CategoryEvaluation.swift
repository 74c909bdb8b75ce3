import Foundation
import PaperCatalog
import TextNormalization

/// How well ``CategoryModel`` recovers stated categories: each categorised
/// paper classified by the model learned from all the others
/// (leave-one-out), with or without its tags.
package struct CategoryEvaluation: Sendable {
    /// The categories, in the model's order: rows and columns of ``confusion``.
    package var categories: [String]
    /// `confusion[stated][inferred]`: papers.
    package var confusion: [[Int]]
    /// Per confidence band (below 0.3, then by tenths: `[0.3, 0.4)`, ...,
    /// `[0.9, 1]`): papers, and how many of them were right.
    package var bands: [(lower: Double, upper: Double, papers: Int, right: Int)]
    /// Mean negative log-probability of the stated category.
    package var logLoss: Double

    /// Papers classified.
    package var papers: Int { confusion.joined().reduce(0, +) }
    /// Share classified right.
    package var accuracy: Double { Double((0..<categories.count).map { confusion[$0][$0] }.reduce(0, +)) / Double(max(papers, 1)) }

    /// Leave-one-out over every paper with a stated category for which
    /// `selected` is true (all by default); the model always learns from
    /// every other categorised paper. A classified paper's tags are read
    /// only when `withTags` (an arXiv or Hugging Face entry has none).
    /// - Complexity: O(categorised papers × their features × categories).
    package static func leaveOneOut(_ papers: [Paper], withTags: Bool, selected: (Paper) -> Bool = { _ in true }) -> CategoryEvaluation {
        let categorised = papers.filter { $0.category != nil }
        let training = categorised.map { (features: CategoryFeatures($0, includingTags: true), category: $0.category!) }
        let model = CategoryModel(training)
        let position = Dictionary(uniqueKeysWithValues: model.categories.enumerated().map { (SearchText.key($1), $0) })
        let width = model.categories.count
        let bounds: [Double] = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]
        let bands = zip(bounds, bounds.dropFirst()).map { (lower: $0, upper: $1, papers: 0, right: 0) }
        let confusion = Array(repeating: Array(repeating: 0, count: width), count: width)
        var evaluation = CategoryEvaluation(categories: model.categories, confusion: confusion, bands: bands, logLoss: 0)
        for (paper, trained) in zip(categorised, training) where selected(paper) {
            let stated = position[SearchText.key(trained.category)]!
            let features = withTags ? trained.features : CategoryFeatures(paper, includingTags: false)
            let probabilities =
                model.probabilities(of: features, leavingOut: (trained.features, stated))
                ?? Array(repeating: 1 / Double(width), count: width)
            let inferred = probabilities.indices.max { probabilities[$0] < probabilities[$1] }!
            evaluation.confusion[stated][inferred] += 1
            let band = evaluation.bands.lastIndex { $0.lower <= probabilities[inferred] } ?? 0
            evaluation.bands[band].papers += 1
            if inferred == stated { evaluation.bands[band].right += 1 }
            evaluation.logLoss -= log(max(probabilities[stated], 1e-9))
        }
        evaluation.logLoss /= Double(max(evaluation.papers, 1))
        return evaluation
    }
}
