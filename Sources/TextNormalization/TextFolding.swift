import Foundation

/// Folds text for comparison: lower case, no diacritics (`Jürgen` -> `jurgen`),
/// and a few letters that do not decompose (`ß` -> `ss`, `ø` -> `o`).
///
/// One definition shared by record ids and the search index, so that the
/// same word always folds the same way.
package enum TextFolding {
    private static let replacements: [Character: String] = [
        "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    /// `text` lower-cased with diacritics removed.
    package static func fold(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var replaced = ""
        for character in text {
            if let replacement = replacements[character] { replaced += replacement } else { replaced.append(character) }
        }
        return replaced.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// The letters and digits of `text`, folded, as UTF-8 bytes: the text
    /// with case, diacritics, spacing and punctuation ignored.
    package static func alphanumerics(_ text: some StringProtocol) -> [UInt8] {
        // ASCII text in contiguous memory: one pass, no per-byte growth checks.
        let ascii = text.utf8.withContiguousStorageIfAvailable { utf8 -> [UInt8]? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return [UInt8](unsafeUninitializedCapacity: utf8.count) { buffer, count in
                for byte in utf8 {
                    guard let folded = foldedAlphanumeric(ascii: byte) else { continue }
                    buffer[count] = folded
                    count += 1
                }
            }
        }
        if let ascii = ascii ?? nil { return ascii }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            appendAlphanumerics(of: scalar, to: &bytes)
        }
        return bytes
    }

    /// Appends the folded letters and digits of one scalar (none for
    /// punctuation and space).
    @inline(__always)
    package static func appendAlphanumerics(of scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            if let folded = foldedAlphanumeric(ascii: UInt8(value)) { bytes.append(folded) }
        } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            for folded in fold(String(scalar)).unicodeScalars
            where folded.properties.isAlphabetic || folded.properties.numericType != nil {
                bytes.append(contentsOf: String(folded).utf8)
            }
        }
    }

    /// An ASCII letter or digit, lower-cased; `nil` for anything else.
    @inline(__always)
    private static func foldedAlphanumeric(ascii byte: UInt8) -> UInt8? {
        if (97...122).contains(byte) || (48...57).contains(byte) { return byte }
        return (65...90).contains(byte) ? byte + 32 : nil
    }
}
