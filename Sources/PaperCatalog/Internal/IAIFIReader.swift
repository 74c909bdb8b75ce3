/// Reads the IAIFI papers site dump.
///
/// Shape: a preamble whose `N papers 150 Theoretical Physics 70 ...` line
/// names the categories and their counts, then entries, each opened by a
/// `<Category> <Mon D, YYYY>` header and followed by a title, an author line,
/// an abstract and a keyword line.
enum IAIFIReader: DumpReader {
    static let format = DumpFormat.iaifi

    static func signatureLines(in file: TextFile) -> [Int] {
        let categories = Preamble(file)?.categoryNames
        return Parallel.filter(file.lines.count) { header(file.lines[$0], categories: categories) != nil }
    }

    /// A header is followed by four content lines: title, authors, abstract, keywords.
    static func entryEnd(afterSignature index: Int, in file: TextFile) -> Int {
        (file.contentLines(in: (index + 1)..<min(index + 9, file.lines.count)).prefix(4).last ?? index) + 1
    }

    static func read(_ file: TextFile) -> ReadResult {
        var result = ReadResult()
        let preamble = Preamble(file)
        let categories = preamble?.categoryNames
        var found: [(Int, (category: String, date: PrintedDate))] = []
        Parallel.forEach(
            file.lines.count, computing: { header(file.lines[$0], categories: categories) },
            then: { index, header in if let header { found.append((index, header)) } })
        // Entries on every core, each into its own result; joined in file order.
        let headers = found
        Parallel.forEach(
            headers.count, block: 16_384, chunk: 256,
            computing: { position in
                let (index, header) = headers[position]
                let end = position + 1 < headers.count ? headers[position + 1].0 : file.lines.count
                var entry = ReadResult()
                readEntry(file, header: header, at: index, body: file.contentLines(in: (index + 1)..<end), into: &entry)
                return entry
            },
            then: { _, entry in
                result.entries += 1
                result.papers += entry.papers
                result.diagnostics += entry.diagnostics
            })
        if let preamble { preamble.check(against: result.papers, file: file, into: &result) }
        return result
    }

    private static func readEntry(
        _ file: TextFile, header: (category: String, date: PrintedDate), at index: Int, body: [Int],
        into result: inout ReadResult
    ) {
        guard let titleIndex = body.first else {
            result.skip(file, line: index, "entry has no title after its header; skipped (expected title, authors, abstract, keywords)")
            return
        }
        var paper = Paper(
            title: file.lines[titleIndex].trimmed, date: header.date.resolved(year: nil),
            category: header.category, sources: [Source(format: .iaifi, file: file.path, line: TextFile.number(index))])
        let fields = Fields(body.dropFirst(), in: file)
        if let authorIndex = fields.authors {
            let list = AuthorList(file.lines[authorIndex])
            paper.authors = list.names
            paper.authorsComplete = !list.truncated
            paper.authorCount = list.truncated ? nil : list.names.count
        } else {
            result.warn(file, line: titleIndex, "expected an author line after the title; authors left empty")
        }
        paper.abstract = fields.abstract.map { file.lines[$0].trimmed }
        paper.keywordLine = fields.keywords.map { file.lines[$0].trimmed }
        for lineIndex in fields.others {
            let line = file.lines[lineIndex].trimmed
            if LineShape.isNavigation(line) {
                result.note(file, line: lineIndex, "skipped page-navigation line \(quoted(line))")
            } else {
                result.skip(file, line: lineIndex, "unexpected line \(quoted(line)); skipped")
            }
        }
        if paper.abstract == nil {
            result.warn(file, line: titleIndex, "entry has no abstract")
        }
        if paper.keywordLine == nil {
            result.warn(file, line: titleIndex, "entry has no keyword line (expected lower-case tags after the abstract)")
        }
        result.papers.append(paper)
    }

