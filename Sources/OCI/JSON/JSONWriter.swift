/// Serialises `JSON` the way Go's encoding/json does, so that srun's output
/// (`spec`, `state`, `features`) reads byte for byte like runc's.
public enum JSONWriter {
    /// Compact text, one line: state.json, log lines.
    public static func compact(_ value: JSON) -> String {
        var out = ""
        write(value, indent: nil, level: 0, into: &out)
        return out
    }

    /// Indented text with Go's MarshalIndent layout: a member per line, `indent` per level.
    public static func indented(_ value: JSON, indent: String = "\t") -> String {
        var out = ""
        write(value, indent: indent, level: 0, into: &out)
        return out
    }

    private static func write(_ value: JSON, indent: String?, level: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let text): out += text
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, indent: indent, level: level, into: &out) { i, out in
                write(items[i], indent: indent, level: level + 1, into: &out)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, indent: indent, level: level, into: &out) { i, out in
                writeString(members[i].key, into: &out)
                out += indent == nil ? ":" : ": "
                write(members[i].value, indent: indent, level: level + 1, into: &out)
            }
        }
    }

    private static func writeContainer(
        open: String, close: String, count: Int, indent: String?, level: Int, into out: inout String,
        element: (Int, inout String) -> Void
    ) {
        out += open
        guard count > 0 else { out += close; return }
        for i in 0..<count {
            if i > 0 { out += "," }
            newline(indent, level + 1, into: &out)
            element(i, &out)
        }
        newline(indent, level, into: &out)
        out += close
    }

    private static func newline(_ indent: String?, _ level: Int, into out: inout String) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }

    /// Go escapes <, > and & (HTML safety) and the two JavaScript line separators too.
    public static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 {
                    out += unicodeEscape(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
