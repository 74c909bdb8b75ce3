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
    static let magic = "iaifi-index-v2"

    /// The index for `paths`, from the snapshot in `folder` when it is fresh,
    /// otherwise parsed, indexed and saved there. `problems` counts the
    /// warnings and errors reading produced.
    public static func load(paths: [String], folder: String?) -> (index: CatalogIndex, problems: Int, catalog: Catalog?) {
        let fingerprint = Catalog.fingerprint(of: paths).map { $0 + "\n" + executableFingerprint() }
        let file = folder.map { $0 + "/" + key(for: paths) + ".index" }
        if let file, let fingerprint, let saved = read(file, fingerprint: fingerprint) {
            return (saved.index, saved.problems, nil)
        }
        let catalog = Catalog.load(paths: paths)
        let index = CatalogIndex(papers: catalog.papers)
        let problems = catalog.diagnostics.count { $0.severity != .note }
        if let folder, let file, let fingerprint, !catalog.hasErrors {
            write(index, problems: problems, fingerprint: fingerprint, to: file, in: folder)
        }
        return (index, problems, catalog)
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
        // FNV-1a over the absolute paths: stable across runs, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in paths.map({ URL(fileURLWithPath: $0).standardizedFileURL.path }).joined(separator: "\0").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    private static func executableFingerprint() -> String {
        guard let path = CatalogLocation.currentExecutablePath() else { return "unknown executable" }
        return Catalog.fingerprint(of: [path]) ?? path
    }

    private static func read(_ file: String, fingerprint: String) -> (index: CatalogIndex, problems: Int)? {
        guard let bytes = readFile(file) else { return nil }
        var reader = BinaryReader(bytes)
        do {
            guard try reader.readString() == magic, try reader.readString() == fingerprint else { return nil }
            let problems = try reader.readInt()
            let index = try CatalogIndex(reading: &reader)
            return reader.isAtEnd ? (index, problems) : nil
        } catch {
            return nil
        }
    }

    /// The whole file in one read, straight into the array.
    private static func readFile(_ path: String) -> [UInt8]? {
        let readBytes = Glibc.read
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size {
                let count = readBytes(descriptor, buffer.baseAddress! + done, size - done)
                if count <= 0 { complete = false; break }
                done += count
            }
            initialized = done
        }
        return complete ? bytes : nil
    }

    private static func write(_ index: CatalogIndex, problems: Int, fingerprint: String, to file: String, in folder: String) {
        var writer = BinaryWriter()
        writer.write(magic)
        writer.write(fingerprint)
        writer.write(problems)
        index.write(to: &writer)
        let temporary = file + ".\(getpid()).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(writer.bytes).write(to: URL(fileURLWithPath: temporary))
            _ = rename(temporary, file)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}

extension CatalogIndex {
    func write(to writer: inout BinaryWriter) {
        writer.write(papers.count)
        for paper in papers { paper.write(to: &writer) }
        writer.write(termNames)
        for list in postings {
            writer.write(list.docs)
            writer.write(list.counts.map(\.packed))
        }
        writer.write(fieldLengths.map { Int32($0) })
        for length in averageFieldLength { writer.write(length) }
        writer.write(dateKeys)
        for (docs, names) in [(tagDocs, tagNames), (authorDocs, authorNames), (categoryDocs, categoryNames)] {
            writer.write(docs.count)
            for (key, set) in docs.sorted(by: { $0.key < $1.key }) {
                writer.write(key)
                writer.write(names[key] ?? key)
                writer.write(set.docs)
            }
        }
        writer.write(yearDocs.count)
        for (year, set) in yearDocs.sorted(by: { $0.key < $1.key }) {
            writer.write(year)
            writer.write(set.docs)
        }
    }

