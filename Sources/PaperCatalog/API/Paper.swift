/// One research paper, merged from every dump entry that describes it.
///
/// Optional fields are `nil` when no source states them; nothing is guessed
/// except a year the source left out (see ``dateYearInferred``).
public struct Paper: Hashable, Sendable {
    /// Stable, unique, typeable identifier: the arXiv id when known, else
    /// `<first author's surname><year><first title word>` (see README).
    public var id: String
    /// The paper's title, from the first source that states it.
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
    /// The paper's date as its source gives it; see ``dateYearInferred``.
    public var date: PaperDate?
    /// `true` when the source printed the date without a year and the year was
    /// resolved from the file's own content.
    public var dateYearInferred: Bool
    /// The subject category its source files the paper under (the IAIFI site names one).
    public var category: String?
    /// The abstract; when sources differ, the longest.
    public var abstract: String?
    /// Keyword tags, recovered from the run-together keyword line.
    public var keywords: [String]
    /// The keyword line exactly as the dump printed it.
    public var keywordLine: String?
    /// The arXiv identifier (`2101.00001`, `hep-th/9901001`), when a source names it.
    public var arxivId: String?
    /// Free-form comments (pages, figures, venue).
    public var comments: String?
    /// Hugging Face Daily Papers upvotes; when sources differ, the largest.
    public var upvotes: Int?
    /// Every dump entry merged into this record, in load order.
    public var sources: [Source]

    /// Creates a paper from its fields; every field defaults to unknown or empty.
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

/// The fields of a ``Paper``, declared once, in the order records store
/// them. Storage, merging, the index's searchable text and the output
/// formats iterate this list instead of naming fields one by one, so a new
/// field is a property of `Paper`, a case here, and the reader that fills it.
package enum PaperField: String, CaseIterable, Sendable {
    case id, title, authors, authorsComplete, authorCount, organization, date, dateYearInferred
    case category, abstract, keywords, keywordLine, arxivId, comments, upvotes, sources

    /// Where a field's value lives in a ``Paper``, by the kind of value.
    package enum Value {
        case text(WritableKeyPath<Paper, String>)
        case optionalText(WritableKeyPath<Paper, String?>)
        case texts(WritableKeyPath<Paper, [String]>)
        case flag(WritableKeyPath<Paper, Bool>)
        case optionalNumber(WritableKeyPath<Paper, Int?>)
        case date(WritableKeyPath<Paper, PaperDate?>)
        case sources(WritableKeyPath<Paper, [Source]>)
    }

    /// The field's value in a ``Paper``.
    package var value: Value {
        switch self {
        case .id: .text(\.id)
        case .title: .optionalText(\.title)
        case .authors: .texts(\.authors)
        case .authorsComplete: .flag(\.authorsComplete)
        case .authorCount: .optionalNumber(\.authorCount)
        case .organization: .optionalText(\.organization)
        case .date: .date(\.date)
        case .dateYearInferred: .flag(\.dateYearInferred)
        case .category: .optionalText(\.category)
        case .abstract: .optionalText(\.abstract)
        case .keywords: .texts(\.keywords)
        case .keywordLine: .optionalText(\.keywordLine)
        case .arxivId: .optionalText(\.arxivId)
        case .comments: .optionalText(\.comments)
        case .upvotes: .optionalNumber(\.upvotes)
        case .sources: .sources(\.sources)
        }
    }

    /// How merging the entries of one paper picks the field's value.
    package enum Merging: Sendable {
        /// From the first entry that states it.
        case firstStated
        /// The longest stated text.
        case longest
        /// The largest stated number.
        case largest
        /// Every entry's values, in load order.
        case all
        /// From the entry chosen for a group of fields that must agree (the
        /// author list and its completeness; a date and whether its year was
        /// inferred; tags and the line they came from).
        case group(Group)
    }

    /// Fields taken together from one entry when entries merge.
    package enum Group: Sendable {
        case authors, date, keywords
    }

    /// How merging picks this field's value.
    package var merging: Merging {
        switch self {
        case .id, .title, .organization, .category, .arxivId, .comments: .firstStated
        case .abstract: .longest
        case .upvotes: .largest
        case .sources: .all
        case .authors, .authorsComplete, .authorCount: .group(.authors)
        case .date, .dateYearInferred: .group(.date)
        case .keywords, .keywordLine: .group(.keywords)
        }
    }
}

extension Paper {
    /// The texts of a text field: none, one, or a list (authors, tags).
    /// - Complexity: O(1) beyond copying the list.
    package func texts(of field: PaperField) -> [String] {
        switch field.value {
        case .text(let path): [self[keyPath: path]]
        case .optionalText(let path): self[keyPath: path].map { [$0] } ?? []
        case .texts(let path): self[keyPath: path]
        case .flag, .optionalNumber, .date, .sources: []
        }
    }

    /// Whether any source stated `field` (a flag always counts as stated).
    package func states(_ field: PaperField) -> Bool {
        switch field.value {
        case .text(let path): !self[keyPath: path].isEmpty
        case .optionalText(let path): self[keyPath: path] != nil
        case .texts(let path): !self[keyPath: path].isEmpty
        case .flag: true
        case .optionalNumber(let path): self[keyPath: path] != nil
        case .date(let path): self[keyPath: path] != nil
        case .sources(let path): !self[keyPath: path].isEmpty
        }
    }

    /// Sets `field` to its value in `other`.
    mutating func copy(_ field: PaperField, from other: Paper) {
        switch field.value {
        case .text(let path): self[keyPath: path] = other[keyPath: path]
        case .optionalText(let path): self[keyPath: path] = other[keyPath: path]
        case .texts(let path): self[keyPath: path] = other[keyPath: path]
        case .flag(let path): self[keyPath: path] = other[keyPath: path]
        case .optionalNumber(let path): self[keyPath: path] = other[keyPath: path]
        case .date(let path): self[keyPath: path] = other[keyPath: path]
        case .sources(let path): self[keyPath: path] = other[keyPath: path]
        }
    }
}

/// Where a record's data came from: one entry of one dump file.
public struct Source: Hashable, Sendable {
    /// The dump format the entry was read as.
    public var format: DumpFormat
    /// The dump file the entry is in.
    public var file: String
    /// 1-based line on which the entry starts.
    public var line: Int

    /// Creates a source: an entry of `file`, read as `format`, starting on `line`.
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
