import Foundation

/// The papers of one or more dump files, merged, with a report per file.
public struct Catalog: Sendable {
    /// Merged records, in the order their first entry was read.
    public private(set) var papers: [Paper]
    /// One report per file read, in the order read.
    public private(set) var files: [FileReport]

    /// The largest file ``load(paths:maxFileBytes:)`` reads by default: 4 GiB.
    public static let defaultMaxFileBytes = 4 << 30

    /// Every diagnostic of every file, in file order.
    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }

    /// Whether any file could not be read at all.
    public var hasErrors: Bool { files.contains { $0.diagnostics.contains { $0.severity == .error } } }

    /// Reads `paths` (files, or folders searched recursively for files).
    ///
    /// Never throws: a missing, unreadable or unrecognised file is reported
    /// as an error in its ``FileReport`` and the other files are still read.
    /// - Parameter maxFileBytes: a larger file is reported, not read; the
    ///   default (4 GiB) keeps a runaway input from exhausting memory.
    public static func load(paths: [String], maxFileBytes: Int = defaultMaxFileBytes) -> Catalog {
        let inputs = InputFiles.expand(paths)
        return Catalog(
            inputs: inputs.map { input in
                switch input {
                case .file(let path): (path.display, { InputFiles.read(path, limit: maxFileBytes) })
                case .problem(let path, let message): (path, { .failure(message) })
                }
            })
    }

    /// Reads dumps already in memory, keyed by the name diagnostics should use.
    public static func parse(_ documents: [(name: String, text: String)]) -> Catalog {
        Catalog(inputs: documents.map { document in (document.name, { .success([Array(document.text.utf8)]) }) })
    }

    /// Reads each input in turn: one file's bytes are in memory at a time,
    /// each chunk of them only until it is decoded into lines.
    private init(inputs: [(String, () -> Result<[[UInt8]], InputFiles.Failure>)]) {
        var drafts: [Paper] = []
        var owner: [Int] = []
        var reports: [FileReport] = []
        for (path, load) in inputs {
            var report = FileReport(path: path)
            switch load() {
            case .failure(let failure):
                report.diagnostics.append(Diagnostic(.error, file: path, failure.message))
            case .success(let chunks):
                // Passed on as the chunks' only copy, so that each is freed once decoded.
                let result = Self.read(TextFile(path: path, chunks: consume chunks), report: &report)
                report.records = result.papers.count
                owner += Array(repeating: reports.count, count: result.papers.count)
                drafts += result.papers
            }
            reports.append(report)
        }
        Self.segmentKeywords(&drafts)
        let sourceOfDraft = drafts.map { $0.sources[0] }
        // Consumed: each draft's memory goes with the record it becomes.
        var (papers, recordOf) = PaperMerger.merge(consume drafts)
        var firstDraftOfRecord = Array(repeating: -1, count: papers.count)
        for (draft, record) in recordOf.enumerated() {
            let first = firstDraftOfRecord[record]
            guard first >= 0 else {
                firstDraftOfRecord[record] = draft
                continue
            }
            let source = sourceOfDraft[draft]
            let kept = sourceOfDraft[first]
            reports[owner[draft]].merges += 1
            reports[owner[draft]].diagnostics.append(
                Diagnostic(
                    .note, file: source.file, line: source.line,
                    "same paper as \(kept.file):\(kept.line); merged into one record"))
        }
        PaperIdentifier.assign(&papers)
        self.papers = papers
        self.files = reports
    }

    private static func read(_ file: TextFile, report: inout FileReport) -> ReadResult {
        let path = file.path
        report.diagnostics += file.diagnostics
        guard !file.diagnostics.contains(where: { $0.severity == .error }) else { return ReadResult() }
        guard file.lines.contains(where: { !LineShape.isBlank($0) }) else {
            report.diagnostics.append(Diagnostic(.error, file: path, "file is empty; expected a paper listing"))
            return ReadResult()
        }
        let segments = FormatDetector.segments(of: file)
        guard !segments.isEmpty else {
            report.diagnostics.append(
                Diagnostic(
                    .error, file: path, line: 1,
                    "not a known dump format; expected an IAIFI papers page ('<Category> <Mon D, YYYY>' headers), an arXiv listing ('arXiv:ID' and 'Created: YYYY-MM-DD' lines) or a Hugging Face Daily Papers page ('·' and date lines)"
                ))
            return ReadResult()
        }
        if segments.count > 1 {
            let parts = segments.map { "\($0.format.displayName) (lines \($0.lines.lowerBound + 1)-\($0.lines.upperBound))" }
            report.diagnostics.append(Diagnostic(.note, file: path, "file holds several dumps one after another: " + parts.joined(separator: ", then ")))
        }
        var combined = ReadResult()
        for segment in segments {
            let result = segment.format.reader.read(segment.file)
            report.formats.append(segment.format)
            report.entries += result.entries
            report.diagnostics += result.diagnostics
            combined.papers += result.papers
        }
        if combined.papers.isEmpty {
            let names = segments.map(\.format.displayName).joined(separator: " + ")
            report.diagnostics.append(Diagnostic(.error, file: path, "no entries could be read as \(names)"))
        }
        return combined
    }

    private static func segmentKeywords(_ papers: inout [Paper]) {
        let tagged = papers.indices.filter { papers[$0].keywordLine != nil }
        let segmented = KeywordSegmenter.segment(tagged.map { papers[$0].keywordLine! }) { line in
            [papers[tagged[line]].title, papers[tagged[line]].abstract].compactMap { $0 }
        }
        for (index, tags) in zip(tagged, segmented) { papers[index].keywords = tags }
    }
}

/// What reading one file gave.
public struct FileReport: Sendable {
    /// The file's path, readable (a byte that is not UTF-8 shows as `\xFF`), or a parsed document's name.
    public var path: String
    /// The detected formats in file order: one, or several for dumps
    /// concatenated into one file; none when the file could not be read.
    public var formats: [DumpFormat] = []
    /// The first detected format.
    public var format: DumpFormat? { formats.first }
    /// Entries found, whether or not they became records.
    public var entries = 0
    /// Records this file's entries gave before merging.
    public var records = 0
    /// This file's entries merged into a record first read elsewhere.
    public var merges = 0
    /// Every problem found in this file.
    public var diagnostics: [Diagnostic] = []

    /// How many of ``diagnostics`` are warnings.
    public var warnings: Int { diagnostics.count { $0.severity == .warning } }
    /// How many of ``diagnostics`` are errors: the file could not be read.
    public var errors: Int { diagnostics.count { $0.severity == .error } }
}

extension Catalog {
    /// A description of every file `paths` expand to, precise enough that any
    /// change to any of them (or a file added to or removed from a folder)
    /// changes it: path, size, inode, and modification and status-change
    /// times to the nanosecond. `nil` when a path cannot be examined.
    public static func fingerprint(of paths: [String]) -> String? {
        var lines: [String] = []
        for input in InputFiles.expand(paths) {
            guard case .file(let path) = input else { return nil }
            var info = stat()
            guard path.withCString({ stat($0, &info) }) == 0 else { return nil }
            let (modified, changed) = SystemCalls.times(of: info)
            lines.append(
                "\(path.display)\t\(info.st_size)\t\(info.st_dev):\(info.st_ino)\t\(modified.tv_sec).\(modified.tv_nsec)\t\(changed.tv_sec).\(changed.tv_nsec)")
        }
        return lines.joined(separator: "\n")
    }
}
