import Dispatch
import Foundation

/// Work split across the cores in contiguous chunks, each result stored at
/// its input's position: the same answer as a loop, whatever the scheduling.
package enum Parallel {
    /// The cores work is split across: the processors this process may use.
    package static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

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

    /// `body(i, transform(i))` for every `i` in `0..<count`, in order: the
    /// transforms computed on the cores a block of `block` at a time: the
    /// results of one block are held at once, not of all.
    /// - Complexity: O(`count` calls of `transform` over the cores, and of `body`).
    package static func forEach<T>(
        _ count: Int, block: Int = 65_536, chunk: Int = 1024, computing transform: @Sendable (Int) -> T, then body: (Int, T) -> Void
    ) {
        for start in stride(from: 0, to: count, by: block) {
            let results = map(min(block, count - start), chunk: chunk) { transform(start + $0) }
            for (offset, result) in results.enumerated() { body(start + offset, result) }
        }
    }

    /// The `i` in `0..<count` for which `isIncluded(i)`, ascending, tested
    /// on the cores a block at a time.
    /// - Complexity: O(`count` calls of `isIncluded`) over the cores.
    package static func filter(_ count: Int, _ isIncluded: @Sendable (Int) -> Bool) -> [Int] {
        var kept: [Int] = []
        forEach(count, computing: isIncluded, then: { index, included in if included { kept.append(index) } })
        return kept
    }
}
