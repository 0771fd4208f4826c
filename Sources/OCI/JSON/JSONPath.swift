import ASCIIText

/// Where a value sits in a document, written the way error messages show it:
/// `linux.resources.memory.limit`, `mounts[2].destination`, `annotations["a.b"]`.
public struct JSONPath: Equatable, Sendable, CustomStringConvertible {
    public let description: String

    public static let root = JSONPath(description: "")

    public func key(_ name: String) -> JSONPath {
        JSONPath(description: description.isEmpty ? name : description + "." + name)
    }

    public func index(_ i: Int) -> JSONPath {
        JSONPath(description: description + "[" + decimalString(i) + "]")
    }

    /// A member of a free-form map, whose key may itself contain dots.
    public func entry(_ name: String) -> JSONPath {
        JSONPath(description: description + "[\"" + name + "\"]")
    }
}