    /// Parses `<Category> <Mon D, YYYY>`; with known categories, only those.
    private static func header(_ line: String, categories: Set<String>?) -> (category: String, date: PrintedDate)? {
        guard let (prefix, date) = PrintedDate.suffix(of: line) else { return nil }
        if let categories { return categories.contains(prefix) ? (prefix, date) : nil }
        let words = prefix.split(separator: " ")
        guard (1...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        return (prefix, date)
    }
}

/// Which of the lines after an entry's title is what, decided by their
/// number and order, never by a line's punctuation.
///
/// The site prints every field on a line of its own, blank lines between:
/// the title, the author line, the abstract, the keyword line, then
/// sometimes a page line such as `All Posts`. With three lines or more after
/// the title, the first is the author line and the second the abstract; the
/// keyword line is the first lower-case line after them (normally the
/// next). With fewer, a field is missing, and the two fields with a shape of
/// their own tell which: a list of names is the author line, a line of
/// lower-case tags the keyword line, and the abstract is neither.
private struct Fields {
    var authors: Int?
    var abstract: Int?
    var keywords: Int?
    /// Lines the entry has no place for, in order.
    var others: [Int] = []

    init(_ lines: ArraySlice<Int>, in file: TextFile) {
        let lines = Array(lines)
        func isAuthorList(_ index: Int) -> Bool { LineShape.isAuthorList(file.lines[index]) }
        func isKeywordLine(_ index: Int) -> Bool { LineShape.isKeywordLine(file.lines[index].trimmed) }
        switch lines.count {
        case 0:
            break
        case 1:
            if isAuthorList(lines[0]) {
                authors = lines[0]
            } else if isKeywordLine(lines[0]) {
                keywords = lines[0]
            } else {
                abstract = lines[0]
            }
        case 2:
            if !isKeywordLine(lines[1]) {
                (authors, abstract) = (lines[0], lines[1])
            } else if isAuthorList(lines[0]) {
                (authors, keywords) = (lines[0], lines[1])
            } else {
                (abstract, keywords) = (lines[0], lines[1])
            }
        default:
            (authors, abstract) = (lines[0], lines[1])
            for index in lines.dropFirst(2) {
                if keywords == nil, isKeywordLine(index) { keywords = index } else { others.append(index) }
            }
        }
    }
}

/// The site's `574 papers 150 Theoretical Physics 70 ...` line.
private struct Preamble {
    var lineIndex: Int
    var total: Int
    var counts: [(category: String, count: Int)]

    var categoryNames: Set<String> { Set(counts.map(\.category)) }

    /// Looks for the line among the first 200 non-blank lines of the file.
    init?(_ file: TextFile) {
        for index in file.lines.indices.lazy.filter({ !file.lines[$0].isEmpty }).prefix(200) {
            let line = file.lines[index]
            let words = line.split(separator: " ")
            guard words.count >= 2, let total = Int(words[0]), words[1] == "papers" else { continue }
            var counts: [(String, Int)] = []
            var name: [Substring] = []
            var count: Int?
            for word in words.dropFirst(2) {
                if let number = Int(word) {
                    if let count, !name.isEmpty { counts.append((name.joined(separator: " "), count)) }
                    count = number
                    name = []
                } else {
                    name.append(word)
                }
            }
            if let count, !name.isEmpty { counts.append((name.joined(separator: " "), count)) }
            guard !counts.isEmpty else { continue }
            self.lineIndex = index
            self.total = total
            self.counts = counts
            return
        }
        return nil
    }

    /// Reports every stated count that the entries read do not match.
    func check(against papers: [Paper], file: TextFile, into result: inout ReadResult) {
        if papers.count != total {
            result.skip(file, line: lineIndex, "the page states \(total) papers but \(papers.count) entries were read")
        }
        for (category, count) in counts {
            let found = papers.count { $0.category == category }
            if found != count {
                result.skip(file, line: lineIndex, "the page states \(count) \(category) papers but \(found) were read")
            }
        }
    }
}
