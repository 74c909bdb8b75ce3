/// One research paper, merged from every dump entry that describes it.
///
/// Optional fields are `nil` when no source states them; nothing is guessed
/// except a year the source left out (see ``dateYearInferred``).
public struct Paper: Hashable, Sendable {
    /// Stable, unique, typeable identifier: the arXiv id when known, else
    /// `<first author's surname><year><first title word>` (see README).
    public var id: String
    public var title: String?
    /// Author names in source order, never containing "et al.".
    public var authors: [String]
    /// `false` when the list was truncated ("et al.") or only a count or an
    /// organisation is known.
    public var authorsComplete: Bool
    /// The stated count ("4 authors"), else the list's length when complete.
    public var authorCount: Int?
    /// The organisation a source names instead of authors.
    public var organization: String?
    public var date: PaperDate?
    /// `true` when the source printed the date without a year and the year was
    /// resolved from the file's own content.
    public var dateYearInferred: Bool
    public var category: String?
    public var abstract: String?
    /// Keyword tags, recovered from the run-together keyword line.
    public var keywords: [String]
    /// The keyword line exactly as the dump printed it.
    public var keywordLine: String?
    public var arxivId: String?
    /// Free-form comments (pages, figures, venue).
    public var comments: String?
    public var upvotes: Int?
    /// Every dump entry merged into this record, in load order.
    public var sources: [Source]

    public init(
        id: String = "", title: String? = nil, authors: [String] = [], authorsComplete: Bool = false,
        authorCount: Int? = nil, organization: String? = nil, date: PaperDate? = nil,
        dateYearInferred: Bool = false, category: String? = nil, abstract: String? = nil,
        keywords: [String] = [], keywordLine: String? = nil, arxivId: String? = nil,
        comments: String? = nil, upvotes: Int? = nil, sources: [Source] = []
    ) {
        self.id = id
        self.title = title
        self.authors = authors
        self.authorsComplete = authorsComplete
        self.authorCount = authorCount
        self.organization = organization
        self.date = date
        self.dateYearInferred = dateYearInferred
        self.category = category
        self.abstract = abstract
        self.keywords = keywords
        self.keywordLine = keywordLine
        self.arxivId = arxivId
        self.comments = comments
        self.upvotes = upvotes
        self.sources = sources
    }

    /// The year of ``date``, if any.
    public var year: Int? { date?.year }
}

/// Where a record's data came from: one entry of one dump file.
public struct Source: Hashable, Sendable {
    public var format: DumpFormat
    public var file: String
    /// 1-based line on which the entry starts.
    public var line: Int

    public init(format: DumpFormat, file: String, line: Int) {
        self.format = format
        self.file = file
        self.line = line
    }
}

/// The text-dump formats `iaifi` reads.
public enum DumpFormat: String, CaseIterable, Sendable {
    /// The IAIFI institute's papers site.
    case iaifi
    /// An arXiv listing.
    case arxiv
    /// A Hugging Face "Daily Papers" page.
    case hf

    /// A human-readable name.
    public var displayName: String {
        switch self {
        case .iaifi: "IAIFI papers site"
        case .arxiv: "arXiv listing"
        case .hf: "Hugging Face Daily Papers"
        }
    }
}
