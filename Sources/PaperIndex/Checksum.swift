/// A fast 64-bit checksum for detecting damage to files `iaifi` wrote
/// itself (a flipped bit, a torn write), not for security.
///
/// Four independent lanes each take every fourth 8-byte word: a lane's step
/// `rotl((state ^ word) × odd, 29)` is a bijection of the state for a fixed
/// word and of the word for a fixed state, so a change confined to one word
/// always changes the result, and any other change does so with
/// probability 1 − 2⁻⁶⁴.
/// - Complexity: O(*n*), several GB/s.
enum Checksum {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let combiner: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    /// The checksum of `bytes`, distinct for each `seed`.
    static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var a = seed ^ 0x243F_6A88_85A3_08D3
        var b = seed ^ 0x1319_8A2E_0370_7344
        var c = seed ^ 0xA409_3822_299F_31D0
        var d = seed ^ 0x082E_FA98_EC4E_6C89
        let count = bytes.count
        var offset = 0
        if let base = bytes.baseAddress {
            while offset + 32 <= count {
                a = step(a, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                b = step(b, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                c = step(c, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                d = step(d, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            while offset + 8 <= count {
                a = step(a, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<count { tail |= UInt64(base.load(fromByteOffset: index, as: UInt8.self)) << (8 * UInt64(index - offset)) }
            b = step(b, tail)
        }
        // Each lane enters through a bijection of it, and the length last.
        var hash = ((a &* combiner &+ b) &* combiner &+ c) &* combiner &+ d
        hash = step(hash, UInt64(count))
        hash ^= hash >> 33
        hash &*= combiner
        return hash ^ hash >> 29
    }

    @inline(__always)
    private static func step(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (state ^ UInt64(littleEndian: word)) &* multiplier
        return mixed << 29 | mixed >> 35
    }
}
