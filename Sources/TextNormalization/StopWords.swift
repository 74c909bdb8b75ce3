/// Common English function words: in a free-text query they neither
/// exclude a paper nor decide its rank, unless the query has nothing else.
/// Lucene's English stop set, plus a few more words of the same kind
/// that queries written as sentences carry (`from`, `how`, `what`, `we`).
package enum StopWords {
    /// Whether `word` (as typed; case and diacritics are ignored) is a common function word.
    package static func contains(_ word: some StringProtocol) -> Bool {
        // ASCII words, and above all search terms (lower case already),
        // are decided without folding: by their length, or as they are.
        var isASCII = true
        var isLowercase = true
        for byte in word.utf8 {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if (65...90).contains(byte) { isLowercase = false }
        }
        if isASCII, word.utf8.count > longest { return false }
        if isASCII, isLowercase { return words.contains(String(word)) }
        return words.contains(TextFolding.fold(word))
    }

    /// The length of the longest stop word, in bytes.
    private static let longest = words.map(\.utf8.count).max()!

    private static let words: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
        "from", "how", "what", "which", "who", "we", "our", "its", "can", "do", "does", "using", "via", "about", "than",
    ]
}
