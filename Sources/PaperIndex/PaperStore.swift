import PaperCatalog

/// The indexed papers, stored encoded and decoded one at a time on access:
/// a search that returns ten papers decodes ten.
public struct PaperStore: RandomAccessCollection, Sendable {
    /// `bytes[starts[r]..<starts[r + 1]]` encode record `r`; records are in
    /// the order papers were stored, `records[i]` is paper `i`'s.
    let starts: Column<Int64>
    let bytes: Column<UInt8>
    let records: Column<Int32>
    /// Every paper's id, in document order: id lookups without decoding.
    let ids: StringTable

    /// Encodes papers one at a time, numbered in any order.
    struct Builder {
        private var writer = BinaryWriter()
        private var starts: [Int64] = [0]
        private var records: [Int32]
        private var ids: [String]

        /// A builder for papers numbered `0..<documents`.
        init(documents: Int) {
            records = Array(repeating: -1, count: documents)
            ids = Array(repeating: "", count: documents)
        }

        /// Stores `paper` as paper `doc`, each number once.
        mutating func add(_ paper: Paper, as doc: Int32) {
            records[Int(doc)] = Int32(starts.count - 1)
            paper.write(to: &writer)
            starts.append(Int64(writer.offset))
            ids[Int(doc)] = paper.id
        }

        func finish() -> PaperStore {
            PaperStore(consistent: Column(starts), bytes: writer.column(), records: Column(records), ids: .build(ids))
        }
    }

    init(starts: Column<Int64>, bytes: Column<UInt8>, records: Column<Int32>, ids: StringTable) throws {
        guard starts.first == 0, starts.last.map({ Int($0) == bytes.count }) ?? false,
              records.count == starts.count - 1, ids.count == records.count
        else {
            throw BinaryReader.Malformed()
        }
        self.init(consistent: starts, bytes: bytes, records: records, ids: ids)
    }

    private init(consistent starts: Column<Int64>, bytes: Column<UInt8>, records: Column<Int32>, ids: StringTable) {
        self.starts = starts
        self.bytes = bytes
        self.records = records
        self.ids = ids
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    /// Decodes paper `position`.
    ///
    /// - Complexity: O(size of the record).
    public subscript(position: Int) -> Paper {
        var reader = BinaryReader(record(position))
        do {
            return try Paper(reading: &reader)
        } catch {
            bytes.reportOutOfBounds("undecodable paper record")
            return Paper(id: id(at: position))
        }
    }

    /// The text of one searchable field of paper `position` (the title, each
    /// tag, each author, the abstract), decoding nothing else.
    func parts(of position: Int, field: Field) -> [String] {
        var reader = BinaryReader(record(position))
        // Mirrors the order of `Paper.write(to:)`.
        let parts = try? {
            try reader.skipString()
            let title = try reader.readOptionalString()
            if field == .title { return title.map { [$0] } ?? [] }
            let authors = try reader.readStrings()
            if field == .authors { return authors }
            _ = try reader.readBool()
            _ = try reader.readOptionalInt()
            _ = try reader.readOptionalString()
            _ = try reader.readOptionalInt()
            _ = try reader.readBool()
            _ = try reader.readOptionalString()
            let abstract = try reader.readOptionalString()
            if field == .abstract { return abstract.map { [$0] } ?? [] }
            return try reader.readStrings()
        }()
        guard let parts else {
            bytes.reportOutOfBounds("undecodable paper record")
            return []
        }
        return parts
    }

    /// The encoded bytes of paper `position`.
    private func record(_ position: Int) -> UnsafeRawBufferPointer {
        return UnsafeRawBufferPointer(bytes.slice(starts.span(at: Int(records[position]))))
    }

    /// Lets the system take back the memory of the records read so far
    /// when they are mapped from a snapshot (they are read again if used):
    /// for a pass over many papers.
    func releasePages() { bytes.releasePages() }

    /// The id of paper `position`, without decoding the paper.
    public func id(at position: Int) -> String { ids[position] }
}

extension Paper {
    func write(to writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(title)
        writer.write(authors)
        writer.write(authorsComplete)
        writer.write(authorCount)
        writer.write(organization)
        writer.write(date?.yyyymmdd)
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
        date = try reader.readOptionalInt().flatMap(PaperDate.init(yyyymmdd:))
        dateYearInferred = try reader.readBool()
        category = try reader.readOptionalString()
        abstract = try reader.readOptionalString()
        keywords = try reader.readStrings()
        keywordLine = try reader.readOptionalString()
        arxivId = try reader.readOptionalString()
        comments = try reader.readOptionalString()
        upvotes = try reader.readOptionalInt()
        sources = try (0..<(try reader.readCount())).map { _ in
            guard let format = DumpFormat(rawValue: try reader.readString()) else { throw BinaryReader.Malformed() }
            return Source(format: format, file: try reader.readString(), line: try reader.readInt())
        }
    }
}

extension PaperDate {
    /// The date as one sortable number, `20240131`: how snapshots store
    /// dates and how the index sorts them.
    var yyyymmdd: Int { year * 10_000 + month * 100 + day }

    init?(yyyymmdd value: Int) {
        self.init(year: value / 10_000, month: value / 100 % 100, day: value % 100)
    }
}
