import Foundation
import PaperCatalog

/// A saved index, so that a later run over unchanged files skips parsing
/// and indexing.
///
/// A snapshot is keyed by the input paths and stamped with a fingerprint of
/// every input file (path, size, inode, modification and status-change
/// times to the nanosecond) and of the `iaifi` binary itself. Any
/// difference, a new file in a folder, or a damaged snapshot, and the
/// snapshot is ignored and rebuilt: a stale answer is never given.
public enum IndexSnapshot {
    static let magic = "iaifi-index-v11"

    /// The index for `paths`, from the snapshot in `folder` when it is fresh,
    /// otherwise parsed, indexed and saved there. `problems` counts the
    /// warnings and errors reading produced; `diagnostics` lists them when
    /// the files were read this time (a snapshot keeps only the count).
    public static func load(paths: [String], folder: String?) -> (index: CatalogIndex, problems: Int, diagnostics: [Diagnostic]) {
        let fingerprint = Catalog.fingerprint(of: paths).map { $0 + "\n" + executableFingerprint() }
        let file = folder.map { $0 + "/" + key(for: paths) + ".index" }
        if let file, let fingerprint, let saved = read(file, fingerprint: fingerprint) {
            return (saved.index, saved.problems, [])
        }
        // The catalog goes as soon as its papers are out, so that indexing
        // can release each paper once stored.
        let (papers, diagnostics) = { () -> ([Paper], [Diagnostic]) in
            let catalog = Catalog.load(paths: paths)
            return (catalog.papers, catalog.diagnostics)
        }()
        let index = CatalogIndex(papers: consume papers)
        let problems = diagnostics.count { $0.severity != .note }
        if let folder, let file, let fingerprint, !diagnostics.contains(where: { $0.severity == .error }) {
            write(index, problems: problems, fingerprint: fingerprint, to: file, in: folder)
        }
        return (index, problems, diagnostics)
    }

    /// The snapshot folder: `$IAIFI_CACHE_DIR`, else `$XDG_CACHE_HOME/iaifi`,
    /// else `~/.cache/iaifi`; `nil` (no snapshots) when `IAIFI_CACHE=off` or
    /// no home is known.
    public static func defaultFolder(environment: [String: String]) -> String? {
        if environment["IAIFI_CACHE"] == "off" { return nil }
        if let folder = environment["IAIFI_CACHE_DIR"], !folder.isEmpty { return folder }
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty { return cache + "/iaifi" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/iaifi" }
        return nil
    }

    private static func key(for paths: [String]) -> String {
        let absolute = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }.joined(separator: "\0")
        return String(fnv1a(absolute.utf8), radix: 16)
    }

    private static func executableFingerprint() -> String {
        guard let path = CatalogLocation.currentExecutablePath() else { return "unknown executable" }
        return Catalog.fingerprint(of: [path]) ?? path
    }

    /// Maps `file` and checks it; the index's columns point into the mapping.
    private static func read(_ file: String, fingerprint: String) -> (index: CatalogIndex, problems: Int)? {
        guard let mapped = MappedFile(path: file) else { return nil }
        var reader = BinaryReader(mapped.bytes, owner: mapped)
        do {
            guard try reader.readString() == magic, try reader.readString() == fingerprint else { return nil }
            let problems = try reader.readInt()
            let index = try CatalogIndex(reading: &reader)
            return reader.isAtEnd ? (index, problems) : nil
        } catch {
            return nil
        }
    }

    /// Writes the snapshot to a temporary file (`mkstemp`: a new file of
    /// mode 0600 under a random name), then renames it into place, so a
    /// reader never sees half a snapshot.
    private static func write(_ index: CatalogIndex, problems: Int, fingerprint: String, to file: String, in folder: String) {
        // The folder and the snapshot are the user's alone (the snapshot holds
        // the catalog's text); the temporary file gets a fresh random name and
        // is created, never opened through an existing file or link.
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])) != nil else { return }
        removeAbandonedTemporaries(of: file, in: folder)
        var template = Array((file + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var writer = BinaryWriter(descriptor: descriptor)
        writer.write(magic)
        writer.write(fingerprint)
        writer.write(problems)
        index.write(to: &writer)
        writer.flush()
        guard close(descriptor) == 0, !writer.failed else {
            unlink(temporary)
            return
        }
        _ = rename(temporary, file)
    }

    /// How old a temporary snapshot must be to count as abandoned by a writer
    /// that was killed: far longer than writing any snapshot takes.
    static let abandonedAfter: TimeInterval = 3600

    /// Removes the temporary files of `file` (`<file>.XXXXXX`) left by
    /// writers that did not finish, once they are ``abandonedAfter`` old.
    private static func removeAbandonedTemporaries(of file: String, in folder: String) {
        let prefix = (file as NSString).lastPathComponent + "."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(prefix) && name.count == prefix.count + 6 {
            let path = folder + "/" + name
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  -modified.timeIntervalSinceNow > abandonedAfter else { continue }
            unlink(path)
        }
    }
}

