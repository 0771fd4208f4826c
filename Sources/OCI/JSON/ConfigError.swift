/// A config document that cannot be used, with the place that is wrong.
///
/// Printed as `config.json: linux.resources.memory.limit: expected an integer, got a string`.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file the document came from, as the user knows it.
    public var document: String
    public var path: JSONPath
    public var message: String

    public init(_ path: JSONPath, _ message: String, document: String = "config.json") {
        self.document = document
        self.path = path
        self.message = message
    }

    public var description: String {
        path.description.isEmpty ? "\(document): \(message)" : "\(document): \(path): \(message)"
    }

    /// The same error, attributed to another document (`process.json`, `-` for stdin).
    public func `in`(_ document: String) -> ConfigError {
        var copy = self
        copy.document = document
        return copy
    }
}

/// A value from the document as an error message shows it: in double quotes, with
/// quotes, backslashes and control characters escaped, so a message stays one line.
public func quote(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7f {
                out += JSONWriter.unicodeEscape(scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
