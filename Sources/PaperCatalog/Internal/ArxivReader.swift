/// Reads an arXiv listing.
///
/// Each entry ends with an `arXiv:ID` line and a `Created: YYYY-MM-DD` line;
/// before them come an optional title and author line, the abstract and an
/// optional comments line (pages, figures, venue). Which line is which
/// follows from the entry's blank lines (`EntryLayout`), not from what a
/// line's punctuation suggests: a title may hold full stops, question marks
/// and colons, and an abstract need not end with a full stop.
enum ArxivReader: DumpReader {
    static let format = DumpFormat.arxiv

    static func signatureLines(in file: TextFile) -> [Int] {
        Parallel.filter(file.lines.count) { index in
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
            result.skip(file, line: first, "entry has no 'arXiv:ID' and 'Created:' lines (truncated?); skipped \(pending.count) line(s)")
        }
        return result
    }

    private static func readEntry(
        _ file: TextFile, body: [Int], id: String, idLine: Int, date: PaperDate?, into result: inout ReadResult
    ) {
        var paper = Paper(
            date: date, arxivId: id,
            sources: [Source(format: .arxiv, file: file.path, line: TextFile.number(body.first ?? idLine))])
        let layout = EntryLayout(body, in: file)
        var titleLines = layout.head
        if let last = titleLines.last.map({ file.lines[$0].trimmed }), LineShape.isAuthorList(last),
            titleLines.count > 1 || !looksLikeTitle(last)
        {
            let list = AuthorList(last)
            paper.authors = list.names
            paper.authorsComplete = !list.truncated
            paper.authorCount = list.truncated ? nil : list.names.count
            titleLines = titleLines.dropLast()
        }
        if let title = titleLines.first { paper.title = file.lines[title].trimmed }
        for extra in titleLines.dropFirst() {
            result.skip(file, line: extra, "entry \(id): unexpected line \(quoted(file.lines[extra].trimmed)) between title and abstract; skipped")
        }
        guard let abstractIndex = layout.rest.first else {
            result.warn(file, line: body.first ?? idLine, "entry \(id) has no abstract")
            result.papers.append(paper)
            return
        }
        paper.abstract = file.lines[abstractIndex].trimmed
        let tail = layout.rest.dropFirst()
        if let comments = tail.first { paper.comments = file.lines[comments].trimmed }
        if let extra = tail.dropFirst().first {
            result.skip(file, line: extra, "entry \(id): unexpected line after the comments; skipped")
        }
        result.papers.append(paper)
    }

    /// A single capitalised name reads as an author; a title has lower-case words too.
    fileprivate static func looksLikeTitle(_ line: String) -> Bool {
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

/// Which lines of an arXiv entry are its head (title and author line) and
/// which its abstract, comments and any lines beyond, decided by where the
/// entry's blank lines fall, never by a line's punctuation.
///
/// A full entry is three blocks between blank lines, the head, the abstract
/// and the comments, before the `arXiv:` and `Created:` lines:
///
///     Title
///     Author One, Author Two
///
///     Abstract
///
///     Comments
///
/// The head and the comments are optional. The first block is the head when
/// it holds two lines (title over authors), or when two blocks or more
/// follow it (head, abstract, comments). A lone line before a single block
/// is either a head before its abstract or an abstract before its comments:
/// it is the head when it is a list of names, or when it is shorter than
/// the block after it (a title is shorter than its abstract, an abstract
/// longer than its comments). A title, a blank line and a lone author line
/// make one head. An entry without blank lines is read as one line a block.
private struct EntryLayout {
    /// The title and author line, in order; empty when the entry has neither.
    var head: ArraySlice<Int>
    /// The abstract, the comments line, then lines the format has no place for.
    var rest: ArraySlice<Int>

    init(_ body: [Int], in file: TextFile) {
        var blocks: [ArraySlice<Int>] = []
        var start = 0
        for position in body.indices where position + 1 == body.count || body[position + 1] != body[position] + 1 {
            blocks.append(body[start...position])
            start = position + 1
        }
        if blocks.count == 1 { blocks = body.indices.map { body[$0...$0] } }
        let headLines = blocks.count < 2 ? 0 : Self.headLines(blocks, in: file)
        head = body.prefix(headLines)
        rest = body.dropFirst(headLines)
    }

    /// How many of the entry's first lines are its head.
    private static func headLines(_ blocks: [ArraySlice<Int>], in file: TextFile) -> Int {
        let first = blocks[0]
        let next = blocks[1]
        if first.count > 1 { return first.count }
        let line = file.lines[first[first.startIndex]].trimmed
        let nextLine = file.lines[next[next.startIndex]].trimmed
        if blocks.count > 2, next.count == 1, LineShape.isAuthorList(nextLine) { return 2 }
        if blocks.count > 2 || isAuthorLine(line) { return 1 }
        return line.utf8.count < nextLine.utf8.count ? 1 : 0
    }

    /// A list of names that does not read as a title.
    private static func isAuthorLine(_ line: String) -> Bool {
        LineShape.isAuthorList(line) && !ArxivReader.looksLikeTitle(line)
    }
}
