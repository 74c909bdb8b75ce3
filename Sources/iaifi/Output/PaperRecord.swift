import PaperCatalog
import PaperIndex

/// A paper as the commands print it: the record, plus what the command
/// computed about it (a score, the reasons it is related).
struct PaperRecord {
    var paper: Paper
    /// The category inferred for a paper whose sources state none.
    var inferred: InferredCategory?
    var score: Double?
    /// Why a ranked result matched the query's words.
    var matches: Matches?
    var sharedTags: [String]?
    var sharedAuthors: [String]?

    /// The JSON object: the keys `fields` names, in that order (`null`
    /// where there is no value), or the documented object
    /// (``RecordField/defaultJSON``: every key present but those only
    /// some commands compute).
    func json(_ fields: [RecordField]? = nil) -> JSON {
        guard let fields else {
            return .object(RecordField.defaultJSON.compactMap { field in field.value(of: self).map { (field.rawValue, $0) } })
        }
        return .object(fields.map { ($0.rawValue, $0.value(of: self) ?? .null) })
    }

    /// "Halverson, Harvey, Nee" / "Chen, Luo, Hu et al." / "4 authors".
    var authorSummary: String {
        if paper.authors.isEmpty {
            if let organization = paper.organization { return organization }
            return paper.authorCount.map { "\($0) author\($0 == 1 ? "" : "s")" } ?? ""
        }
        let names = paper.authors.map { $0.split(separator: " ").last.map(String.init) ?? $0 }
        let shown = names.count > 3 ? names.prefix(1) + ["et al."] : names[...]
        let text = shown.joined(separator: ", ")
        return paper.authorsComplete || names.count > 3 ? text : text + " et al."
    }
}

extension PaperRecord {
    /// The stated category, else the inferred one marked as such:
    /// `Foundational AI (inferred, 0.93)`.
    var categoryLabel: String? {
        if let category = paper.category { return category }
        return inferred.map { "\($0.name) (inferred, \(String(format2: $0.confidence)))" }
    }
}
