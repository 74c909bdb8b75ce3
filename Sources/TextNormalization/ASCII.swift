/// ASCII byte classes, for the code that reads text as UTF-8 bytes.
extension UInt8 {
    package var isASCIILetter: Bool { self &- UInt8(ascii: "a") < 26 || isASCIICapital }
    package var isASCIICapital: Bool { self &- UInt8(ascii: "A") < 26 }
    package var isASCIIDigit: Bool { self &- UInt8(ascii: "0") < 10 }
    package var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
    /// The byte, lower-cased if it is an ASCII capital.
    package var asciiLowercased: UInt8 { isASCIICapital ? self | 0x20 : self }
}
