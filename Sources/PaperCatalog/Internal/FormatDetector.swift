/// Tells which dump format a file is in from its content, never its name.
enum FormatDetector {
    /// One part of a file and the format it is in.
    struct Segment {
        var format: DumpFormat
        var file: TextFile
        var lines: Range<Int>
    }

    private struct Signature {
        var format: DumpFormat
        var lines: [Int]
    }

    /// The file's parts: one for a file in one format; one per format when
    /// formats follow one another (two dumps concatenated); none when no
    /// format's signature occurs. Signatures of several formats that
    /// interleave go to the format with the most signature lines.
    static func segments(of file: TextFile) -> [Segment] {
        let found = DumpFormat.allCases.compactMap { format -> Signature? in
            let lines = format.reader.signatureLines(in: file)
            return lines.isEmpty ? nil : Signature(format: format, lines: lines)
        }.sorted { $0.lines[0] < $1.lines[0] }
        guard let dominant = found.max(by: { $0.lines.count < $1.lines.count }) else { return [] }
        let consecutive = zip(found, found.dropFirst()).allSatisfy { $0.0.lines.last! < $0.1.lines[0] }
        guard found.count > 1, consecutive else {
            return [Segment(format: dominant.format, file: file, lines: 0..<file.lines.count)]
        }
        var segments: [Segment] = []
        var start = 0
        for (position, signature) in found.enumerated() {
            let end =
                position + 1 == found.count
                ? file.lines.count
                : min(signature.format.reader.entryEnd(afterSignature: signature.lines.last!, in: file), found[position + 1].lines[0])
            segments.append(Segment(format: signature.format, file: file.restricted(to: start..<end), lines: start..<end))
            start = end
        }
        return segments
    }
}

extension DumpFormat {
    /// The reader for this format.
    var reader: any DumpReader.Type {
        switch self {
        case .iaifi: IAIFIReader.self
        case .arxiv: ArxivReader.self
        case .hf: HuggingFaceReader.self
        }
    }
}
