/// What a paper's ``Paper/url`` leads to.
public enum URLKind: String, CaseIterable, Sendable {
    /// The paper's own arXiv abstract page: `https://arxiv.org/abs/<id>`.
    case arxiv
    /// An arXiv search for the paper's title (or, without a title, the
    /// start of its abstract), for records whose sources give no arXiv id.
    case search
}

extension Paper {
    /// A link to the paper: its arXiv abstract page when the arXiv id is
    /// known, else an arXiv search by title
    /// (`https://arxiv.org/search/?query=<title>&searchtype=title`), else by
    /// the abstract's first twelve words (`searchtype=abstract`), else by the
    /// record id (`searchtype=all`). Never empty; see ``urlKind``.
    ///
    /// The search link is stable (it depends on the title only) and finds
    /// the paper when arXiv has it: the IAIFI site and Hugging Face's daily
    /// papers list arXiv preprints, but their dumps name no id.
    public var url: String {
        if let arxivId { return "https://arxiv.org/abs/" + PaperLinks.encode(arxivId, keeping: PaperLinks.pathCharacters) }
        let (query, field) = PaperLinks.searchTerms(for: self)
        return "https://arxiv.org/search/?query=" + PaperLinks.encode(query, keeping: PaperLinks.unreserved) + "&searchtype=" + field
    }

    /// Whether ``url`` is the paper's own page or a search for it.
    public var urlKind: URLKind { arxivId == nil ? .search : .arxiv }

    /// The PDF on arXiv (`https://arxiv.org/pdf/<id>`) when the arXiv id is
    /// known, else `nil`.
    public var pdfURL: String? {
        arxivId.map { "https://arxiv.org/pdf/" + PaperLinks.encode($0, keeping: PaperLinks.pathCharacters) }
    }
}

/// Percent-encoding (RFC 3986) and the search terms behind a search link.
enum PaperLinks {
    /// RFC 3986 unreserved characters: everything else in a query value is
    /// percent-encoded as UTF-8 bytes (a space as `%20`).
    static func unreserved(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    /// Unreserved characters and `/`, which old-style arXiv ids hold
    /// (`hep-th/9901001`) and the abstract page's path keeps.
    static func pathCharacters(_ byte: UInt8) -> Bool { unreserved(byte) || byte == UInt8(ascii: "/") }

    static func encode(_ text: String, keeping kept: (UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if kept(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The words to search and the arXiv search field: the title; else the
    /// abstract's first twelve words; else the id. Double quotes (which
    /// would make a phrase, or an unbalanced one an error) and runs of
    /// white space and control characters become one space.
    static func searchTerms(for paper: Paper) -> (query: String, field: String) {
        if let title = paper.title, let query = clean(title) { return (query, "title") }
        if let abstract = paper.abstract, let query = clean(abstract.split(whereSeparator: \.isWhitespace).prefix(12).joined(separator: " ")) {
            return (query, "abstract")
        }
        return (paper.id, "all")
    }

    private static func clean(_ text: String) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var spaceDue = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar.value <= 0x20 || (0x7F...0xA0).contains(scalar.value) || (!scalar.isASCII && scalar.properties.isWhitespace) {
                spaceDue = !output.isEmpty
                continue
            }
            if spaceDue { output.append(UInt8(ascii: " ")) }
            spaceDue = false
            if scalar.isASCII { output.append(UInt8(scalar.value)) } else { output += UTF8.encode(scalar)! }
        }
        return output.isEmpty ? nil : String(decoding: output, as: UTF8.self)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
