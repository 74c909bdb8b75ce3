#if os(Linux)
    import Glibc
#endif

/// Gives memory that `free` keeps for reuse back to the system.
///
/// glibc keeps freed small blocks in its heap; the index builder frees
/// every parsed paper once encoded, then grows its own columns in
/// separate large blocks that cannot reuse them, so without this the
/// resident size would hold the papers' memory and the whole index at
/// once. A no-op where glibc's `malloc_trim` is not available.
enum FreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        #if os(Linux)
            // RTLD_DEFAULT: search every loaded object.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: Trim.self)
        #else
            return nil
        #endif
    }()

    /// Returns every freed page of the heap to the system.
    static func release() { _ = trim?(0) }
}
