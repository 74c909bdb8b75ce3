import Foundation
import PaperCatalog

/// A saved index, so that a later run over unchanged files skips parsing
/// and indexing.
///
/// A snapshot is keyed by the input paths and stamped with a fingerprint of
/// every input file (path, size, inode, modification and status-change
/// times to the nanosecond) and of the `iaifi` binary itself; a difference,
/// or a new file in a folder, and it is rebuilt, so a stale answer is never
/// given. Its bytes are untrusted input: they are believed only once
/// checked against checksums (``CheckedFile``), every offset and count is
/// bounds-checked, and a damaged snapshot is removed and rebuilt.
///
/// The cache folder and its files are the user's alone (0700, 0600); no
/// link in it is followed, and a file there that is not a regular file
/// owned by the user is removed rather than read.
public enum IndexSnapshot {
    static let magic = "iaifi-index-v15"

    /// What ``load(paths:folder:)`` found and did.
    public struct Loaded: Sendable {
        /// The catalog's index.
        public var index: CatalogIndex
        /// The number of problems reading that lost input
        /// (``Diagnostic/lostInput``): entries or lines skipped, files unread.
        public var problems: Int
        /// The first few of those problems (`file:line: severity: message`),
        /// saved with the snapshot so a later run can still show them.
        public var firstProblems: [String]
        /// The warnings and errors reading produced, when the files were
        /// read this time (a snapshot keeps only the ones that lost input).
        public var diagnostics: [Diagnostic]
        /// One line each about the cache: a damaged snapshot replaced, a
        /// folder that cannot be used. The answer is right either way.
        public var notices: [String]
        /// The snapshot this index was read from or saved to, if any.
        public var file: String?
    }

    /// The index for `paths`, from the snapshot in `folder` when it is
    /// fresh and intact, otherwise parsed, indexed and saved there.
    /// - Complexity: from a fresh snapshot, O(input files + snapshot size / 64 KiB + acronyms),
    ///   its other values checked as queries read them; otherwise that of
    ///   ``PaperCatalog/Catalog/load(paths:maxFileBytes:)`` and ``CatalogIndex/init(papers:)``,
    ///   plus O(snapshot size) to save it.
    public static func load(paths: [String], folder: String?) -> Loaded {
        let fingerprint = Catalog.fingerprint(of: paths).map { $0 + "\n" + executableFingerprint() }
        var notices: [String] = []
        var file: String?
        if let folder, fingerprint != nil {
            switch usableFolder(folder) {
            case .success:
                file = folder + "/" + key(for: paths) + ".index"
            case .failure(let reason):
                notices.append("iaifi: not using the cache folder \(folder): \(reason.message); each run reads the catalog again")
            }
        }
        if let file, let fingerprint {
            switch read(file, fingerprint: fingerprint) {
            case .fresh(let index, let problems, let first):
                return Loaded(index: index, problems: problems, firstProblems: first, diagnostics: [], notices: notices, file: file)
            case .absentOrStale:
                break
            case .damaged(let reason):
                notices.append("iaifi: the saved index \(file) was damaged (\(reason)); read the catalog again")
                unlink(file)
            }
        }
        // The catalog goes as soon as its papers are out, so that indexing
        // can release each paper once stored.
        let (papers, diagnostics) = { () -> ([Paper], [Diagnostic]) in
            let catalog = Catalog.load(paths: paths)
            return (catalog.papers, catalog.diagnostics)
        }()
        let index = CatalogIndex(papers: consume papers, recordsIn: file != nil ? folder : nil)
        let lost = diagnostics.filter(\.lostInput)
        let (problems, first) = (lost.count, lost.prefix(Self.problemsShown).map(\.description))
        // A file that changed while it was read would give a snapshot that
        // matches neither its old nor its new content: not saved.
        let unchanged = Catalog.fingerprint(of: paths).map { $0 + "\n" + executableFingerprint() } == fingerprint
        if let folder, let file, let fingerprint, unchanged, !diagnostics.contains(where: { $0.severity == .error }) {
            if let failure = write(index, problems: problems, first: first, fingerprint: fingerprint, to: file, in: folder) {
                notices.append("iaifi: cannot save the index in \(folder): \(failure); each run reads the catalog again")
            }
        }
        return Loaded(index: index, problems: problems, firstProblems: first, diagnostics: diagnostics, notices: notices, file: file)
    }

    /// How many of the problems that lost input a load keeps to show.
    public static let problemsShown = 3

    /// Removes a snapshot found damaged while it was used
    /// (``CatalogIndex/isDamaged``), so that the next load rebuilds it.
    public static func discard(_ file: String) {
        unlink(file)
    }