extension CatalogIndex {
    func write(to writer: inout BinaryWriter) {
        writer.write(papers.starts)
        writer.write(papers.bytes)
        writer.write(papers.records)
        writer.write(papers.ids)
        writer.write(vocabulary)
        writer.write(postingStarts)
        writer.write(postingDocs)
        writer.write(postingCounts)
        writer.write(termBounds)
        writer.write(blockBounds)
        writer.write(fieldLengths)
        for length in averageFieldLength { writer.write(length) }
        writer.write(dateKeys)
        for exact in [tags, authors, categories, years] {
            writer.write(exact.keys)
            writer.write(exact.names)
            writer.write(exact.starts)
            writer.write(exact.docs)
            writer.write(exact.words)
            writer.write(exact.wordStarts)
            writer.write(exact.wordKeys)
        }
        writer.write(acronyms.keys)
        writer.write(acronyms.forms)
        writer.write(acronyms.expansionKeys)
        writer.write(acronyms.expansions)
        writer.write(acronyms.counts)
        writer.write(acronyms.byExpansion)
        inferred.write(to: &writer)
    }

    /// Reads the columns in place and checks that they fit together.
    init(reading reader: inout BinaryReader) throws {
        let papers = try PaperStore(starts: reader.readColumn(), bytes: reader.readColumn(), records: reader.readColumn(),
                                    ids: reader.readStringTable())
        let vocabulary = try reader.readStringTable()
        let postingStarts: Column<Int64> = try reader.readColumn()
        let postingDocs: Column<Int32> = try reader.readColumn()
        let postingCounts: Column<UInt16> = try reader.readColumn()
        let termBounds: Column<Float> = try reader.readColumn()
        let blockBounds: Column<Float> = try reader.readColumn()
        let fieldLengths: Column<UInt16> = try reader.readColumn()
        let averageFieldLength = try Field.allCases.map { _ in try reader.readDouble() }
        let dateKeys: Column<Int32> = try reader.readColumn()
        let exact = try (0..<4).map { _ in
            try ExactIndex(keys: reader.readStringTable(), names: reader.readStringTable(), starts: reader.readColumn(), docs: reader.readColumn(),
                           words: reader.readStringTable(), wordStarts: reader.readColumn(), wordKeys: reader.readColumn())
        }
        let acronyms = try AcronymTable(keys: reader.readStringTable(), forms: reader.readStringTable(),
                                        expansionKeys: reader.readStringTable(), expansions: reader.readStringTable(),
                                        counts: reader.readColumn(), byExpansion: reader.readColumn())
        let inferred = try InferredCategories(reading: &reader)
        let documents = papers.count
        // Sizes are checked here, in O(sections); values are checked as they
        // are used (``Column`` bounds-checks), so opening a large snapshot
        // does not read all of it.
        guard postingStarts.count == vocabulary.count + 1, postingStarts.first == 0,
              postingStarts.last.map({ Int($0) == postingDocs.count }) ?? false, postingCounts.count == postingDocs.count,
              termBounds.count == vocabulary.count,
              blockBounds.count == (postingDocs.count + Self.blockSize - 1) / Self.blockSize,
              fieldLengths.count == documents * Field.allCases.count, dateKeys.count == documents,
              exact.allSatisfy(\.isConsistent), acronyms.isConsistent, inferred.fits(documents: documents)
        else { throw BinaryReader.Malformed() }
        self.init(papers: papers, vocabulary: vocabulary, postingStarts: postingStarts, postingDocs: postingDocs,
                  postingCounts: postingCounts, termBounds: termBounds, blockBounds: blockBounds, fieldLengths: fieldLengths, averageFieldLength: averageFieldLength,
                  dateKeys: dateKeys, tags: exact[0], authors: exact[1], categories: exact[2], years: exact[3],
                  acronyms: acronyms, inferred: inferred)
    }
}

extension ExactIndex {
    var isConsistent: Bool {
        keys.count == names.count && starts.count == keys.count + 1 && starts.first == 0
            && starts.last.map({ Int($0) == docs.count }) ?? false
            && wordStarts.count == words.count + 1 && wordStarts.first == 0
            && wordStarts.last.map({ Int($0) == wordKeys.count }) ?? false
    }
}

extension AcronymTable {
    var isConsistent: Bool {
        [forms.count, expansionKeys.count, expansions.count, counts.count, byExpansion.count].allSatisfy { $0 == keys.count }
            && byExpansion.allSatisfy { (0..<Int32(keys.count)).contains($0) }
    }
}
