import PaperCatalog
import Testing

@testable import iaifi

@Suite struct BibTeXTitleTests {
    @Test func acronymsAndMixedCaseWordsAreBraced() {
        #expect(BibTeX.title("UV and Optical Signatures of Disks", abstract: nil) == "{UV} and Optical Signatures of Disks")
        #expect(BibTeX.title("Opportunities in AI/ML for the Rubin LSST", abstract: nil) == "Opportunities in {AI}/{ML} for the Rubin {LSST}")
        #expect(BibTeX.title("Lensing of GW170817 by LLMs in iPhones", abstract: nil) == "Lensing of {GW170817} by {LLMs} in {iPhones}")
        #expect(BibTeX.title("Building an AI-native Ecosystem", abstract: nil) == "Building an {AI}-native Ecosystem")
    }

    @Test func punctuationStaysOutsideTheBraces() {
        #expect(
            BibTeX.title("CosmoFlow: Analysis of General Coordinates Network (GCN) Circulars", abstract: nil)
                == "{CosmoFlow}: Analysis of General Coordinates Network ({GCN}) Circulars")
    }

    @Test func mathIsKeptWholeAndBraced() {
        #expect(
            BibTeX.title("Pre-training OmniJet-$\\alpha$ on $O(L^4\\log^2 L)$ jets", abstract: nil)
                == "Pre-training {OmniJet}-{$\\alpha$} on {$O(L^4\\log^2 L)$} jets")
        #expect(BibTeX.title("The $\\Lambda$CDM Model_x", abstract: nil) == "The {$\\Lambda$CDM} Model\\_x")
    }

    @Test func singleCapitalsButNotTheArticle() {
        #expect(BibTeX.title("A Theory of S-wave Scattering, Part I", abstract: nil) == "A Theory of {S}-wave Scattering, Part {I}")
    }

    @Test func properNounsComeFromTheAbstract() {
        let abstract = "By Chentsov's theorem, the metric is the Fisher information metric. Information is key."
        #expect(BibTeX.title("Naturalness and Fisher Information", abstract: abstract) == "Naturalness and {Fisher} Information")
        // Capitalised only at the start of a sentence, or also in lower case: not a proper noun.
        #expect(BibTeX.title("Naturalness and Fisher Information", abstract: nil) == "Naturalness and Fisher Information")
        #expect(BibTeX.title("Gaussian Processes", abstract: "We use Gaussian processes and gaussian noise.") == "Gaussian Processes")
    }

    @Test func properNounsAreFoundWhateverTheTitleWordsCharacters() {
        // Only abstract words that are a title word's letters in some case
        // are read: a part with a curly apostrophe is asked about by its ASCII letters.
        let abstract = "We extend the Fishers approach to Schrödinger bridges; Schrödinger is cited."
        #expect(BibTeX.title("Fisher\u{2019}s Method", abstract: abstract) == "{Fisher\u{2019}s} Method")
        #expect(BibTeX.title("Schrödinger Bridges", abstract: abstract) == "{Schrödinger} Bridges")
        #expect(BibTeX.title("Approach to Bridges", abstract: abstract) == "Approach to Bridges")
        // A combining mark stays with its letter; words in any case count.
        let marked = "Using Zu\u{0308}rich data, as ZU\u{0308}RICH did; see also FISHER and fisher."
        #expect(BibTeX.title("Zu\u{0308}rich Fisher", abstract: marked) == "{Zu\u{0308}rich} Fisher")
    }

    @Test func theAuthorsOwnLaTeXIsLeftAsWritten() {
        #expect(BibTeX.title("On \\textit{Ab Initio} Methods", abstract: nil) == "On \\textit{Ab Initio} Methods")
        #expect(BibTeX.title("Unbalanced {brace", abstract: nil) == "Unbalanced brace")
    }
}

@Suite struct BibTeXNameTests {
    @Test func namesAreLastCommaFirst() {
        #expect(BibTeX.name("Victoria Ashley Villar") == "Villar, Victoria Ashley")
        #expect(BibTeX.name("Siddharth Mishra-Sharma") == "Mishra-Sharma, Siddharth")
        #expect(BibTeX.name("J. Thaler") == "Thaler, J.")
        #expect(BibTeX.name("Thomas R. Harvey") == "Harvey, Thomas R.")
    }

