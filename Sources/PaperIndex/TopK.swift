extension Array {
    /// The first `k` elements in `areInIncreasingOrder` order, sorted,
    /// without sorting the rest: a bounded binary heap.
    /// - Complexity: O(*n* log *k*).
    func smallest(_ k: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard k < count else { return sorted(by: areInIncreasingOrder) }
        guard k > 0 else { return [] }
        // A max-heap (by the order) of the best k seen so far: its root is the worst kept.
        var heap: [Element] = []
        heap.reserveCapacity(k)
        for element in self {
            if heap.count < k {
                heap.append(element)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard areInIncreasingOrder(heap[parent], heap[child]) else { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            } else if areInIncreasingOrder(element, heap[0]) {
                heap[0] = element
                var parent = 0
                while true {
                    let left = 2 * parent + 1
                    let right = left + 1
                    var largest = parent
                    if left < k, areInIncreasingOrder(heap[largest], heap[left]) { largest = left }
                    if right < k, areInIncreasingOrder(heap[largest], heap[right]) { largest = right }
                    if largest == parent { break }
                    heap.swapAt(parent, largest)
                    parent = largest
                }
            }
        }
        return heap.sorted(by: areInIncreasingOrder)
    }

    /// The first `k` elements in order that `accept` keeps, testing few
    /// beyond them: the best are taken in growing batches until `k` pass.
    /// - Complexity: O(*n* log *m*), *m* the last batch's size.
    func smallest(_ k: Int, accepting accept: (Element) -> Bool, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        var batch = k
        while true {
            let best = smallest(batch, by: areInIncreasingOrder)
            let kept = best.filter(accept)
            if kept.count >= k || best.count == count { return Array(kept.prefix(k)) }
            batch *= 4
        }
    }
}
