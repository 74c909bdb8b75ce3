/// Reads an arXiv listing.
///
/// Each entry ends with an `arXiv:ID` line and a `Created: YYYY-MM-DD` line;
/// before them come an optional title and author line, the abstract and an
/// optional comments line (pages, figures, venue).
enum ArxivReader: DumpReader {
    static let format = DumpFormat.arxiv

    static func signatureLines(in file: TextFile) -> [Int] {
        file.lines.indices.filter { index in
            let line = file.lines[index]
            guard line.utf8.count < 80 else { return false }
            return arxivId(line) != nil || created(line) != nil
        }
    }

    static func entryEnd(afterSignature index: Int, in file: TextFile) -> Int { index + 1 }

    static func read(_ file: TextFile) -> ReadResult {
        var result = ReadResult()
        var pending: [Int] = []
        var index = 0
        while index < file.lines.count {
            let line = file.lines[index]
            if let id = arxivId(line) {
                result.entries += 1
                let dateIndex = file.contentLines(in: (index + 1)..<min(file.lines.count, index + 3)).first
                let date = dateIndex.flatMap { created(file.lines[$0]) }
                if date == nil {
                    result.warn(file, line: dateIndex ?? index, "expected 'Created: YYYY-MM-DD' after \(quoted(line)); date left empty")
                }
                readEntry(file, body: pending, id: id, idLine: index, date: date, into: &result)
                pending = []
                index = date != nil ? dateIndex! + 1 : index + 1
                continue
            }
            if !LineShape.isBlank(line) { pending.append(index) }
            index += 1
        }
        if let first = pending.first {
            result.entries += 1
            result.warn(file, line: first, "entry has no 'arXiv:ID' and 'Created:' lines (truncated?); skipped \(pending.count) line(s)")
        }
        return result
    }

    private static func readEntry(
        _ file: TextFile, body: [Int], id: String, idLine: Int, date: PaperDate?, into result: inout ReadResult
    ) {
        var paper = Paper(
            date: date, arxivId: id,
            sources: [Source(format: .arxiv, file: file.path, line: TextFile.number(body.first ?? idLine))])
        let lines = body.map { file.lines[$0].trimmed }
        guard let abstractPosition = lines.firstIndex(where: { LineShape.isProse($0) && !LineShape.isAuthorList($0) })
        else {
            result.warn(file, line: body.first ?? idLine, "entry \(id) has no abstract")
            result.papers.append(paper)
            return
        }
        paper.abstract = lines[abstractPosition]
        var head = lines[..<abstractPosition]
        if let last = head.last, LineShape.isAuthorList(last), head.count > 1 || !looksLikeTitle(last) {
            let list = AuthorList(last)
            paper.authors = list.names
            paper.authorsComplete = !list.truncated
            paper.authorCount = list.truncated ? nil : list.names.count
            head = head.dropLast()
        }
        if let title = head.first { paper.title = title }
        if head.count > 1 {
            result.warn(file, line: body[1], "entry \(id): unexpected line \(quoted(lines[1])) between title and abstract; skipped")
        }
        let tail = lines[(abstractPosition + 1)...]
        if let comments = tail.first { paper.comments = comments }
        if tail.count > 1 {
            result.warn(file, line: body[abstractPosition + 2], "entry \(id): unexpected line after the comments; skipped")
        }
        result.papers.append(paper)
    }

    /// A single capitalised name reads as an author; a title has lower-case words too.
    private static func looksLikeTitle(_ line: String) -> Bool {
        line.split(separator: " ").contains { $0.first?.isLowercase == true } || !line.contains(",") && line.split(separator: " ").count > 4
    }

    /// `arXiv:2504.00256` (new style) or `arXiv:hep-th/9901001` (old style).
    static func arxivId(_ line: String) -> String? {
        guard line.hasPrefix("arXiv:") else { return nil }
        let id = line.dropFirst(6).trimmed
        guard !id.isEmpty, !id.contains(" ") else { return nil }
        return id
    }

    private static func created(_ line: String) -> PaperDate? {
        let text = line.trimmed
        guard text.hasPrefix("Created: ") else { return nil }
        return PaperDate(iso: text.dropFirst(9))
    }
}
