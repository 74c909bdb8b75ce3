import Dispatch

/// Work split across the cores in contiguous chunks, each result stored at
/// its input's position: the same answer as a loop, whatever the scheduling.
package enum Parallel {
    /// `transform(i)` for every `i` in `0..<count`, in order.
    /// - Complexity: O(`count` calls of `transform`) over the cores.
    package static func map<T>(_ count: Int, chunk: Int = 1024, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > chunk else { return (0..<count).map(transform) }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { part in
                for index in (part * chunk)..<min(count, (part + 1) * chunk) {
                    (buffer.baseAddress! + index).initialize(to: transform(index))
                }
            }
            initialized = count
        }
    }
}
