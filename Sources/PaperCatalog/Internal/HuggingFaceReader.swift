/// Reads a Hugging Face "Daily Papers" page.
///
/// After a preamble that ends with the page date (`Apr 20`, no year), each
/// entry is a title, an abstract, an author line (`• 4 authors`) or an
/// organisation, a lone `·`, and a date with or without a year, optionally
/// followed by an upvote count.
///
/// The page leaves out the year of dates in its own year. That year is
/// inferred from the file alone: it is the year after the latest year the
/// page does print (a printed year is never the page's own), so the same file
/// always reads the same way.
enum HuggingFaceReader: DumpReader {
    static let format = DumpFormat.hf
    private static let separator = "·"

    static func signatureLines(in file: TextFile) -> [Int] {
        Parallel.filter(file.lines.count) { index in
            let line = file.lines[index]
            // `·` and `•` are the only characters looked for; both start with 0xC2 or 0xE2 in UTF-8.
            guard line.utf8.count < 40, line.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 }),
                line.contains(where: { $0 == "·" || $0 == "•" })
            else { return false }
            return line.trimmed == separator || authorCount(line) != nil
        }
    }

    /// After the last `·` comes the entry's date line.
    static func entryEnd(afterSignature index: Int, in file: TextFile) -> Int {
        (file.contentLines(in: (index + 1)..<min(index + 3, file.lines.count)).first ?? index) + 1
    }

    static func read(_ file: TextFile) -> ReadResult {
        var result = ReadResult()
        let anchors = file.lines.indices.filter { file.lines[$0].trimmed == separator }
        // The page date is a year-less date in the preamble, before any entry.
        let pageDate = file.lines.indices.prefix(anchors.first ?? file.lines.count).first { index in
            PrintedDate(line: file.lines[index].trimmed).map { $0.year == nil && $0.trailingNumber == nil } == true
        }
        let latestPrintedYear = anchors.compactMap { anchor in
            file.contentLines(in: (anchor + 1)..<min(anchor + 3, file.lines.count)).first
                .flatMap { PrintedDate(line: file.lines[$0].trimmed)?.year }
        }.max()
        let pageYear = latestPrintedYear.map { $0 + 1 }
        var start = (pageDate ?? -1) + 1
        for anchor in anchors {
            result.entries += 1
            let before = file.contentLines(in: min(start, anchor)..<anchor)
            let dateIndex = file.contentLines(in: (anchor + 1)..<min(anchor + 3, file.lines.count)).first
            start = (dateIndex ?? anchor) + 1
            readEntry(file, before: before, anchor: anchor, dateIndex: dateIndex, pageYear: pageYear, into: &result)
        }
        let leftover = file.contentLines(in: start..<file.lines.count)
        if let first = leftover.first {
            result.entries += 1
            result.skip(file, line: first, "entry has no '·' and date lines (truncated?); skipped \(leftover.count) line(s)")
        }
        return result
    }

    private static func readEntry(
        _ file: TextFile, before: [Int], anchor: Int, dateIndex: Int?, pageYear: Int?, into result: inout ReadResult
    ) {
        guard before.count >= 2 else {
            result.skip(file, line: before.first ?? anchor, "expected a title, an abstract and an author line before '·'; entry skipped")
            return
        }
        let authorLine = file.lines[before[before.count - 1]].trimmed
        let text = before.dropLast().map { file.lines[$0].trimmed }
        var paper = Paper(title: text[0], sources: [Source(format: .hf, file: file.path, line: TextFile.number(before[0]))])
        if text.count >= 2 {
            paper.abstract = text[1...].joined(separator: " ")
            if text.count > 2 {
                result.warn(file, line: before[2], "abstract spans \(text.count - 1) lines; joined")
            }
        } else {
            result.warn(file, line: before[0], "entry has no abstract")
        }
        if let count = authorCount(authorLine) {
            paper.authorCount = count
        } else {
            paper.organization = authorLine
        }
        if let dateIndex, let printed = PrintedDate(line: file.lines[dateIndex].trimmed) {
            paper.upvotes = printed.trailingNumber
            paper.date = printed.resolved(year: pageYear)
            paper.dateYearInferred = printed.year == nil && paper.date != nil
            if paper.date == nil {
                result.warn(
                    file, line: dateIndex,
                    printed.year == nil
                        ? "date has no year and the page prints no year to infer it from; date left empty"
                        : "no such day; date left empty")
            }
        } else {
            result.warn(file, line: dateIndex ?? anchor, "expected a date such as 'Oct 25, 2023' or 'Jan 3' after '·'; date left empty")
        }
        result.papers.append(paper)
    }

    /// `• 4 authors` -> 4.
    private static func authorCount(_ line: String) -> Int? {
        let words = line.trimmed.split(separator: " ")
        guard words.count == 3, words[0] == "•", words[2] == "authors" || words[2] == "author" else { return nil }
        return Int(words[1])
    }
}