    private static func key(for paths: [String]) -> String {
        let absolute = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }.joined(separator: "\0")
        return String(fnv1a(absolute.utf8), radix: 16)
    }

    private static func executableFingerprint() -> String {
        guard let path = SystemCalls.executablePath() else { return "unknown executable" }
        return Catalog.fingerprint(of: [path]) ?? path
    }

    private struct Unusable: Error {
        var message: String
    }

    /// Creates `folder` (0700) if needed; refuses a folder that is a link,
    /// not a folder, or someone else's, and makes the user's own private.
    private static func usableFolder(_ folder: String) -> Result<Void, Unusable> {
        var info = stat()
        if lstat(folder, &info) != 0 {
            guard errno == ENOENT else { return .failure(Unusable(message: String(cString: strerror(errno)))) }
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                return .failure(Unusable(message: "it cannot be created"))
            }
            guard lstat(folder, &info) == 0 else { return .failure(Unusable(message: String(cString: strerror(errno)))) }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { return .failure(Unusable(message: "not a folder (a link or a file)")) }
        guard info.st_uid == geteuid() else { return .failure(Unusable(message: "it belongs to another user")) }
        if info.st_mode & 0o077 != 0, chmod(folder, 0o700) != 0 {
            return .failure(Unusable(message: "it is open to other users and cannot be made private"))
        }
        return .success(())
    }

    enum Reading {
        case fresh(CatalogIndex, problems: Int, first: [String])
        case absentOrStale
        case damaged(String)
    }

    /// Maps `file` and checks it; the index's columns point into the mapping.
    private static func read(_ file: String, fingerprint: String) -> Reading {
        let descriptor = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return errno == ENOENT ? .absentOrStale : .damaged("cannot be opened: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else {
            return .damaged("not a regular file of this user")
        }
        guard let mapping = Mapping(descriptor: descriptor, size: Int(info.st_size)) else { return .damaged("empty or cannot be mapped") }
        return read(mapping.bytes, owner: mapping, fingerprint: fingerprint)
    }

    /// Checks and opens the snapshot `bytes`, kept alive by `owner`.
    static func read(_ bytes: UnsafeRawBufferPointer, owner: AnyObject, fingerprint: String) -> Reading {
        // A snapshot of another version is replaced without a word.
        guard bytes.starts(with: [UInt8(magic.utf8.count * 2)] + Array(magic.utf8)) else { return .absentOrStale }
        do {
            let checked = try CheckedFile(bytes: bytes, owner: owner)
            var reader = BinaryReader(checked)
            guard try reader.readString() == magic else { return .damaged("wrong header") }
            guard try reader.readString() == fingerprint else { return .absentOrStale }
            let problems = try reader.readInt()
            let first = try reader.readStrings()
            let index = try CatalogIndex(reading: &reader)
            guard reader.isAtEnd, !checked.isDamaged else { return .damaged("inconsistent content") }
            return .fresh(index, problems: problems, first: first)
        } catch let rejected as CheckedFile.Rejected {
            return .damaged(rejected.reason)
        } catch {
            return .damaged("content fails its checks")
        }
    }

    /// The bytes of a snapshot of `index`: what a file holds.
    static func bytes(of index: CatalogIndex, problems: Int = 0, fingerprint: String) -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(magic)
        writer.write(fingerprint)
        writer.write(problems)
        writer.write([String]())
        index.write(to: &writer)
        return sealed(Array(writer.column()))
    }

    /// `body` with fresh checksums: a snapshot whose checks pass whatever
    /// its content, to test the checks that come after them.
    static func sealed(_ body: [UInt8]) -> [UInt8] {
        body + CheckedFile.trailer(sums: body.withUnsafeBytes(CheckedFile.chunkSums(of:)), bodySize: body.count)
    }

    /// Writes the snapshot to a temporary file (`mkstemp`: a new file of
    /// mode 0600 under a random name), seals it with checksums, then
    /// renames it into place, so a reader never sees half a snapshot.
    /// Returns why it could not, if it could not.
    private static func write(_ index: CatalogIndex, problems: Int, first: [String], fingerprint: String, to file: String, in folder: String) -> String? {
        removeAbandonedTemporaries(of: file, in: folder)
        var template = Array((file + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var writer = BinaryWriter(descriptor: descriptor)
        writer.write(magic)
        writer.write(fingerprint)
        writer.write(problems)
        writer.write(first)
        index.write(to: &writer)
        writer.flush()
        var failure = writer.failure
        if failure == nil {
            if let sums = CheckedFile.chunkSums(of: descriptor, size: writer.offset) {
                writer.write(bytes: CheckedFile.trailer(sums: sums, bodySize: writer.offset))
                writer.flush()
                failure = writer.failure
            } else {
                failure = String(cString: strerror(errno))
            }
        }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, file) != 0 { failure = String(cString: strerror(errno)) }
        if failure != nil { unlink(temporary) }
        return failure
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
                -modified.timeIntervalSinceNow > abandonedAfter
            else { continue }
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
        for facet in Facet.allCases {
            let exact = self.exact[facet]
            writer.write(exact.keys)
            writer.write(exact.names)
            writer.write(exact.starts)
            writer.write(exact.docs)
            writer.write(exact.words)
            writer.write(exact.wordStarts)
            writer.write(exact.wordKeys)
            writer.write(exact.otherSpellingPositions)
            writer.write(exact.otherSpellingIndices)
            writer.write(exact.otherSpellings)
        }
        writer.write(acronyms.keys)
        writer.write(acronyms.forms)
        writer.write(acronyms.expansionKeys)
        writer.write(acronyms.expansions)
        writer.write(acronyms.counts)
        writer.write(acronyms.byExpansion)
        inferred.write(to: &writer)
        writer.write(identities.identityOfKey)
        writer.write(identities.memberStarts)
        writer.write(identities.members)
        writer.write(incompleteAuthors)
    }

    /// Reads the columns in place and checks that they fit together.
    init(reading reader: inout BinaryReader) throws {
        let papers = try PaperStore(
            starts: reader.readColumn(), bytes: reader.readColumn(), records: reader.readColumn(),
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
        let exact = try PerFacet { _ in
            try ExactIndex(
                keys: reader.readStringTable(), names: reader.readStringTable(), starts: reader.readColumn(), docs: reader.readColumn(),
                words: reader.readStringTable(), wordStarts: reader.readColumn(), wordKeys: reader.readColumn(),
                otherSpellingPositions: reader.readColumn(), otherSpellingIndices: reader.readColumn(),
                otherSpellings: reader.readStringTable())
        }
        let acronyms = try AcronymTable(
            keys: reader.readStringTable(), forms: reader.readStringTable(),
            expansionKeys: reader.readStringTable(), expansions: reader.readStringTable(),
            counts: reader.readColumn(), byExpansion: reader.readColumn())
        let inferred = try InferredCategories(reading: &reader)
        let identities = try AuthorIdentities(identityOfKey: reader.readColumn(), memberStarts: reader.readColumn(), members: reader.readColumn())
        let incompleteAuthors: Column<Int32> = try reader.readColumn()
        let documents = papers.count
        // Sizes are checked here, in O(sections); values are checked as they
        // are used (``Column`` bounds-checks), so opening a large snapshot
        // does not read all of it.
        guard postingStarts.count == vocabulary.count + 1, postingStarts.first == 0,
            postingStarts.last.map({ Int($0) == postingDocs.count }) ?? false, postingCounts.count == postingDocs.count,
            termBounds.count == vocabulary.count,
            blockBounds.count == (postingDocs.count + Self.blockSize - 1) / Self.blockSize,
            fieldLengths.count == documents * Field.allCases.count, dateKeys.count == documents,
            averageFieldLength.allSatisfy({ $0.isFinite && $0 >= 0 }),
            Facet.allCases.allSatisfy { exact[$0].isConsistent }, acronyms.isConsistent, inferred.fits(documents: documents),
            identities.isConsistent, identities.identityOfKey.count == exact[.authors].keys.count,
            incompleteAuthors.count <= documents
        else { throw BinaryReader.Malformed() }
        self.init(
            papers: papers, vocabulary: vocabulary, postingStarts: postingStarts, postingDocs: postingDocs,
            postingCounts: postingCounts, termBounds: termBounds, blockBounds: blockBounds, fieldLengths: fieldLengths, averageFieldLength: averageFieldLength,
            dateKeys: dateKeys, exact: exact,
            acronyms: acronyms, inferred: inferred, identities: identities, incompleteAuthors: incompleteAuthors)
    }
}

extension ExactIndex {
    var isConsistent: Bool {
        keys.count == names.count && starts.count == keys.count + 1 && starts.first == 0
            && starts.last.map({ Int($0) == docs.count }) ?? false
            && wordStarts.count == words.count + 1 && wordStarts.first == 0
            && wordStarts.last.map({ Int($0) == wordKeys.count }) ?? false
            && otherSpellingPositions.count == otherSpellingIndices.count && otherSpellingPositions.count <= docs.count
    }
}

extension AcronymTable {
    var isConsistent: Bool {
        [forms.count, expansionKeys.count, expansions.count, counts.count, byExpansion.count].allSatisfy { $0 == keys.count }
            && byExpansion.allSatisfy { (0..<Int32(keys.count)).contains($0) }
    }
}
