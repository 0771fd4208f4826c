/// A value that can be read from a JSON document, reporting where it went wrong.
public protocol JSONDecodable {
    init(json: JSON, at path: JSONPath) throws(ConfigError)
}

/// A value that can be written as JSON.
public protocol JSONEncodable {
    var json: JSON { get }
}

public typealias JSONCodable = JSONDecodable & JSONEncodable

extension JSONDecodable {
    /// Decodes a whole document.
    public static func decode(_ bytes: [UInt8]) throws(ConfigError) -> Self {
        try Self(json: JSONParser.parse(bytes), at: .root)
    }

    public static func decode(_ text: String) throws(ConfigError) -> Self {
        try decode(Array(text.utf8))
    }
}

extension JSONEncodable {
    /// Pretty text as Go's MarshalIndent with a tab, as runc writes config.json.
    public var indentedJSON: String { JSONWriter.indented(json) }
    public var compactJSON: String { JSONWriter.compact(json) }
}

/// The members of one JSON object being decoded into a struct.
public struct JSONObjectReader {
    public let path: JSONPath
    private let members: [(key: String, value: JSON)]

    public init(_ json: JSON, at path: JSONPath) throws(ConfigError) {
        guard case .object(let members) = json else {
            throw ConfigError(path, "expected an object, got \(json.kindDescription)")
        }
        self.members = members
        self.path = path
    }

    private func value(_ key: String) -> JSON? {
        guard let found = members.last(where: { $0.key == key })?.value else { return nil }
        // An explicit null means "not set", as it does for Go's pointer fields.
        if case .null = found { return nil }
        return found
    }

    public func required<T: JSONDecodable>(_ key: String) throws(ConfigError) -> T {
        guard let json = value(key) else {
            throw ConfigError(path.key(key), "required field is missing")
        }
        return try T(json: json, at: path.key(key))
    }

    public func optional<T: JSONDecodable>(_ key: String) throws(ConfigError) -> T? {
        guard let json = value(key) else { return nil }
        return try T(json: json, at: path.key(key))
    }

    /// For lists and maps, where absent and empty mean the same.
    public func optional<T: JSONDecodable & EmptyInitializable>(_ key: String) throws(ConfigError) -> T {
        guard let json = value(key) else { return T() }
        return try T(json: json, at: path.key(key))
    }
}

/// Collections whose absence in a document reads as empty.
public protocol EmptyInitializable { init() }
extension Array: EmptyInitializable {}
extension Dictionary: EmptyInitializable {}

/// Builds a JSON object in field order, leaving out unset values as Go's `omitempty` does.
public struct JSONObjectBuilder {
    public private(set) var members: [(key: String, value: JSON)] = []

    public init() {}

    public mutating func set<T: JSONEncodable>(_ key: String, _ value: T) {
        members.append((key: key, value: value.json))
    }

    public mutating func set<T: JSONEncodable>(_ key: String, _ value: T?) {
        if let value { members.append((key: key, value: value.json)) }
    }

    public mutating func setNonEmpty<T: JSONEncodable>(_ key: String, _ value: [T]) {
        if !value.isEmpty { members.append((key: key, value: value.json)) }
    }

    public mutating func setNonEmpty<T: JSONEncodable>(_ key: String, _ value: [String: T]) {
        if !value.isEmpty { members.append((key: key, value: value.json)) }
    }

    public var json: JSON { .object(members) }
}
