/// A container id that is safe to use as a directory name under the root.
///
/// `[A-Za-z0-9_+-][A-Za-z0-9_+.-]*`, at most 1024 bytes: no slash, no `.` or `..`, and
/// no leading dot, so an id can never step out of the state root.
public struct ContainerID: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let description: String

    public static let maxLength = 1024

    public init(_ text: String) throws(UsageError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw UsageError("container id must not be empty") }
        guard bytes.count <= ContainerID.maxLength else {
            throw UsageError("container id is \(bytes.count) bytes long, at most \(ContainerID.maxLength) are allowed")
        }
        guard ContainerID.isLeading(bytes[0]), bytes.dropFirst().allSatisfy(ContainerID.isAllowed) else {
            throw UsageError("invalid container id \"\(text)\": use letters, digits and _ + - . (not first)")
        }
        description = text
    }

    private static func isLeading(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
    }

    private static func isAllowed(_ c: UInt8) -> Bool {
        isLeading(c) || c == UInt8(ascii: ".")
    }
}

/// The command line was wrong: exit 1 with this message.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}
