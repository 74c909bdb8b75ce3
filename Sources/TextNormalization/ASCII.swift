/// ASCII byte classes, and one scalar decoded, for the code that reads text
/// as UTF-8 bytes.
extension UInt8 {
    package var isASCIILetter: Bool { self &- UInt8(ascii: "a") < 26 || isASCIICapital }
    package var isASCIICapital: Bool { self &- UInt8(ascii: "A") < 26 }
    package var isASCIIDigit: Bool { self &- UInt8(ascii: "0") < 10 }
    package var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
    /// The byte, lower-cased if it is an ASCII capital.
    package var asciiLowercased: UInt8 { isASCIICapital ? self | 0x20 : self }
}

extension Unicode.Scalar {
    /// The scalar whose UTF-8 encoding starts at `index` of valid UTF-8
    /// (U+FFFD should it be no scalar), and its length in bytes.
    package static func decoded(from utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(utf8[index])
        guard lead >= 0x80 else { return (Unicode.Scalar(UInt8(lead)), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
