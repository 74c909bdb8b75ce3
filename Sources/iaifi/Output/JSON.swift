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

    var text: String {
        var output = ""
        write(to: &output)
        return output
    }

    func write(to output: inout String) {
        switch self {
        case .string(let value): Self.writeString(value, to: &output)
        case .int(let value): output += String(value)
        case .double(let value):
            output += value.isFinite ? String((value * 10_000).rounded() / 10_000) : "null"
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        if !value.utf8.contains(where: needsEscape) {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.isActedOnByTerminals:
                // Beyond U+FFFF (tag characters), as a UTF-16 surrogate pair.
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// Bytes that may start something to escape: ASCII controls, `"`, `\`,
    /// DEL, and any non-ASCII byte (C1 controls, separators and format
    /// characters are all beyond ASCII).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte >= 0x7F
    }
}
