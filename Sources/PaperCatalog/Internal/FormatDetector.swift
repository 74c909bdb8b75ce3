/// Tells which dump format a file is in from its content, never its name.
enum FormatDetector {
    static let readers: [any DumpReader.Type] = [IAIFIReader.self, ArxivReader.self, HuggingFaceReader.self]

    /// The reader whose signature lines are most frequent, or `nil` when no
    /// format's signature occurs at all.
    static func reader(for file: TextFile) -> (any DumpReader.Type)? {
        let scored = readers.map { ($0, $0.signatureCount(in: file)) }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0 else { return nil }
        return best.0
    }
}
