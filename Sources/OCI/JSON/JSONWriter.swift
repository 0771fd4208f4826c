/// Serialises `JSON` the way Go's encoding/json does, so that srun's output
/// (`spec`, `state`, `features`) reads byte for byte like runc's.
public enum JSONWriter {
    /// Compact text, one line: state.json, log lines.
    public static func compact(_ value: JSON) -> String {
        var out = JSONBytes()
        out.write(value, indent: nil, level: 0)
        return out.text
    }

    /// Indented text with Go's MarshalIndent layout: a member per line, `indent` per level.
    public static func indented(_ value: JSON, indent: String = "\t") -> String {
        var out = JSONBytes()
        out.write(value, indent: Array(indent.utf8), level: 0)
        return out.text
    }

    /// Appends `s` as a JSON string literal.
    public static func writeString(_ s: String, into out: inout String) {
        var bytes = JSONBytes()
        bytes.writeString(s)
        out += bytes.text
    }

    static func unicodeEscape(_ value: UInt32) -> String {
        var bytes = JSONBytes()
        bytes.unicodeEscape(value)
        return bytes.text
    }
}

/// The text being written, as UTF-8: appending bytes is several times cheaper than appending
/// to a String scalar by scalar, and srun writes a state on every create.
private struct JSONBytes {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1024) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func write(_ value: JSON, indent: [UInt8]?, level: Int) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .number(let text): bytes += text.utf8
        case .string(let s): writeString(s)
        case .array(let items):
            writeContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), count: items.count, indent: indent, level: level) { i, out in
                out.write(items[i], indent: indent, level: level + 1)
            }
        case .object(let members):
            writeContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), count: members.count, indent: indent, level: level) { i, out in
                out.writeString(members[i].key)
                out.append(indent == nil ? ":" : ": ")
                out.write(members[i].value, indent: indent, level: level + 1)
            }
        }
    }

    private mutating func writeContainer(
        open: UInt8, close: UInt8, count: Int, indent: [UInt8]?, level: Int, element: (Int, inout JSONBytes) -> Void
    ) {
        bytes.append(open)
        guard count > 0 else { bytes.append(close); return }
        for i in 0..<count {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(indent, level + 1)
            element(i, &self)
        }
        newline(indent, level)
        bytes.append(close)
    }

    private mutating func newline(_ indent: [UInt8]?, _ level: Int) {
        guard let indent else { return }
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<level { bytes += indent }
    }

    private mutating func append(_ ascii: StaticString) {
        ascii.withUTF8Buffer { bytes += $0 }
    }

    /// Go escapes <, > and & (HTML safety) and the two JavaScript line separators too. Runs
    /// of bytes that need no escape are copied whole.
    mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                let separator = byte == 0xE2 && i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9)
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
                    || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || separator else {
                    i += 1
                    continue
                }
                bytes += UnsafeBufferPointer(rebasing: utf8[start..<i])
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case UInt8(ascii: "\n"): append("\\n")
                case UInt8(ascii: "\r"): append("\\r")
                case UInt8(ascii: "\t"): append("\\t")
                case 0xE2: unicodeEscape(utf8[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                default: unicodeEscape(UInt32(byte))
                }
                i += separator ? 3 : 1
                start = i
            }
            bytes += UnsafeBufferPointer(rebasing: utf8[start..<utf8.count])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `\u` and four lowercase hex digits, as Go writes them.
    mutating func unicodeEscape(_ value: UInt32) {
        append("\\u")
        let digits = Array("0123456789abcdef".utf8)
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(digits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
