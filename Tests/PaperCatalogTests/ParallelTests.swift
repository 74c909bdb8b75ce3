import Testing

@testable import PaperCatalog

/// Work split over the cores must give what a loop gives, in the same order,
/// whatever the blocks and chunks.
@Suite struct ParallelTests {
    @Test func mapKeepsInputOrder() {
        for count in [0, 1, 1023, 1024, 1025, 50_000] {
            #expect(Parallel.map(count, chunk: 100) { $0 * 3 } == (0..<count).map { $0 * 3 })
        }
    }

    @Test func forEachHandsEveryResultOverInOrder() {
        for (count, block) in [(0, 10), (1, 10), (99_999, 1000), (10, 3), (65_537, 65_536)] {
            var seen: [(Int, String)] = []
            Parallel.forEach(count, block: block, chunk: 7, computing: { String($0) }, then: { seen.append(($0, $1)) })
            #expect(seen.map(\.0) == Array(0..<count))
            #expect(seen.map(\.1) == (0..<count).map(String.init))
        }
    }

    @Test func filterKeepsTheIndicesThatPassAscending() {
        #expect(Parallel.filter(200_000) { $0 % 7 == 3 } == Array(stride(from: 3, to: 200_000, by: 7)))
        #expect(Parallel.filter(0) { _ in true }.isEmpty)
        #expect(Parallel.filter(5) { _ in false }.isEmpty)
    }
}
