import PaperCatalog

/// BibTeX entries: `@article` for papers with an arXiv id (as `eprint` with
/// `archivePrefix = {arXiv}`), `@misc` otherwise; the record id is the key.
enum BibTeX {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func entry(for paper: Paper) -> String {
        var fields: [(String, String)] = []
        if let title = paper.title { fields.append(("title", "{" + braced(title) + "}")) }
        if !paper.authors.isEmpty {
            let names = paper.authors.map(braced) + (paper.authorsComplete ? [] : ["others"])
            fields.append(("author", "{" + names.joined(separator: " and ") + "}"))
        }
        if let date = paper.date {
            fields.append(("year", "{\(date.year)}"))
            fields.append(("month", months[date.month - 1]))
        }
        if let arxivId = paper.arxivId {
            fields.append(("eprint", "{" + braced(arxivId) + "}"))
            fields.append(("archivePrefix", "{arXiv}"))
        }
        if !paper.keywords.isEmpty { fields.append(("keywords", "{" + braced(paper.keywords.joined(separator: ", ")) + "}")) }
        if let comments = paper.comments { fields.append(("note", "{" + braced(comments) + "}")) }
        if let abstract = paper.abstract { fields.append(("abstract", "{" + braced(abstract) + "}")) }
        let body = fields.map { "  \($0.0) = \($0.1)" }.joined(separator: ",\n")
        return "@\(paper.arxivId == nil ? "misc" : "article"){\(key(paper.id)),\n\(body)\n}\n"
    }

    /// A citation key BibTeX accepts: no spaces, commas, braces or quotes.
    private static func key(_ id: String) -> String {
        String(id.map { " ,{}\"#%'()=\\~".contains($0) ? "_" : $0 })
    }

    /// Text whose braces balance, as BibTeX requires (it counts braces even
    /// after a backslash, so unbalanced ones are dropped); control characters
    /// become spaces.
    private static func braced(_ text: String) -> String {
        var depth = 0
        var balanced = true
        for character in text {
            if character == "{" { depth += 1 } else if character == "}" { depth -= 1 }
            if depth < 0 { balanced = false }
        }
        var output = text.safeForTerminal
        if !balanced || depth != 0 {
            output.removeAll { $0 == "{" || $0 == "}" }
        }
        return output
    }
}