    @Test func particlesStartTheSurnameAndSuffixesStandApart() {
        #expect(BibTeX.name("Johannes Diderik van der Waals") == "van der Waals, Johannes Diderik")
        #expect(BibTeX.name("Yara do Amaral Coutinho") == "do Amaral Coutinho, Yara")
        #expect(BibTeX.name("Martin Luther King Jr.") == "King, Jr., Martin Luther")
    }

    @Test func oneWordCommasAndCollaborations() {
        #expect(BibTeX.name("Plato") == "Plato")
        #expect(BibTeX.name("Villar, V. Ashley") == "Villar, V. Ashley")
        #expect(BibTeX.name("CMS Collaboration") == "{CMS Collaboration}")
        #expect(BibTeX.name("Research and Development") == "{Research and Development}")
    }

    @Test func aTruncatedListEndsWithOthers() {
        let truncated = Paper(authors: ["Omar Alterkait", "César Jesús-Valls"], authorsComplete: false)
        #expect(BibTeX.authorField(truncated) == "Alterkait, Omar and Jesús-Valls, César and others")
        let complete = Paper(authors: ["James Halverson", "Michael Nee"], authorsComplete: true)
        #expect(BibTeX.authorField(complete) == "Halverson, James and Nee, Michael")
        #expect(BibTeX.authorField(Paper(authorsComplete: false, organization: "Berkeley UC Berkeley")) == "{Berkeley UC Berkeley} and others")
        #expect(BibTeX.authorField(Paper(authorsComplete: false, authorCount: 4)) == nil)
    }
}

@Suite struct BibTeXEscapingTests {
    @Test func specialCharactersOutsideMathAreEscaped() {
        #expect(BibTeX.text("AT&T: 100% #1 snake_case x^2") == "AT\\&T: 100\\% \\#1 snake\\_case x\\^{}2")
        #expect(BibTeX.text("$p_T > 10^3$ & $\\alpha_s$ at 5%") == "$p_T > 10^3$ \\& $\\alpha_s$ at 5\\%")
        #expect(BibTeX.text("costs $5 only") == "costs \\$5 only")
    }

    @Test func escapesAreNotDoubled() {
        #expect(BibTeX.text("AT\\&T and 5\\% and \\$") == "AT\\&T and 5\\% and \\$")
    }

    @Test func bracesBalanceAndControlsBecomeSpaces() {
        #expect(BibTeX.text("a}b{c \\citet{key}") == "abc \\citet{key}")
        #expect(BibTeX.text("an \\{ unmatched") == "an  unmatched")
        #expect(BibTeX.text("red\u{1B}[31m\ttext\u{202E}!") == "red [31m text !")
        // Characters of two, three and four bytes: C1 controls and separators become spaces, the rest is kept.
        #expect(BibTeX.text("\u{85}caf\u{E9}\u{2028}\u{2028}na\u{EF}ve \u{1F600}\u{9F}") == "caf\u{E9} na\u{EF}ve \u{1F600}")
        #expect(BibTeX.text("ends in \\") == "ends in ")
    }

    @Test func anArxivPaperIsAnEprintWithItsURL() {
        let paper = Paper(
            id: "2504.00256", title: "Data in HEP", authors: ["Jon Butterworth"], authorsComplete: true,
            date: PaperDate(year: 2025, month: 3, day: 31), abstract: "Data & more.", arxivId: "2504.00256", comments: "10 pages")
        #expect(
            BibTeX.entry(for: paper) == """
                @misc{2504.00256,
                  title = {Data in {HEP}},
                  author = {Butterworth, Jon},
                  year = {2025},
                  month = mar,
                  eprint = {2504.00256},
                  archivePrefix = {arXiv},
                  url = {https://arxiv.org/abs/2504.00256},
                  annote = {10 pages},
                  abstract = {Data \\& more.}
                }

                """)
    }

    @Test func anEntryWithoutAuthorsHasAKeyAndNoSearchLink() {
        let paper = Paper(id: "linear2023statistics", title: "Linear statistics", authorCount: 4, date: PaperDate(year: 2023, month: 10, day: 25))
        let entry = BibTeX.entry(for: paper)
        #expect(entry.contains("  key = {Linear statistics},\n") && entry.contains("month = oct"))
        #expect(!entry.contains("url") && !entry.contains("eprint") && !entry.contains("author ="))
    }
}
