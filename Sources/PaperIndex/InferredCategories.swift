import PaperCatalog
import TextNormalization

/// A category the model inferred for a paper whose sources state none.
public struct InferredCategory: Equatable, Sendable {
    /// The category's name, spelled as the catalog's papers state it.
    public var name: String
    /// The model's probability that `name` is right, 0...1 (calibrated on
    /// held-out papers: README, "Inferred categories").
    public var confidence: Double
}

/// The category inferred for each paper whose sources state none, learned
/// at indexing time from the papers whose sources do (``CategoryModel``)
/// and saved with the index, so that queries never train.
struct InferredCategories: Sendable {
    /// The categories the model knows, in its order.
    let names: StringTable
    /// Per document: the position in `names` of its inferred category, or -1
    /// (a stated category, or nothing to infer from).
    let categoryOfDoc: Column<Int32>
    let confidenceOfDoc: Column<Float>

    /// Categorised papers learned from at most: a larger catalog is learned
    /// from an even sample of them, as the keyword segmenter does.
    static let maxTrainingPapers = 20_000

    /// Learns from `papers` with a category and infers one for each of the
    /// others; `docOfPaper[i]` numbers paper `i`.
    /// - Complexity: O(text of the training sample and of the papers inferred).
    init(papers: borrowing [Paper], docOfPaper: [Int32]) {
        let papers = copy papers
        let categorised = papers.indices.filter { papers[$0].category != nil }
        let stride = max(1, categorised.count / Self.maxTrainingPapers)
        let sample = Array(Swift.stride(from: 0, to: categorised.count, by: stride))
        // Features on every core; learning and inferring stay in paper order.
        let training = Self.read(sample.count) { reader, position in
            let paper = papers[categorised[sample[position]]]
            return (features: reader.features(of: paper, includingTags: true), category: paper.category!)
        }
        let model = CategoryModel(training)
        let uncategorised = papers.indices.filter { papers[$0].category == nil }
        let inferred = Self.read(uncategorised.count) { reader, position in
            model.probabilities(of: reader.features(of: papers[uncategorised[position]], includingTags: true))
        }
        var categories = [Int32](repeating: -1, count: papers.count)
        var confidences = [Float](repeating: 0, count: papers.count)
        for (position, probabilities) in zip(uncategorised, inferred) {
            guard let probabilities else { continue }
            let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] }!
            categories[Int(docOfPaper[position])] = Int32(best)
            confidences[Int(docOfPaper[position])] = Float(probabilities[best])
        }
        names = .build(model.categories)
        categoryOfDoc = Column(categories)
        confidenceOfDoc = Column(confidences)
    }

    /// `transform(reader, i)` for every `i` in `0..<count`, in order, on
    /// every core: a reader per batch of papers, which unifies each spelling once.
    private static func read<T>(_ count: Int, _ transform: @Sendable (inout CategoryFeatures.Reader, Int) -> T) -> [T] {
        let batch = 256
        return Array(
            Parallel.map((count + batch - 1) / batch, chunk: 1) { first in
                var reader = CategoryFeatures.Reader()
                return ((first * batch)..<min(count, (first + 1) * batch)).map { transform(&reader, $0) }
            }.joined())
    }

    init(names: StringTable, categoryOfDoc: Column<Int32>, confidenceOfDoc: Column<Float>) {
        self.names = names
        self.categoryOfDoc = categoryOfDoc
        self.confidenceOfDoc = confidenceOfDoc
    }

    /// Document `doc`'s inferred category, if any.
    subscript(doc: Int) -> InferredCategory? {
        let category = Int(categoryOfDoc[doc])
        guard (0..<names.count).contains(category) else { return nil }
        return InferredCategory(name: names[category], confidence: Double(confidenceOfDoc[doc]))
    }

    /// Documents inferred to be in the category whose key is `key` with at
    /// least `confidence`.
    /// - Complexity: O(papers).
    func docs(inCategory key: String, atLeast confidence: Double) -> DocSet {
        guard let category = (0..<names.count).first(where: { SearchText.key(names[$0]) == key }) else { return DocSet(sorted: []) }
        // The columns checked once, not value by value: this reads every paper's.
        let categories = categoryOfDoc.buffer
        let confidences = confidenceOfDoc.buffer
        return DocSet(
            sorted: categories.indices.compactMap { doc in
                Int(categories[doc]) == category && doc < confidences.count && Double(confidences[doc]) >= confidence ? Int32(doc) : nil
            })
    }

    /// Whether the columns fit `documents` papers (a category out of range
    /// reads as none: values are checked as they are used).
    func fits(documents: Int) -> Bool {
        categoryOfDoc.count == documents && confidenceOfDoc.count == documents
    }
}

extension CatalogIndex {
    /// The least confidence at which `--category X --inferred` counts a
    /// paper inferred to be in X: on the bundled catalog, leave-one-out
    /// without tags, 93% of the papers at or above it were right (README,
    /// "Inferred categories").
    public static let inferredCategoryThreshold = 0.8

    /// The category inferred for document `doc`, when its sources state none
    /// and there was something to infer from; `nil` otherwise.
    /// - Complexity: O(1).
    public func inferredCategory(of doc: Int) -> InferredCategory? { inferred[doc] }
}

extension InferredCategories {
    func write(to writer: inout BinaryWriter) {
        writer.write(names)
        writer.write(categoryOfDoc)
        writer.write(confidenceOfDoc)
    }

    init(reading reader: inout BinaryReader) throws {
        try self.init(names: reader.readStringTable(), categoryOfDoc: reader.readColumn(), confidenceOfDoc: reader.readColumn())
    }
}