    init(reading reader: inout BinaryReader) throws {
        let count = try reader.readCount(elementSize: 8)
        papers = try (0..<count).map { _ in try Paper(reading: &reader) }
        termNames = try reader.readStrings()
        termIDs = Dictionary(uniqueKeysWithValues: termNames.enumerated().map { ($1, Int32($0)) })
        postings = try termNames.map { _ in
            let docs = try reader.readInt32s()
            let counts = try reader.readInt32s()
            guard counts.count == docs.count else { throw BinaryReader.Malformed() }
            return Postings(docs: docs, counts: counts.map(FieldCounts.init(packed:)))
        }
        fieldLengths = try reader.readInt32s().map { UInt16(truncatingIfNeeded: $0) }
        averageFieldLength = try Field.allCases.map { _ in try reader.readDouble() }
        dateKeys = try reader.readInt32s()
        var maps: [([String: DocSet], [String: String])] = []
        for _ in 0..<3 {
            var docs: [String: DocSet] = [:], names: [String: String] = [:]
            for _ in 0..<(try reader.readCount(elementSize: 8)) {
                let key = try reader.readString()
                names[key] = try reader.readString()
                docs[key] = DocSet(sorted: try reader.readInt32s())
            }
            maps.append((docs, names))
        }
        (tagDocs, tagNames) = maps[0]
        (authorDocs, authorNames) = maps[1]
        (categoryDocs, categoryNames) = maps[2]
        for _ in 0..<(try reader.readCount(elementSize: 8)) {
            let year = try reader.readInt()
            yearDocs[year] = DocSet(sorted: try reader.readInt32s())
        }
        guard dateKeys.count == count, fieldLengths.count == count * Field.allCases.count else { throw BinaryReader.Malformed() }
    }
}

extension CatalogIndex.FieldCounts {
    /// The four counts in one word, each capped at 255.
    var packed: Int32 {
        let parts = [values.0, values.1, values.2, values.3].map { Int32(min($0, 255)) }
        return parts[0] | parts[1] << 8 | parts[2] << 16 | parts[3] << 24
    }

    init(packed: Int32) {
        let word = UInt32(bitPattern: packed)
        values = (UInt16(word & 0xFF), UInt16(word >> 8 & 0xFF), UInt16(word >> 16 & 0xFF), UInt16(word >> 24))
    }
}

extension Paper {
    func write(to writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(title)
        writer.write(authors)
        writer.write(authorsComplete)
        writer.write(authorCount)
        writer.write(organization)
        writer.write(date.map { $0.year * 10_000 + $0.month * 100 + $0.day })
        writer.write(dateYearInferred)
        writer.write(category)
        writer.write(abstract)
        writer.write(keywords)
        writer.write(keywordLine)
        writer.write(arxivId)
        writer.write(comments)
        writer.write(upvotes)
        writer.write(sources.count)
        for source in sources {
            writer.write(source.format.rawValue)
            writer.write(source.file)
            writer.write(source.line)
        }
    }

    init(reading reader: inout BinaryReader) throws {
        self.init(id: try reader.readString())
        title = try reader.readOptionalString()
        authors = try reader.readStrings()
        authorsComplete = try reader.readBool()
        authorCount = try reader.readOptionalInt()
        organization = try reader.readOptionalString()
        date = try reader.readOptionalInt().flatMap { PaperDate(year: $0 / 10_000, month: $0 / 100 % 100, day: $0 % 100) }
        dateYearInferred = try reader.readBool()
        category = try reader.readOptionalString()
        abstract = try reader.readOptionalString()
        keywords = try reader.readStrings()
        keywordLine = try reader.readOptionalString()
        arxivId = try reader.readOptionalString()
        comments = try reader.readOptionalString()
        upvotes = try reader.readOptionalInt()
        sources = try (0..<(try reader.readCount(elementSize: 8))).map { _ in
            guard let format = DumpFormat(rawValue: try reader.readString()) else { throw BinaryReader.Malformed() }
            return Source(format: format, file: try reader.readString(), line: try reader.readInt())
        }
    }
}
