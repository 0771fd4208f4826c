#if canImport(Glibc)
import Glibc
#endif

public enum Mounts {
    /// mount(2). `target` may be a /proc/self/fd path; `shownAs` is how errors name it
    /// (the destination as the config wrote it).
    public static func mount(_ source: String?, _ target: String, _ type: String?, _ flags: UInt, _ data: String? = nil,
                             shownAs: String? = nil) throws(SystemError) {
        let result: Int32
        if let data {
            result = Glibc.mount(source, target, type, flags, data)
        } else {
            result = Glibc.mount(source, target, type, flags, nil)
        }
        guard result == 0 else {
            let what = [type, source].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            let call = what.isEmpty ? "mount" : "mount " + what + " on"
            throw SystemError.last(call, path: shownAs ?? target)
        }
    }

    public static func unmount(_ target: String, _ flags: Int32 = 0) throws(SystemError) {
        try check("umount2", path: target) { umount2(target, flags) }
    }
}
