import Linux
import OCI

/// A bundle directory and its parsed, validated config.json.
public struct Bundle: Sendable {
    /// Absolute, as state.json records it.
    public let path: String
    public let spec: Spec

    /// Reads and checks everything before the caller creates anything.
    public static func load(_ directory: String) throws -> Bundle {
        let path = try Paths.absolute(directory.isEmpty ? "." : directory)
        let bytes = try Files.read(path + "/config.json")
        let spec = try Spec.decode(bytes)
        try spec.validate()
        return Bundle(path: path, spec: spec)
    }
}
