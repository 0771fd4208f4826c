#if canImport(Glibc)
import Glibc
#endif
import ASCIIText
import Linux

/// User names and homes from a passwd file: a static srun has no NSS, so it reads the file
/// itself (the host's for a container's owner, the container's for HOME).
public enum Users {
    public struct Entry: Equatable, Sendable {
        public let name: String
        public let home: String
    }

    /// The first line of `passwd` (name:password:uid:gid:gecos:home:shell) for `uid`. Split as
    /// bytes: splitting a String by Characters cost create more than the rest of its parsing.
    public static func entry(of uid: uid_t, passwd: String = "/etc/passwd") -> Entry? {
        guard let bytes = try? Files.read(passwd) else { return nil }
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            guard fields.count >= 3, decimal(fields[2]) == UInt64(uid) else { continue }
            let home = fields.count >= 6 ? String(decoding: fields[5], as: UTF8.self) : ""
            return Entry(name: String(decoding: fields[0], as: UTF8.self), home: home)
        }
        return nil
    }

    /// The user's name, or the uid in decimal for a user the file does not list.
    public static func name(of uid: uid_t, passwd: String = "/etc/passwd") -> String {
        entry(of: uid, passwd: passwd)?.name ?? String(uid)
    }
}
