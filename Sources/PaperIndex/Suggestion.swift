/// "Did you mean ...?" by edit distance.
package enum Suggestion {
    /// The candidate closest to `word` (case-insensitive Levenshtein distance),
    /// if it is close enough to be a plausible misspelling: within a third
    /// of the word's length (at least 2).
    ///
    /// - Complexity: O(*n* × *m*) per candidate whose length is within the
    ///   allowed distance of the word's; others cost O(*m*), so a huge
    ///   argument costs little.
    package static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        var allowed = max(2, target.count / 3)
        for candidate in candidates where abs(candidate.count - target.count) <= allowed {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= allowed, distance < (best?.1 ?? .max) {
                best = (candidate, distance)
                allowed = distance
            }
        }
        return best?.0
    }

    /// Levenshtein distance.
    /// - Complexity: O(*n* × *m*).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
