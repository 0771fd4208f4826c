import ASCIIText

extension String: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        guard case .string(let s) = json else {
            throw ConfigError(path, "expected a string, got \(json.kindDescription)")
        }
        self = s
    }

    public var json: JSON { .string(self) }
}

extension Bool: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        guard case .bool(let b) = json else {
            throw ConfigError(path, "expected a boolean, got \(json.kindDescription)")
        }
        self = b
    }

    public var json: JSON { .bool(self) }
}

extension Double: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        guard case .number(let text) = json, let d = Double(text) else {
            throw ConfigError(path, "expected a number, got \(json.kindDescription)")
        }
        self = d
    }

    public var json: JSON { .number(String(self)) }
}

/// Integers are read from the number's text, so each field gets exactly its Go type's range.
public protocol JSONInteger: FixedWidthInteger, JSONCodable {}

extension JSONInteger {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        guard case .number(let text) = json else {
            throw ConfigError(path, "expected an integer, got \(json.kindDescription)")
        }
        guard !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else {
            throw ConfigError(path, "expected an integer, got \(text)")
        }
        guard let value = Self(text, radix: 10) else {
            throw ConfigError(path, "expected an integer in \(Self.min)...\(Self.max), got \(text)")
        }
        self = value
    }

    public var json: JSON {
        .number(Self.isSigned ? decimalString(Int64(truncatingIfNeeded: self)) : decimalString(UInt64(truncatingIfNeeded: self)))
    }
}

extension Int: JSONInteger {}
extension Int32: JSONInteger {}
extension Int64: JSONInteger {}
extension UInt: JSONInteger {}
extension UInt16: JSONInteger {}
extension UInt32: JSONInteger {}
extension UInt64: JSONInteger {}

extension Array: JSONDecodable where Element: JSONDecodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        guard case .array(let items) = json else {
            throw ConfigError(path, "expected an array, got \(json.kindDescription)")
        }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            result.append(try Element(json: item, at: path.index(i)))
        }
        self = result
    }
}

extension Array: JSONEncodable where Element: JSONEncodable {
    // A loop rather than map: the generic map would run unspecialised stdlib code from pages
    // nothing else touches.
    public var json: JSON {
        var items: [JSON] = []
        items.reserveCapacity(count)
        for element in self { items.append(element.json) }
        return .array(items)
    }
}

extension Dictionary: JSONDecodable where Key == String, Value: JSONDecodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        guard case .object(let members) = json else {
            throw ConfigError(path, "expected an object, got \(json.kindDescription)")
        }
        var result: [String: Value] = [:]
        for (key, value) in members {
            result[key] = try Value(json: value, at: path.entry(key))
        }
        self = result
    }
}

extension Dictionary: JSONEncodable where Key == String, Value: JSONEncodable {
    /// Keys sorted, as Go writes maps.
    public var json: JSON {
        .object(keys.sorted().map { (key: $0, value: self[$0]!.json) })
    }
}

/// A string field with a closed set of values; anything else is an error naming the set.
public protocol JSONEnum: RawRepresentable<String>, CaseIterable, JSONCodable, Sendable {
    /// How errors name one of these: "capability", "namespace type".
    static var noun: String { get }
}

extension JSONEnum {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let name = try String(json: json, at: path)
        // A scan rather than init(rawValue:): for a long enum that builds a Dictionary-backed
        // lookup table, stdlib code srun needs nowhere else.
        guard let value = Self.allCases.first(where: { $0.rawValue == name }) else {
            throw ConfigError(path, "unknown \(Self.noun) \(quote(name))")
        }
        self = value
    }

    public var json: JSON { .string(rawValue) }

    public static var allNames: [String] { allCases.map { $0.rawValue } }
}
