import PaperCatalog

/// The indexed papers, stored encoded and decoded one at a time on access:
/// a search that returns ten papers decodes ten.
package struct PaperStore: RandomAccessCollection, Sendable {
    /// `bytes[starts[r]..<starts[r + 1]]` encode record `r`; records are in
    /// the order papers were stored, `records[i]` is paper `i`'s.
    let starts: Column<Int64>
    let bytes: Column<UInt8>
    let records: Column<Int32>
    /// Every paper's id, in document order: id lookups without decoding.
    let ids: StringTable

    /// Stores encoded papers one at a time, numbered in any order.
    struct Builder {
        private var writer: BinaryWriter
        private var starts: [Int64] = [0]
        private var records: [Int32]
        private var ids: [String]

        /// A builder for papers numbered `0..<documents`, whose records go
        /// to a temporary file in `folder` (mapped once stored), or to memory.
        init(documents: Int, recordsIn folder: String? = nil) {
            writer = folder.map(BinaryWriter.init(spillingIn:)) ?? BinaryWriter()
            records = Array(repeating: -1, count: documents)
            ids = Array(repeating: "", count: documents)
        }

        /// A paper's record (``Paper/write(to:)``), to ``add(_:id:as:)``.
        static func record(of paper: Paper) -> [UInt8] {
            var writer = BinaryWriter()
            paper.write(to: &writer)
            return Array(writer.column())
        }

        /// Stores `record`, the record of the paper whose id is `id`, as paper `doc`, each number once.
        mutating func add(_ record: [UInt8], id: String, as doc: Int32) {
            records[Int(doc)] = Int32(starts.count - 1)
            writer.write(bytes: record)
            starts.append(Int64(writer.offset))
            ids[Int(doc)] = id
        }

        consuming func finish() -> PaperStore {
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

    package var startIndex: Int { 0 }
    package var endIndex: Int { records.count }

    /// Decodes paper `position`.
    ///
    /// - Complexity: O(size of the record).
    package subscript(position: Int) -> Paper {
        var reader = BinaryReader(record(position))
        do {
            return try Paper(reading: &reader)
        } catch {
            bytes.reportOutOfBounds("undecodable paper record")
            return Paper(id: id(at: position))
        }
    }

    /// The text of one searchable field of paper `position` (the title, each
    /// tag, each author, the abstract), decoding only the fields before it.
    func parts(of position: Int, field: Field) -> [String] {
        var reader = BinaryReader(record(position))
        guard let parts = try? Paper.texts(of: field.stored, reading: &reader) else {
            bytes.reportOutOfBounds("undecodable paper record")
            return []
        }
        return parts
    }

    /// The encoded bytes of paper `position`.
    private func record(_ position: Int) -> UnsafeRawBufferPointer {
        return UnsafeRawBufferPointer(bytes.slice(starts.span(at: Int(records[position]), within: bytes.count)))
    }

    /// Lets the system take back the memory of the records read so far
    /// when they are mapped from a snapshot (they are read again if used):
    /// for a pass over many papers.
    func releasePages() { bytes.releasePages() }

    /// Lets the system take back the pages of records `range` (by the
    /// order stored) when they are mapped: for a pass over them in that order.
    func releasePages(ofRecords range: Range<Int>) {
        guard !range.isEmpty else { return }
        bytes.releasePages(of: Int(starts[range.lowerBound])..<Int(starts[range.upperBound]))
    }

    /// The id of paper `position`, without decoding the paper.
    package func id(at position: Int) -> String { ids[position] }
}

/// A record is every ``PaperField`` in order, each as its kind of value.
extension Paper {
    func write(to writer: inout BinaryWriter) {
        for field in PaperField.allCases {
            switch field.value {
            case .text(let path): writer.write(self[keyPath: path])
            case .optionalText(let path): writer.write(self[keyPath: path])
            case .texts(let path): writer.write(self[keyPath: path])
            case .flag(let path): writer.write(self[keyPath: path])
            case .optionalNumber(let path): writer.write(self[keyPath: path])
            case .date(let path): writer.write(self[keyPath: path]?.yyyymmdd)
            case .sources(let path):
                let sources = self[keyPath: path]
                writer.write(sources.count)
                for source in sources {
                    writer.write(source.format.rawValue)
                    writer.write(source.file)
                    writer.write(source.line)
                }
            }
        }
    }

    /// Decodes a record: every ``PaperField`` in order, each as its kind
    /// of value.
    init(reading reader: inout BinaryReader) throws {
        self.init()
        for field in PaperField.allCases {
            switch field.value {
            case .text(let path): self[keyPath: path] = try reader.readString()
            case .optionalText(let path): self[keyPath: path] = try reader.readOptionalString()
            case .texts(let path): self[keyPath: path] = try reader.readStrings()
            case .flag(let path): self[keyPath: path] = try reader.readBool()
            case .optionalNumber(let path): self[keyPath: path] = try reader.readOptionalInt()
            case .date(let path): self[keyPath: path] = try reader.readOptionalInt().flatMap(PaperDate.init(yyyymmdd:))
            case .sources(let path): self[keyPath: path] = try Self.readSources(&reader)
            }
        }
    }

    /// The texts of `wanted` (``Paper/texts(of:)``) from an encoded record,
    /// reading past the fields stored before it.
    static func texts(of wanted: PaperField, reading reader: inout BinaryReader) throws -> [String] {
        for field in PaperField.allCases {
            let isWanted = field == wanted
            switch field.value {
            case .text: if isWanted { return [try reader.readString()] } else { try reader.skipString() }
            case .optionalText: if isWanted { return try reader.readOptionalString().map { [$0] } ?? [] } else { _ = try reader.readOptionalString() }
            case .texts: if isWanted { return try reader.readStrings() } else { _ = try reader.readStrings() }
            case .flag: _ = try reader.readBool()
            case .optionalNumber, .date: _ = try reader.readOptionalInt()
            case .sources: _ = try readSources(&reader)
            }
            if isWanted { return [] }
        }
        return []
    }

    private static func readSources(_ reader: inout BinaryReader) throws -> [Source] {
        try (0..<(try reader.readCount())).map { _ in
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
