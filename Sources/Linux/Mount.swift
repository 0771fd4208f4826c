#if canImport(Glibc)
import Glibc
#endif

public enum Mounts {
    public static func mount(_ source: String?, _ target: String, _ type: String?, _ flags: UInt, _ data: String? = nil) throws(SystemError) {
        let result: Int32
        if let data {
            result = Glibc.mount(source, target, type, flags, data)
        } else {
            result = Glibc.mount(source, target, type, flags, nil)
        }
        guard result == 0 else { throw SystemError.last("mount \(type ?? "")", path: target) }
    }

    public static func unmount(_ target: String, _ flags: Int32 = 0) throws(SystemError) {
        try check("umount2", path: target) { umount2(target, flags) }
    }
}
