import CYajl

/// Parses JSON text with yajl's event parser into a `JSON` value.
///
/// The event API, rather than yajl's tree, because it hands over strings with their
/// length (a `\u0000` inside a string is kept, not silently cut) and numbers as text.
public enum JSONParser {
    public static func parse(_ bytes: [UInt8]) throws(ConfigError) -> JSON {
        let builder = TreeBuilder()
        let context = Unmanaged.passUnretained(builder).toOpaque()
        var callbacks = yajl_callbacks(
            yajl_null: { ctx in TreeBuilder.from(ctx).add(.null) },
            yajl_boolean: { ctx, value in TreeBuilder.from(ctx).add(.bool(value != 0)) },
            yajl_integer: nil,
            yajl_double: nil,
            yajl_number: { ctx, text, length in
                TreeBuilder.from(ctx).add(.number(TreeBuilder.string(text, length)))
            },
            yajl_string: { ctx, text, length in
                TreeBuilder.from(ctx).add(.string(TreeBuilder.string(text, length)))
            },
            yajl_start_map: { ctx in TreeBuilder.from(ctx).open(.object([])) },
            yajl_map_key: { ctx, text, length in
                TreeBuilder.from(ctx).key(TreeBuilder.string(text, length))
            },
            yajl_end_map: { ctx in TreeBuilder.from(ctx).close() },
            yajl_start_array: { ctx in TreeBuilder.from(ctx).open(.array([])) },
            yajl_end_array: { ctx in TreeBuilder.from(ctx).close() }
        )
        guard let handle = yajl_alloc(&callbacks, nil, context) else {
            throw ConfigError(.root, "out of memory")
        }
        defer { yajl_free(handle) }

        var status = bytes.withUnsafeBufferPointer { buffer in
            yajl_parse(handle, buffer.baseAddress, buffer.count)
        }
        var offset = status == yajl_status_ok ? bytes.count : yajl_get_bytes_consumed(handle)
        if status == yajl_status_ok {
            status = yajl_complete_parse(handle)
            offset = bytes.count
        }
        guard status == yajl_status_ok, let root = builder.root else {
            throw ConfigError(.root, "invalid JSON at \(position(of: offset, in: bytes)): " + errorText(handle, bytes))
        }
        return root
    }

    /// "line L, column C" (both from 1) of a byte offset, for finding the error in a long file.
    static func position(of offset: Int, in bytes: [UInt8]) -> String {
        let before = bytes[..<min(offset, bytes.count)]
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return "line \(line), column \(before.count - lineStart + 1)"
    }

    public static func parse(_ text: String) throws(ConfigError) -> JSON {
        try parse(Array(text.utf8))
    }

    private static func errorText(_ handle: yajl_handle, _ bytes: [UInt8]) -> String {
        guard let raw = bytes.withUnsafeBufferPointer({ yajl_get_error(handle, 0, $0.baseAddress, $0.count) }) else {
            return "parse error"
        }
        defer { yajl_free_error(handle, raw) }
        let text = String(cString: raw)
        // yajl ends its message with a newline; keep error lines single.
        return String(text.split(separator: "\n").first ?? "parse error")
    }
}

/// Builds the value as yajl reports events; one instance per parse, on the parsing thread.
private final class TreeBuilder {
    private enum Frame {
        case array([JSON])
        case object([(key: String, value: JSON)], pendingKey: String)
    }

    private var stack: [Frame] = []
    private(set) var root: JSON?

    static func from(_ ctx: UnsafeMutableRawPointer?) -> TreeBuilder {
        Unmanaged<TreeBuilder>.fromOpaque(ctx!).takeUnretainedValue()
    }

    static func string(_ text: UnsafePointer<UInt8>?, _ length: Int) -> String {
        guard let text else { return "" }
        return String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)
    }

    static func string(_ text: UnsafePointer<CChar>?, _ length: Int) -> String {
        guard let text else { return "" }
        return text.withMemoryRebound(to: UInt8.self, capacity: length) { string($0, length) }
    }

    func add(_ value: JSON) -> Int32 {
        switch stack.popLast() {
        case nil:
            root = value
        case .array(var items)?:
            items.append(value)
            stack.append(.array(items))
        case .object(var members, let key)?:
            members.append((key: key, value: value))
            stack.append(.object(members, pendingKey: ""))
        }
        return 1
    }

    func open(_ container: JSON) -> Int32 {
        if case .object = container {
            stack.append(.object([], pendingKey: ""))
        } else {
            stack.append(.array([]))
        }
        return 1
    }

    func key(_ name: String) -> Int32 {
        guard case .object(let members, _)? = stack.popLast() else { return 0 }
        stack.append(.object(members, pendingKey: name))
        return 1
    }

    func close() -> Int32 {
        switch stack.popLast() {
        case .array(let items)?: return add(.array(items))
        case .object(let members, _)?: return add(.object(members))
        case nil: return 0
        }
    }
}
