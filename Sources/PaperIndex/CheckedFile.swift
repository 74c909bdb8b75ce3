import PaperCatalog
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes `iaifi` wrote for itself (a snapshot), believed only once checked:
/// the body is covered by one ``Checksum`` per 64 KiB chunk, and a chunk is
/// checked the first time any value in it is used. Opening costs
/// O(file size / 64 KiB); a query checks only the chunks it reads.
///
/// Layout, after the body: zero padding to 8 bytes, the chunk checksums
/// (`UInt64`, little-endian), then a 32-byte footer: the body's size, the
/// checksum of the chunk table, `chunkSize` and the tag `iaifisum`.
///
/// A chunk that fails its check, and any value out of bounds (``Column``),
/// marks the file damaged (``isDamaged``) instead of stopping the program:
/// the reader gets empty or zero values from then on, and whoever runs the
/// query discards its answer and rebuilds.
final class CheckedFile: @unchecked Sendable {
    static let chunkSize = 1 << 16
    private static let chunkShift = 16
    private static let tag: UInt64 = 0x6D75_7366_6961_6169  // "iaifisum", little-endian
    private static let footerSize = 32

    /// The checked bytes.
    let body: UnsafeRawBufferPointer
    private let sums: UnsafeRawBufferPointer
    /// One bit per chunk: checked and found intact.
    private let checked: UnsafeMutablePointer<Atomic<UInt64>>
    private let checkedWords: Int
    private let damage = Atomic<Bool>(false)
    /// Keeps the bytes alive (a mapping or an allocation).
    private let owner: AnyObject

    /// Why a file was not opened.
    struct Rejected: Error {
        var reason: String
    }

    /// Opens `bytes` (kept alive by `owner`), checking the footer and the
    /// chunk table; the body is checked as it is used.
    init(bytes: UnsafeRawBufferPointer, owner: AnyObject) throws(Rejected) {
        let size = bytes.count
        guard size >= Self.footerSize, let base = bytes.baseAddress else { throw Rejected(reason: "too short") }
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        let footer = size - Self.footerSize
        let bodySize = word(footer)
        let tableSum = word(footer + 8)
        guard word(footer + 24) == Self.tag, word(footer + 16) == UInt64(Self.chunkSize), bodySize <= UInt64(footer) else {
            throw Rejected(reason: "no checksum footer")
        }
        let body = Int(bodySize)
        let tableStart = Self.aligned(body)
        let chunks = Self.chunkCount(body)
        guard tableStart + chunks * 8 == footer else { throw Rejected(reason: "checksum table of the wrong size") }
        sums = UnsafeRawBufferPointer(rebasing: bytes[tableStart..<footer])
        guard Checksum.of(sums, seed: bodySize) == tableSum else { throw Rejected(reason: "checksum table damaged") }
        self.body = UnsafeRawBufferPointer(rebasing: bytes[..<body])
        self.owner = owner
        checkedWords = (chunks + 63) / 64
        checked = .allocate(capacity: Swift.max(1, checkedWords))
        for word in 0..<checkedWords { (checked + word).initialize(to: Atomic(0)) }
    }

    deinit {
        checked.deinitialize(count: checkedWords)
        checked.deallocate()
    }

    /// Whether a check failed or a value was out of bounds.
    var isDamaged: Bool { damage.load(ordering: .relaxed) }

    /// Records damage found by a reader of the values.
    func markDamaged() { damage.store(true, ordering: .relaxed) }

    /// Lets the system take back the pages of `region` (inside ``body``)
    /// read so far, when the file is mapped: they are read from the file
    /// again if used, and stay checked. From then on the region is mapped
    /// in small pages (a 2 MiB huge page per record read would soon map it
    /// all again). A pass over a large snapshot then keeps little of it in
    /// memory.
    func releasePages(of region: UnsafeRawBufferPointer) { (owner as? Mapping)?.releasePages(of: region) }

