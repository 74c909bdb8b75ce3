import PaperCatalog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An unnamed temporary file that holds bytes an index builds instead of
/// memory (``BinaryWriter/init(spillingIn:)``): made in a folder and
/// unlinked at once, so the system reclaims it when the last user lets go,
/// even if the program is killed.
final class SpillFile: @unchecked Sendable {
    private let descriptor: Int32
    /// Bytes written so far.
    private(set) var size = 0

    /// A new file in `folder` (the user's own cache folder), or `nil` when
    /// none can be made there.
    convenience init?(in folder: String) {
        var template = Array((folder + "/.iaifi-records.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.init(descriptor: descriptor)
    }

    /// Spills to `descriptor`, an open file this one now owns and closes.
    init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Appends `bytes`; `false` when the file could not take them all (the
    /// disk is full): what was written before stays readable.
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard SystemCalls.writeAll(descriptor, bytes) == 0 else { return false }
        size += bytes.count
        return true
    }

    /// Calls `body` with the bytes written, front to back, one chunk of
    /// at most `chunk` bytes at a time; `false` when they cannot be read.
    func read(chunk: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        SystemCalls.readChunks(descriptor, size: size, chunk: chunk, body)
    }

    /// The bytes written, mapped read-only: the system keeps in memory only
    /// the pages in use (``Mapping/releasePages(of:)``).
    func map() -> Mapping? { Mapping(descriptor: descriptor, size: size) }
}
