extension String {
    /// The columns the text takes on a terminal: a grapheme cluster is as
    /// wide as its first visible character (East Asian wide or fullwidth,
    /// and emoji shown as emoji: 2; combining marks and zero-width
    /// characters: 0; anything else: 1), 2 with the emoji variation
    /// selector U+FE0F. Meant for text made safe for a terminal
    /// (``safeForTerminal``): controls count as 0.
    var displayWidth: Int {
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        return reduce(0) { $0 + $1.displayWidth }
    }

    /// The longest prefix at most `width` columns wide.
    func prefix(columns width: Int) -> Substring {
        var used = 0
        var end = startIndex
        for character in self {
            used += character.displayWidth
            if used > width { break }
            end = index(after: end)
        }
        return self[..<end]
    }
}

extension Character {
    /// Columns on a terminal (``Swift/String/displayWidth``).
    var displayWidth: Int {
        var width = 0
        for scalar in unicodeScalars {
            if scalar == "\u{FE0F}", width == 1 { return 2 }
            if width == 0 { width = scalar.displayWidth }
        }
        return width
    }
}

extension Unicode.Scalar {
    /// Columns on a terminal: 0, 1 or 2.
    var displayWidth: Int {
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        // Hangul medial vowels and final consonants join the syllable before.
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
        if properties.isEmojiPresentation { return 2 }
        return Self.wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks (Unicode's
    /// EastAsianWidth.txt, by block); emoji are told by their presentation.
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK, CJK compatibility
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,  // Tangut, Khitan, Kana supplements, Nüshu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK extensions B and beyond
    ]
}