    /// Whether the `count` bytes at `start` (inside ``body``) are intact,
    /// checking the chunks that hold them unless checked before. A failure
    /// marks the file damaged.
    /// - Complexity: O(1) per chunk checked before,
    /// O(chunk size) for the first use of a chunk.
    @inline(__always)
    func check(_ start: UnsafeRawPointer, count: Int) -> Bool {
        guard count > 0, let base = body.baseAddress else { return true }
        let offset = start - base
        var chunk = offset >> Self.chunkShift
        let last = (offset + count - 1) >> Self.chunkShift
        while chunk <= last {
            if checked[chunk >> 6].load(ordering: .relaxed) & (1 << UInt64(chunk & 63)) == 0, !check(chunk: chunk) { return false }
            chunk += 1
        }
        return true
    }

    private func check(chunk: Int) -> Bool {
        let start = chunk << Self.chunkShift
        let bytes = UnsafeRawBufferPointer(rebasing: body[start..<Swift.min(body.count, start + Self.chunkSize)])
        let expected = UInt64(littleEndian: sums.loadUnaligned(fromByteOffset: chunk * 8, as: UInt64.self))
        guard Checksum.of(bytes, seed: UInt64(chunk)) == expected else {
            markDamaged()
            return false
        }
        checked[chunk >> 6].bitwiseOr(1 << UInt64(chunk & 63), ordering: .relaxed)
        return true
    }

    /// The checksum of each chunk of `body`.
    static func chunkSums(of body: UnsafeRawBufferPointer) -> [UInt64] {
        (0..<chunkCount(body.count)).map { chunk in
            let start = chunk * chunkSize
            return Checksum.of(UnsafeRawBufferPointer(rebasing: body[start..<Swift.min(body.count, start + chunkSize)]), seed: UInt64(chunk))
        }
    }

    /// The checksum of each chunk of the first `size` bytes of the open file
    /// `descriptor`, read one chunk at a time (not mapped, so that sealing a
    /// large snapshot adds nothing to the process's memory); `nil` when
    /// reading fails.
    static func chunkSums(of descriptor: Int32, size: Int) -> [UInt64]? {
        var sums: [UInt64] = []
        let read = SystemCalls.readChunks(descriptor, size: size, chunk: chunkSize) { sums.append(Checksum.of($0, seed: UInt64(sums.count))) }
        return read ? sums : nil
    }

    /// What follows a body of `bodySize` bytes with chunk checksums `sums`:
    /// padding, the checksums, the footer.
    static func trailer(sums: [UInt64], bodySize: Int) -> [UInt8] {
        var trailer = [UInt8](repeating: 0, count: aligned(bodySize) - bodySize)
        let littleEndian = sums.map(\.littleEndian)
        let tableSum = littleEndian.withUnsafeBytes { Checksum.of($0, seed: UInt64(bodySize)) }
        for word in littleEndian + [UInt64(bodySize), tableSum, UInt64(chunkSize), tag].map(\.littleEndian) {
            withUnsafeBytes(of: word) { trailer.append(contentsOf: $0) }
        }
        return trailer
    }

    private static func aligned(_ size: Int) -> Int { (size + 7) & ~7 }
    private static func chunkCount(_ size: Int) -> Int { (size + chunkSize - 1) / chunkSize }
}

/// A file mapped read-only into memory, unmapped when the last user goes.
final class Mapping: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    /// Maps the open file `descriptor` of `size` bytes.
    init?(descriptor: Int32, size: Int) {
        guard size > 0, let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
        // Small pages: a query reads a few scattered values, and the system
        // would otherwise map a whole 2 MiB block of the file around each
        // (and count it as the process's memory).
        _ = madvise(base, size, MADV_NOHUGEPAGE)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }

    /// Lets the system take back the pages of `region` (inside ``bytes``)
    /// read so far: they are read from the file again if used. From then on
    /// the region is mapped in small pages.
    func releasePages(of region: UnsafeRawBufferPointer) {
        guard let base = region.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        // Whole pages inside the region only.
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + region.count) / page * page
        guard end > start, let pages = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pages, end - start, MADV_NOHUGEPAGE)
        _ = madvise(pages, end - start, MADV_DONTNEED)
    }
}
