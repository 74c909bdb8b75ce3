import Foundation
import PaperCatalog
import Testing

@testable import PaperIndex

@Suite struct CategoryInferenceTests {
    private func inferred(titled title: String) throws -> InferredCategory? {
        let doc = try #require((0..<index.count).first { index.papers[$0].title == title })
        return index.inferredCategory(of: doc)
    }

    @Test func featuresCountTermsAndPairsSortedAsStrings() {
        // Title terms weigh 2; stop words (`the`, `of`) neither count nor pair.
        let ascii = CategoryFeatures(Paper(id: "a", title: "Dark matter: the halo of dark matter"), includingTags: false)
        #expect(ascii.words.map(\.term) == ["dark", "dark matter", "halo", "halo dark", "matter", "matter halo"])
        #expect(ascii.words.map(\.count) == [4, 4, 2, 2, 4, 2].map(log1p))
        // Text beyond ASCII sorts as strings do.
        let other = CategoryFeatures(Paper(id: "b", title: "量子 field 量子 field"), includingTags: false)
        #expect(other.words.map(\.term) == ["field", "field 量子", "量子", "量子 field"])
        #expect(other.words.map(\.count) == [4, 2, 4, 4].map(log1p))
        // One reader for several papers gives each paper's own features.
        var reader = CategoryFeatures.Reader()
        _ = reader.features(of: Paper(id: "c", title: "Halo models"), includingTags: false)
        #expect(
            reader.features(of: Paper(id: "a", title: "Dark matter: the halo of dark matter"), includingTags: false).words.map(\.term)
                == ascii.words.map(\.term))
    }

    @Test func huggingFaceAIPapersAreFoundationalAI() throws {
        for title in [
            "Grokking as the Transition from Lazy to Rich Training Dynamics",
            "Muon: Training and Trade-offs with Latent Attention and MoE",
            "A Model Zoo on Phase Transitions in Neural Networks",
        ] {
            #expect(try inferred(titled: title)?.name == "Foundational AI", "\(title)")
        }
        #expect(try inferred(titled: "Precision holography for non-conformal branes")?.name == "Theoretical Physics")
    }

    @Test func everyUncategorisedPaperAndNoOtherGetsOne() {
        for doc in 0..<index.count {
            let inferred = index.inferredCategory(of: doc)
            #expect((inferred == nil) == (index.papers[doc].category != nil))
            if let inferred { #expect((0.25...1).contains(inferred.confidence)) }
        }
    }

    @Test func inferredWidensTheCategoryFilterAtTheThreshold() throws {
        var request = SearchRequest()
        request.categories = ["Foundational AI"]
        let stated = try index.search(request)
        request.includesInferred = true
        let widened = try index.search(request)
        let added = widened.filter { $0.paper.category == nil }
        #expect(widened.count == stated.count + added.count && !added.isEmpty)
        #expect(
            added.allSatisfy {
                index.inferredCategory(of: $0.doc)?.name == "Foundational AI"
                    && index.inferredCategory(of: $0.doc)!.confidence >= CatalogIndex.inferredCategoryThreshold
            })
    }

    @Test func categoriesCountInferredApart() throws {
        var inferring = SearchRequest()
        inferring.includesInferred = true
        let counts = try index.count(.categories, matching: inferring).rows
        let uncategorised = try #require(counts.last)
        #expect(uncategorised.value == nil && uncategorised.count == 39)
        #expect(counts.compactMap(\.inferred).reduce(0, +) == 39)
        #expect(counts.first { $0.value == "Foundational AI" }?.count == 202)
        #expect(try index.count(.categories).rows.allSatisfy { $0.inferred == nil })
    }

    /// The held-out fifth of the categorised papers (Bench/categories/heldout-ids.txt:
    /// `fnv1a(id) % 5 == 0`) did not choose the model's constants; classified
    /// without their tags, as an arXiv entry would be.
    @Test func heldOutPapersWithoutTagsAreMostlyRight() {
        let evaluation = CategoryEvaluation.leaveOneOut(Array(index.papers), withTags: false) { fnv1a($0.id.utf8) % 5 == 0 }
        #expect(evaluation.papers == 114)
        #expect(evaluation.accuracy >= 0.9)
        #expect(evaluation.bands.map(\.papers).reduce(0, +) == evaluation.papers)
    }

    @Test func trainingTwiceGivesTheSameProbabilities() {
        let training = index.papers.filter { $0.category != nil }.map { (features: CategoryFeatures($0, includingTags: true), category: $0.category!) }
        let first = CategoryModel(training)
        let second = CategoryModel(training)
        for paper in index.papers {
            let features = CategoryFeatures(paper, includingTags: false)
            #expect(first.probabilities(of: features) == second.probabilities(of: features))
        }
    }

    // Hand-made catalogs.

    private func paper(_ id: String, _ category: String?, _ abstract: String, authors: [String] = []) -> Paper {
        Paper(id: id, title: nil, authors: authors, category: category, abstract: abstract)
    }

    private var smallCatalog: [Paper] {
        [
            paper("a1", "Astrophysics", "galaxy cluster lensing survey of dark matter halos", authors: ["Vera Rubin"]),
            paper("a2", "Astrophysics", "supernova light curves in a galaxy survey", authors: ["Vera Rubin"]),
            paper("f1", "Foundational AI", "transformer language model training with attention", authors: ["Ada Lovelace"]),
            paper("f2", "Foundational AI", "scaling laws of neural network training", authors: ["Ada Lovelace"]),
            paper("x1", nil, "attention in transformer language models"),
            paper("x2", nil, "a new galaxy survey", authors: ["V. Rubin"]),
            paper("x3", nil, ""),
        ]
    }

    @Test func aSmallCatalogInfersFromWordsAndAuthors() throws {
        let index = CatalogIndex(papers: smallCatalog)
        func inferred(_ id: String) -> InferredCategory? { index.inferredCategory(of: index.doc(withID: id)!) }
        #expect(inferred("x1")?.name == "Foundational AI")
        #expect(inferred("x2")?.name == "Astrophysics")
        #expect(try #require(inferred("x2")).confidence > 0.5)
        #expect(inferred("x3") == nil, "nothing to infer from")
        #expect(inferred("a1") == nil, "stated")
    }

    /// Words common to both categories say nothing; each author's other papers decide.
    @Test func authorsDecideWhenTheWordsDoNot() throws {
        let papers = [
            paper("t1", "Theoretical Physics", "a model of the data", authors: ["Ann Theorist"]),
            paper("t2", "Theoretical Physics", "a model of the data", authors: ["Ann Theorist", "Bo Both"]),
            paper("e1", "Experimental Physics", "a model of the data", authors: ["Eve Experimenter"]),
            paper("e2", "Experimental Physics", "a model of the data", authors: ["Eve Experimenter", "Bo Both"]),
            paper("x1", nil, "a model of the data", authors: ["A. Theorist"]),
            paper("x2", nil, "a model of the data", authors: ["E. Experimenter", "Bo Both"]),
            paper("x3", nil, "a model of the data", authors: ["Bo Both"]),
        ]
        let index = CatalogIndex(papers: papers)
        func inferred(_ id: String) throws -> InferredCategory { try #require(index.inferredCategory(of: index.doc(withID: id)!)) }
        #expect(try inferred("x1").name == "Theoretical Physics")
        #expect(try inferred("x2").name == "Experimental Physics")
        #expect(try inferred("x1").confidence > 0.55, "two papers by one author: a lean, not a certainty")
        #expect(abs(try inferred("x3").confidence - 0.5) < 1e-9, "an author of both is no evidence")
    }

    @Test func theSamePapersGiveTheSameAnswers() {
        let first = CatalogIndex(papers: smallCatalog)
        let second = CatalogIndex(papers: smallCatalog)
        for doc in 0..<first.count { #expect(first.inferredCategory(of: doc) == second.inferredCategory(of: doc)) }
    }

    @Test func noCategorisedPapersOrOnlyOneCategoryInferNothing() {
        let none = CatalogIndex(
            papers: smallCatalog.map {
                var paper = $0
                paper.category = nil
                return paper
            })
        #expect((0..<none.count).allSatisfy { none.inferredCategory(of: $0) == nil })
        let one = CatalogIndex(papers: smallCatalog.filter { $0.category != "Foundational AI" })
        #expect((0..<one.count).allSatisfy { one.inferredCategory(of: $0) == nil })
    }

    @Test func authorsMeetAcrossNameStyles() {
        #expect(CategoryFeatures.authorKey("James Halverson") == CategoryFeatures.authorKey("J. Halverson"))
        #expect(CategoryFeatures.authorKey("Jürgen Reuter") == "reuter j")
        #expect(CategoryFeatures.authorKey("Martin Luther King Jr.") == "king m")
    }
}
