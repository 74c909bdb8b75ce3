import Foundation

/// Folds text for comparison: lower case, no diacritics (`Jürgen` -> `jurgen`),
/// and a few letters that do not decompose (`ß` -> `ss`, `ø` -> `o`).
///
/// One definition shared by record ids and the search index, so that the
/// same word always folds the same way.
public enum TextFolding {
    private static let replacements: [Character: String] = [
        "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    /// `text` lower-cased with diacritics removed.
    public static func fold(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var replaced = ""
        for character in text {
            if let replacement = replacements[character] { replaced += replacement } else { replaced.append(character) }
        }
        return replaced.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
