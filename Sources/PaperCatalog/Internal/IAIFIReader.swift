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
        return file.lines.indices.filter { header(file.lines[$0], categories: categories) != nil }
    }

    /// A header is followed by four content lines: title, authors, abstract, keywords.
    static func entryEnd(afterSignature index: Int, in file: TextFile) -> Int {
        (file.contentLines(in: (index + 1)..<min(index + 9, file.lines.count)).prefix(4).last ?? index) + 1
    }

    static func read(_ file: TextFile) -> ReadResult {
        var result = ReadResult()
        let preamble = Preamble(file)
        let headers = file.lines.indices.compactMap { index in
            header(file.lines[index], categories: preamble?.categoryNames).map { (index, $0) }
        }
        for (position, (index, header)) in headers.enumerated() {
            let end = position + 1 < headers.count ? headers[position + 1].0 : file.lines.count
            result.entries += 1
            readEntry(file, header: header, at: index, body: file.contentLines(in: (index + 1)..<end), into: &result)
        }
        if let preamble { preamble.check(against: result.papers, file: file, into: &result) }
        return result
    }

    private static func readEntry(
        _ file: TextFile, header: (category: String, date: PrintedDate), at index: Int, body: [Int],
        into result: inout ReadResult
    ) {
        guard let titleIndex = body.first else {
            result.warn(file, line: index, "entry has no title after its header; skipped (expected title, authors, abstract, keywords)")
            return
        }
        var paper = Paper(
            title: file.lines[titleIndex].trimmed, date: header.date.resolved(year: nil),
            category: header.category, sources: [Source(format: .iaifi, file: file.path, line: TextFile.number(index))])
        let rest = body.dropFirst()
        let abstractIndex = rest.first { LineShape.isProse(file.lines[$0]) && !LineShape.isAuthorList(file.lines[$0]) }
        let head = abstractIndex.map { index in rest.prefix { $0 != index } } ?? rest.prefix { LineShape.isAuthorList(file.lines[$0]) }
        if let authorIndex = head.first {
            let list = AuthorList(file.lines[authorIndex])
            paper.authors = list.names
            paper.authorsComplete = !list.truncated
            paper.authorCount = list.truncated ? nil : list.names.count
            for extra in head.dropFirst() {
                result.warn(file, line: extra, "unexpected line \(quoted(file.lines[extra])) between the authors and the abstract; skipped")
            }
        } else {
            result.warn(file, line: titleIndex, "expected an author line after the title; authors left empty")
        }
        paper.abstract = abstractIndex.map { file.lines[$0].trimmed }
        for lineIndex in rest.drop(while: { head.contains($0) || $0 == abstractIndex }) {
            let line = file.lines[lineIndex].trimmed
            if paper.keywordLine == nil, LineShape.isKeywordLine(line) {
                paper.keywordLine = line
            } else if LineShape.isNavigation(line) {
                result.note(file, line: lineIndex, "skipped page-navigation line \(quoted(line))")
            } else {
                result.warn(file, line: lineIndex, "unexpected line \(quoted(line)); skipped")
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
            result.warn(file, line: lineIndex, "the page states \(total) papers but \(papers.count) entries were read")
        }
        for (category, count) in counts {
            let found = papers.count { $0.category == category }
            if found != count {
                result.warn(file, line: lineIndex, "the page states \(count) \(category) papers but \(found) were read")
            }
        }
    }
}
