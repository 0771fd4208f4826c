#if canImport(Glibc)
import Glibc
#endif
import CShim

public enum Namespaces {
    // The CLONE_NEW* bits (linux/sched.h); Swift cannot see them without _GNU_SOURCE.
    public static let mount: Int32 = 0x0002_0000
    public static let cgroup: Int32 = 0x0200_0000
    public static let uts: Int32 = 0x0400_0000
    public static let ipc: Int32 = 0x0800_0000
    public static let user: Int32 = 0x1000_0000
    public static let pid: Int32 = 0x2000_0000
    public static let network: Int32 = 0x4000_0000
    public static let time: Int32 = 0x0000_0080

    public static func join(_ path: String, _ flag: Int32) throws(SystemError) {
        let fd = try FileDescriptor(open: path, O_RDONLY)
        try check("setns", path: path) { srun_setns(fd.raw, flag) }
    }

    public static func unshare(_ flags: Int32) throws(SystemError) {
        try check("unshare") { srun_unshare(flags) }
    }
}
