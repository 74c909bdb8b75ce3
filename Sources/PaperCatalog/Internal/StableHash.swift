/// FNV-1a, 64 bits: a fast hash that is the same in every run (unlike
/// `Hasher`), for the catalog's and the index's own tables.
@inlinable package func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
}
