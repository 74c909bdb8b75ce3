import PaperCatalog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Interns byte strings: each distinct one gets the next id, from 0. Open
/// addressing over one arena of bytes, so interning a known term allocates
/// nothing: what lets the index builder go through every word of a catalog.
struct TermTable {
    /// `bytes[offsets[id]..<offsets[id + 1]]` spell term `id`.
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [Int] = [0]
    /// Term id + 1 per slot, 0 for empty; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var hashes: [UInt64] = []

    var count: Int { offsets.count - 1 }

    /// The id of `term`, adding it if new.
    /// - Complexity: O(length) expected.
    mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            if hashes[id] == hash, equals(id, term) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = count
        bytes.append(contentsOf: term)
        offsets.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(id + 1)
        if count * 2 > slots.count { grow() }
        return Int32(id)
    }

    /// The id here of every term of `other`, by its id there; its terms
    /// new here get the next ids in `other`'s order.
    /// - Complexity: O(total length of `other`'s terms) expected.
    mutating func intern(contentsOf other: TermTable) -> [Int32] {
        (0..<other.count).map { id in other.term(id).withUnsafeBufferPointer { intern($0) } }
    }

    /// The bytes of term `id`.
    func term(_ id: Int) -> ArraySlice<UInt8> { bytes[offsets[id]..<offsets[id + 1]] }

    /// Term ids in the order of their bytes (``StringTable``'s order).
    func idsSortedByBytes() -> [Int32] {
        bytes.withUnsafeBufferPointer { arena in
            (0..<Int32(count)).sorted { a, b in
                let x = offsets[Int(a)]
                let y = offsets[Int(b)]
                let lengthA = offsets[Int(a) + 1] - x
                let lengthB = offsets[Int(b) + 1] - y
                let shared = min(lengthA, lengthB)
                let order = shared == 0 ? 0 : memcmp(arena.baseAddress! + x, arena.baseAddress! + y, shared)
                return order != 0 ? order < 0 : lengthA < lengthB
            }
        }
    }

    /// The terms in `order`, as a table.
    func table(_ order: [Int32]) -> StringTable {
        var sortedOffsets: [Int64] = [0]
        sortedOffsets.reserveCapacity(order.count + 1)
        var sortedBytes: [UInt8] = []
        sortedBytes.reserveCapacity(bytes.count)
        for id in order {
            sortedBytes.append(contentsOf: term(Int(id)))
            sortedOffsets.append(Int64(sortedBytes.count))
        }
        return StringTable(offsets: Column(sortedOffsets), bytes: Column(sortedBytes))
    }

    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[id]
        guard offsets[id + 1] - start == term.count else { return false }
        return term.isEmpty || bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, term.baseAddress!, term.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }

    /// ``fnv1a(_:)``, then mixed so that the low bits (the slot) depend on every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let hash = fnv1a(bytes)
        return (hash ^ hash >> 29) &* 0xbf58_476d_1ce4_e5b9
    }
}
