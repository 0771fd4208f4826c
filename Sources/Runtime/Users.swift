#if canImport(Glibc)
import Glibc
#endif
import Linux

/// User names from a passwd file: a static srun has no NSS, so it reads the file itself.
public enum Users {
    public static func name(of uid: uid_t, passwd: String = "/etc/passwd") -> String {
        guard let text = try? readText(passwd) else { return String(uid) }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            if fields.count >= 3, UInt32(fields[2]) == uid { return String(fields[0]) }
        }
        return String(uid)
    }
}
