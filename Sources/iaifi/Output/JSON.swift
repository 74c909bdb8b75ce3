import TextNormalization

/// A JSON value with keys kept in the order given, written compactly and
/// deterministically. Strings escape `"`, `\` and every character a
/// terminal acts on (controls, separators, format characters such as
/// U+202E), as `\uXXXX`: exact, and safe to print anywhere.
enum JSON {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }
    static func optional(_ number: Int?) -> JSON { number.map(JSON.int) ?? .null }
    static func strings(_ values: [String]) -> JSON { .array(values.map(JSON.string)) }

    /// The value as one cell of text (CSV, TSV, `--template`): a string as
    /// it is, `null` as nothing, a whole number as written, any other
    /// number with two decimals, `true` or `false`, a list of strings joined
    /// by `; `, anything else (a list of objects, an object) as its JSON.
    var plainText: String {
        switch self {
        case .string(let value): value
        case .null: ""
        case .int(let value): String(value)
        case .double(let value): String(format2: value)
        case .bool(let value): value ? "true" : "false"
        case .array(let values):
            values.allSatisfy { if case .string = $0 { true } else { false } } ? values.map(\.plainText).joined(separator: "; ") : text
        case .object: text
        }
    }

    /// The value written compactly.
    var text: String {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes the value as UTF-8 bytes: a byte buffer, not a `String`, so
    /// that the many small pieces of a record cost a copy each, not a
    /// string append each.
    func write(to output: inout [UInt8]) {
        switch self {
        case .string(let value): Self.writeString(value, to: &output)
        case .int(let value): output += String(value).utf8
        case .double(let value):
            output += (value.isFinite ? String((value * 10_000).rounded() / 10_000) : "null").utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .null: output += "null".utf8
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Copies the runs of bytes that need no escape whole and decodes a
    /// scalar only where a byte is not ASCII.
    private static func writeString(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            output.append(UInt8(ascii: "\""))
            var runStart = 0
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                guard needsEscape(byte) else {
                    offset += 1
                    continue
                }
                let (scalar, length) = Unicode.Scalar.decoded(from: bytes, at: offset)
                let escape: String? =
                    switch scalar {
                    case "\"": "\\\""
                    case "\\": "\\\\"
                    case "\n": "\\n"
                    case "\r": "\\r"
                    case "\t": "\\t"
                    case _ where scalar.isActedOnByTerminals: unicodeEscape(scalar)
                    default: nil
                    }
                if let escape {
                    output += UnsafeBufferPointer(rebasing: bytes[runStart..<offset])
                    output += escape.utf8
                    runStart = offset + length
                }
                offset += length
            }
            output += UnsafeBufferPointer(rebasing: bytes[runStart...])
            output.append(UInt8(ascii: "\""))
        }
    }

    /// `\uXXXX`; beyond U+FFFF (tag characters), a UTF-16 surrogate pair.
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        var escape = ""
        for unit in String(scalar).utf16 {
            let hex = String(unit, radix: 16)
            escape += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        return escape
    }

    /// Bytes that may start something to escape: ASCII controls, `"`, `\`,
    /// DEL, and any non-ASCII byte (C1 controls, separators and format
    /// characters are all beyond ASCII).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte >= 0x7F
    }
}
