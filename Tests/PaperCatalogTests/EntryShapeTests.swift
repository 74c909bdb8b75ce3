import Testing

@testable import PaperCatalog

/// Titles holding full stops, question marks and colons, titles that read
/// like abstracts and abstracts without a full stop, in every format
/// (`Tests/Fixtures/titles/`): the readers place each line by the entry's
/// shape (blank lines, the id and date lines, the order of the fields),
/// never by one line's punctuation.
@Suite struct EntryShapeTests {
    private struct Expected {
        var title: String?
        var authors: [String]
        var abstract: String
    }

    private func load(_ name: String) -> Catalog { Catalog.load(paths: [Paths.fixture("titles/" + name)]) }

    private func expectPapers(_ catalog: Catalog, _ expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation) {
        let papers = catalog.papers.sorted { $0.sources[0].line < $1.sources[0].line }
        #expect(papers.count == expected.count, sourceLocation: sourceLocation)
        for (paper, expected) in zip(papers, expected) {
            #expect(paper.title == expected.title, sourceLocation: sourceLocation)
            #expect(paper.authors == expected.authors, "\(expected.title ?? "")", sourceLocation: sourceLocation)
            #expect(paper.abstract == expected.abstract, "\(expected.title ?? "")", sourceLocation: sourceLocation)
        }
    }

    private static let typeIIn = "Type IIn Supernovae. I. Uniform Light Curve Characterization and a Bimodality in the Radiated Energy Distribution"
    private static let dream = "Do Transformers Dream? Probing Latent Dynamics in Language Models"
    private static let paperclip = "PAPERCLIP: Associating Astronomical Observations and Natural Language with Multi-Modal Models"
    private static let abstractLike =
        "We show that simple models suffice. Deep networks, trained on enough data, learn the same features as shallow ones, and we say why at some length here."
    private static let flatMinima = "Why Do Neural Networks Generalize? Part II. Flat Minima: A Reappraisal"
    private static let typeIInAbstract =
        "Type IIn supernovae are core-collapse explosions whose light is powered by the collision of the ejecta with dense circumstellar material. We fit a uniform model to the multi-band light curves of a sample of them and find that their radiated energies fall into two groups. The bimodality points to two channels of mass loss before the explosion."
    private static let darkMatter = "Dark Matter. What Is It? A Review: Part One"

