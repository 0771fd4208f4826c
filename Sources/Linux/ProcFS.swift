#if canImport(Glibc)
import Glibc
#endif
import CShim
import ASCIIText

/// What /proc/PID/stat says about a process.
public struct ProcessStat: Equatable, Sendable {
    /// One letter: R, S, D, Z (zombie), T, X (dead), ...
    public let state: Character
    /// Clock ticks after boot: with the pid, a process's identity that pid reuse cannot fake.
    public let startTime: UInt64

    public var isGone: Bool { state == "Z" || state == "X" }

    /// nil when there is no such process.
    public static func read(_ pid: Int32) -> ProcessStat? {
        guard let bytes = try? Files.read("/proc/" + decimalString(pid) + "/stat"),
              let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        // After "pid (comm) ": field 3 is the state, field 22 the start time.
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 19, let state = fields[0].first, let start = decimal(fields[19]) else { return nil }
        return ProcessStat(state: Character(Unicode.Scalar(state)), startTime: start)
    }
}

/// A procfs that nothing in the container can stand in for (CVE-2019-16884 and kin): a
/// detached copy of the proc mount, without the mounts on top of it, checked to be procfs,
/// and every file opened beneath it checked again.
public final class ProcFSHandle {
    private let root: Int32

    /// The proc mount at `path` (the container's, once it is mounted).
    public init(_ path: String = "/proc") throws(SystemError) {
        var fd = srun_open_tree_clone(path, 0)
        if fd < 0 {
            // Without the new mount API (before 5.2): the mount itself, still checked below.
            fd = try check("open", path: path) { open(path, SRUN_O_PATH | O_DIRECTORY | O_CLOEXEC) }
        }
        do {
            try ProcFSHandle.requireProcFS(fd, path)
        } catch {
            close(fd)
            throw error
        }
        root = fd
    }

    /// Writes `text` to `relative` ("sys/kernel/hostname", "thread-self/attr/exec") in one write.
    public func write(_ relative: String, _ text: String) throws(SystemError) {
        let display = "/proc/" + relative
        let resolve = UInt64(SRUN_RESOLVE_NO_MAGICLINKS | SRUN_RESOLVE_BENEATH | SRUN_RESOLVE_NO_XDEV)
        let fd = try check("openat2", path: display) {
            srun_openat2(root, relative, UInt64(UInt32(bitPattern: O_WRONLY | O_CLOEXEC | O_NOFOLLOW)), 0, resolve)
        }
        let file = FileDescriptor(raw: fd)
        try ProcFSHandle.requireProcFS(file.raw, display)
        try file.write(Array(text.utf8), path: display)
    }

    deinit { close(root) }

    private static func requireProcFS(_ fd: Int32, _ path: String) throws(SystemError) {
        let type = srun_filesystem_type(fd)
        guard type >= 0 else { throw SystemError.last("fstatfs", path: path) }
        guard type == SRUN_PROC_SUPER_MAGIC else { throw SystemError("open", path: path + " (not on procfs)", errno: EXDEV) }
    }
}
