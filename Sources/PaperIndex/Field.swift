import PaperCatalog

// How the fields of a query, of the full-text index, of the exact indices
// (`Facet`) and of a stored `Paper` map to one another: every mapping
// between them is in this file.

/// The full-text fields of a paper, with their BM25F weights: a title hit
/// counts more than an abstract hit.
public enum Field: Int, CaseIterable, Sendable {
    case title, keywords, authors, abstract

    /// The field's name in output (`title`, `keywords`, `authors`, `abstract`).
    public var name: String { "\(self)" }

    /// The paper's field this one indexes.
    var stored: PaperField {
        switch self {
        case .title: .title
        case .keywords: .keywords
        case .authors: .authors
        case .abstract: .abstract
        }
    }

    /// The facet whose exact index holds this field's values whole (a tag,
    /// an author), if any.
    var facet: Facet? {
        switch self {
        case .keywords: .keywords
        case .authors: .authors
        case .title, .abstract: nil
        }
    }

    /// Relative weight of a term occurrence in this field.
    var weight: Double {
        switch self {
        case .title: 3
        case .keywords: 2.5
        case .authors: 2
        case .abstract: 1
        }
    }
}

/// The fields a query term can name with `field:`.
public enum QueryField: String, CaseIterable, Sendable {
    case title, abstract, author, keyword, category, year

    /// The full-text fields a term searches when `field:` names this field,
    /// or none (every field). `category:` and `year:` filter through their
    /// exact indices instead.
    static func searched(_ field: QueryField?) -> [Field] {
        switch field {
        case .title: [.title]
        case .abstract: [.abstract]
        case .author: [.authors]
        case .keyword: [.keywords]
        case .category, .year, nil: Field.allCases
        }
    }
}