    @Test func arxivTitlesWithFullStopsQuestionMarksAndColons() {
        let catalog = load("arxiv-titles.txt")
        #expect(catalog.files[0].format == .arxiv && catalog.files[0].entries == 10)
        #expect(catalog.diagnostics.isEmpty, "\(catalog.diagnostics)")
        expectPapers(
            catalog,
            [
                // Title over authors, abstract, comments: the title's full stops do not make it the abstract.
                Expected(
                    title: Self.typeIIn, authors: ["C. L. Ransome", "V. A. Villar"],
                    abstract: Self.typeIInAbstract
                ),
                // No comments; the abstract ends in a question mark and holds no full stop.
                Expected(
                    title: Self.dream, authors: ["Ada Lovelace", "Alan Turing"],
                    abstract:
                        "Do language models hold a latent dynamics of their own between the tokens they emit? We probe the hidden states of a family of transformers with linear readouts and ask whether they replay sequences seen in training when left without input, and whether such replay resembles the consolidation of memories in sleep?"
                ),
                Expected(
                    title: Self.paperclip, authors: ["Siddharth Mishra-Sharma", "Yiding Song", "Jesse Thaler"],
                    abstract:
                        "We present PAPERCLIP (Proposal Abstracts Provide an Effective Representation for Contrastive Language-Image Pre-training), a method which associates astronomical observations imaged by telescopes with natural language using a neural network model. The model is fine-tuned from a pre-trained CLIP model using successful observing proposal abstracts and corresponding downstream observations, with the abstracts optionally summarized via guidance from a large language model."
                ),
                // A title that reads like an abstract, over an abstract shorter than it and with no full stop.
                Expected(
                    title: Self.abstractLike, authors: ["Grace Hopper", "Emmy Noether"],
                    abstract: "Short abstract: networks learn features"),
                Expected(
                    title: Self.flatMinima, authors: ["Katherine Johnson", "J.-P. Uzan", "Michael S. Albergo"],
                    abstract:
                        "Flat minima are often credited with good generalization. We revisit the claim: reparametrizations change flatness without changing the function, so what is it that flat minima measure? We propose an invariant measure and find that it predicts test error across architectures."
                ),
                // A title without authors, then abstract and comments: three blocks.
                Expected(
                    title: Self.darkMatter, authors: [],
                    abstract:
                        "Dark matter makes up most of the matter in the Universe, yet its nature is unknown. We review the evidence, from rotation curves to the cosmic microwave background, and the candidates, from weakly interacting massive particles to primordial black holes."
                ),
                // A title without authors and an abstract: two lone lines, the shorter first.
                Expected(
                    title: "Is Attention All You Need? No.", authors: [],
                    abstract:
                        "Attention layers can be replaced by state-space layers at no loss in quality for long sequences, as we show on five benchmarks; what attention buys is in-context retrieval, which we isolate in a synthetic task."
                ),
                // Title, a blank line, the author line.
                Expected(
                    title: "Inference: Simulation-Based. Neural. Amortized.", authors: ["Marie Curie", "Lise Meitner"],
                    abstract:
                        "We review simulation-based inference with neural networks, in which a network trained on simulated pairs of parameters and data approximates the posterior for any observation at once. Which method should one choose? It depends on the simulator."
                ),
                // No head: an abstract and its comments, the longer first.
                Expected(
                    title: nil, authors: [],
                    abstract: "Can a single line hold all of it? An abstract without a title: no full stop ends it, no head comes before it"),
                // No blank lines at all: read in the order of a full entry.
                Expected(
                    title: "Crammed Entry: No Blank Lines. Is That Fine?", authors: ["Rosalind Franklin", "Barbara McClintock"],
                    abstract:
                        "An entry printed without blank lines between its fields is read line by line, in the order of a full entry: its title, its author line, its abstract, its comments."
                ),
            ])
        let papers = catalog.papers.sorted { $0.sources[0].line < $1.sources[0].line }
        #expect(
            papers.map(\.comments) == [
                "32 pages, 14 figures, submitted to ApJ", nil,
                "17+6 pages, 3 figures: code at github.com/smsharma/PAPERCLIP-Hubble", nil, "12 pages. Comments welcome.",
                "45 pages: invited review. Version 2.", nil, "8 pages: a short review.", "9 pages. Comments: none.", "3 pages: a test.",
            ])
        #expect(
            papers.map(\.arxivId) == [
                "2409.90001", "2501.90002", "2403.90003", "2402.90004", "2310.90005",
                "2306.90006", "2312.90007", "2208.90008", "2105.90009", "2101.90010",
            ])
    }

    @Test func huggingFaceTitlesWithFullStopsQuestionMarksAndColons() {
        let catalog = load("hf-titles.txt")
        #expect(catalog.files[0].format == .hf && catalog.files[0].entries == 5)
        #expect(catalog.diagnostics.isEmpty, "\(catalog.diagnostics)")
        expectPapers(
            catalog,
            [
                Expected(
                    title: Self.typeIIn, authors: [],
                    abstract:
                        "Type IIn supernovae are core-collapse explosions whose light is powered by the collision of the ejecta with dense circumstellar material. We fit a uniform model to the multi-band light curves of a sample of them and find that their radiated energies fall into two groups."
                ),
                Expected(
                    title: Self.dream, authors: [],
                    abstract:
                        "Do language models hold a latent dynamics of their own between the tokens they emit? We probe their hidden states and ask whether they replay sequences seen in training when left without input?"
                ),
                Expected(
                    title: Self.paperclip, authors: [],
                    abstract:
                        "We present PAPERCLIP (Proposal Abstracts Provide an Effective Representation for Contrastive Language-Image Pre-training), a method which associates astronomical observations imaged by telescopes with natural language using a neural network model."
                ),
                Expected(title: Self.abstractLike, authors: [], abstract: "Short abstract: networks learn features"),
                Expected(
                    title: Self.flatMinima, authors: [],
                    abstract:
                        "Flat minima are often credited with good generalization. We revisit the claim: reparametrizations change flatness without changing the function, so what is it that flat minima measure?"
                ),
            ])
        let papers = catalog.papers.sorted { $0.sources[0].line < $1.sources[0].line }
        #expect(papers.map(\.authorCount) == [7, nil, 3, 1, 3])
        #expect(papers.map(\.organization) == [nil, "Some Lab", nil, nil, nil])
        #expect(papers.map { $0.date?.description } == ["2024-09-16", "2025-01-03", "2024-03-13", "2024-02-02", "2023-10-05"])
        #expect(papers.map(\.upvotes) == [nil, 12, nil, 3, nil])
    }

    @Test func iaifiTitlesWithFullStopsQuestionMarksAndColons() {
        let catalog = load("iaifi-titles.txt")
        #expect(catalog.files[0].format == .iaifi && catalog.files[0].entries == 6)
        // Only the entry printed without an author line is reported; the page's line is a note.
        #expect(catalog.diagnostics.filter { $0.severity == .warning }.map(\.line) == [61], "\(catalog.diagnostics)")
        #expect(catalog.diagnostics.contains { $0.severity == .note && $0.line == 57 && $0.message.contains("All Posts") })
        expectPapers(
            catalog,
            [
                Expected(
                    title: Self.typeIIn, authors: ["C. L. Ransome", "V. A. Villar"],
                    abstract: Self.typeIInAbstract
                ),
                // The abstract ends in a question mark and holds no full stop.
                Expected(
                    title: Self.dream, authors: ["Ada Lovelace", "Alan Turing"],
                    abstract:
                        "Do language models hold a latent dynamics of their own between the tokens they emit? We probe the hidden states of a family of transformers with linear readouts and ask whether they replay sequences seen in training when left without input?"
                ),
                // The abstract has no sentence punctuation at all.
                Expected(
                    title: Self.paperclip, authors: ["Siddharth Mishra-Sharma", "Yiding Song", "Jesse Thaler"],
                    abstract:
                        "We present PAPERCLIP (Proposal Abstracts Provide an Effective Representation for Contrastive Language-Image Pre-training), a method which associates astronomical observations imaged by telescopes with natural language using a neural network model"
                ),
                Expected(title: Self.abstractLike, authors: ["Grace Hopper", "Emmy Noether"], abstract: "Short abstract: networks learn features"),
                Expected(
                    title: Self.flatMinima, authors: ["Katherine Johnson", "J.-P. Uzan", "Michael S. Albergo"],
                    abstract:
                        "Flat minima are often credited with good generalization. We revisit the claim: reparametrizations change flatness without changing the function, so what is it that flat minima measure?"
                ),
                // Three lines after the title's: abstract and keyword line, the author line missing.
                Expected(
                    title: Self.darkMatter, authors: [],
                    abstract:
                        "Dark matter makes up most of the matter in the Universe, yet its nature is unknown. We review the evidence, from rotation curves to the cosmic microwave background, and the candidates."
                ),
            ])
        let papers = catalog.papers.sorted { $0.sources[0].line < $1.sources[0].line }
        #expect(
            papers.map(\.keywordLine) == [
                "supernovae light curves circumstellar interaction time-domain astronomy", "interpretability large language models transformers",
                "contrastive learning multimodal models astronomy hubble space telescope", "representation learning",
                "generalization loss landscapes", "dark matter review",
            ])
        #expect(!catalog.diagnostics.contains { $0.message.contains("the page states") })
    }

    /// The same papers in the three formats merge into one record each, keeping the exact title.
    @Test func samePapersInEveryFormatMerge() {
        let catalog = Catalog.load(paths: [Paths.fixture("titles")])
        #expect(catalog.papers.count == 10)
        for title in [Self.typeIIn, Self.dream, Self.paperclip, Self.abstractLike, Self.flatMinima] {
            let paper = catalog.papers.first { $0.title == title }
            #expect(paper.map { Set($0.sources.map(\.format)) } == [.arxiv, .hf, .iaifi], "\(title)")
        }
        #expect(catalog.papers.first { $0.title == Self.darkMatter }.map { $0.sources.map(\.format).sorted { $0.rawValue < $1.rawValue } } == [.arxiv, .iaifi])
    }
}
