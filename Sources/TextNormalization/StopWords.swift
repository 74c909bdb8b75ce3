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

    /// ``contains(_:)`` for a word's UTF-8 bytes; lower-case ASCII, such as
    /// a search term, is decided without making a string unless it is short.
    package static func contains(utf8 word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.allSatisfy({ $0 < 0x80 && !$0.isASCIICapital }) else { return contains(String(decoding: word, as: UTF8.self)) }
        return word.count <= longest && words.contains(String(decoding: word, as: UTF8.self))
    }

    /// The length of the longest stop word, in bytes.
    private static let longest = words.map(\.utf8.count).max()!

    private static let words: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
        "from", "how", "what", "which", "who", "we", "our", "its", "can", "do", "does", "using", "via", "about", "than",
    ]
}
