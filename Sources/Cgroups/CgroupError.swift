import Linux

/// A cgroup operation that failed: the config field it was carrying out (when one asked for
/// it) and why, with the file and errno behind it.
public struct CgroupError: Error, Sendable, CustomStringConvertible {
    /// "linux.resources.memory.limit"; empty for what no field asked for (freeze, stats).
    public let field: String
    public let reason: String

    public init(field: String = "", _ reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { field.isEmpty ? reason : field + ": " + reason }

}
