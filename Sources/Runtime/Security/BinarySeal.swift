#if canImport(Glibc)
import Glibc
#endif
import CShim
import ASCIIText
import Linux

/// CVE-2019-5736: a container whose process is made to execute /proc/self/exe of srun's init
/// (as its entrypoint, or through `#!/proc/self/exe`) would be running srun's own binary, and
/// could then open it through /proc/PID/exe and overwrite it on the host. So `create` and
/// `run` execute from a copy that cannot be written: a detached, read-only bind mount of the
/// binary (no copying, the same page cache; writes through any handle to it fail with EROFS,
/// and the mount is attached nowhere, so nothing can remount it), or, where the new mount API
/// is missing, a sealed memfd copy. A binary that already lives on a read-only mount costs
/// nothing. The read-only mount is usually made by srun's entry point (CShim/entry.c),
/// before glibc starts; what is here adopts it after the re-exec, and does the whole job
/// (with the memfd fallback and errors) when the entry point could not.
public enum BinarySeal {
    /// Set across the re-exec so that a seal that did not take is an error, not a loop. Its
    /// value is the fd of the detached mount srun runs from, or "-" (a memfd copy). entry.c
    /// sets it too.
    private static let marker = "_SRUN_SEALED"

    /// The detached read-only mount srun re-executed from, held (close-on-exec) until srun
    /// exits. Releasing the last handle on a detached mount waits for an RCU grace period:
    /// about 0.7 ms right after the exec, on the way to the container, but unnoticed at exit.
    /// -1 when srun did not re-execute itself.
    nonisolated(unsafe) public private(set) static var heldMount: Int32 = -1

    /// Returns when srun runs from a copy nothing can write; otherwise re-executes itself
    /// from one with the same arguments and environment, and does not return.
    public static func ensure() throws {
        let exe = try FileDescriptor(open: "/proc/self/exe", O_RDONLY)
        let held = getenv(marker).map { String(cString: $0) }
        if let held {
            unsetenv(marker)
            adoptHeldMount(held, exe: exe.raw)
        }
        if isSealed(exe.raw) { return }
        if held != nil { throw SystemError("seal", path: "/proc/self/exe (still writable after re-exec)", errno: EROFS) }
        let copy: Int32
        if let (tree, kept) = readOnlyMount() {
            copy = tree
            setenv(marker, decimalString(kept), 1)
        } else {
            copy = try sealedMemfd(exe.raw)
            setenv(marker, "-", 1)
        }
        fexecve(copy, CommandLine.unsafeArgv, environ)
        throw SystemError.last("fexecve", path: "sealed copy of /proc/self/exe")
    }

    /// The fd named by the marker, if it really is a handle on the binary srun runs from
    /// (the variable could come from anyone's environment): close-on-exec from now on.
    private static func adoptHeldMount(_ value: String, exe: Int32) {
        guard let fd = Int32(value), fd > 2 else { return }
        var held = stat()
        var running = stat()
        guard fstat(fd, &held) == 0, fstat(exe, &running) == 0,
              held.st_dev == running.st_dev, held.st_ino == running.st_ino else { return }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        heldMount = fd
    }

    /// `ensure` before the command line is even read, for a command line that may be create
    /// or run: whatever the unsealed image did would be thrown away by the re-exec. A failure
    /// is left for the command's own `ensure`, which reports it as the command's error.
    public static func ensureEarly(_ arguments: [String]) {
        guard arguments.contains(where: { $0 == "create" || $0 == "run" }) else { return }
        do { try ensure() } catch { unsetenv(marker) }
    }

    /// On a read-only mount, or a memfd sealed against writes.
    static func isSealed(_ fd: Int32) -> Bool {
        var fs = statvfs()
        if fstatvfs(fd, &fs) == 0, fs.f_flag & UInt(ST_RDONLY) != 0 { return true }
        let seals = fcntl(fd, SRUN_F_GET_SEALS)
        return seals >= 0 && seals & SRUN_F_SEAL_WRITE != 0
    }

    /// The binary alone, bound read-only in a mount of its own that is attached nowhere, and
    /// a second handle on it that survives the exec (see `heldMount`); nil where the kernel
    /// (before 5.12) or the caller's rights do not allow it.
    private static func readOnlyMount() -> (tree: Int32, kept: Int32)? {
        let tree = srun_open_tree_clone("/proc/self/exe", 0)
        guard tree >= 0 else { return nil }
        guard srun_mount_setattr_fd(tree, UInt64(SRUN_MOUNT_ATTR_RDONLY | SRUN_MOUNT_ATTR_NOSUID | SRUN_MOUNT_ATTR_NODEV)) == 0 else {
            close(tree)
            return nil
        }
        let kept = fcntl(tree, F_DUPFD, 3)
        guard kept >= 0 else {
            close(tree)
            return nil
        }
        return (tree, kept)
    }

    private static func sealedMemfd(_ exe: Int32) throws(SystemError) -> Int32 {
        let memfd = try check("memfd_create", path: "srun") {
            srun_memfd_create("srun", UInt32(SRUN_MFD_CLOEXEC | SRUN_MFD_ALLOW_SEALING))
        }
        var size = stat()
        try check("fstat", path: "/proc/self/exe") { fstat(exe, &size) }
        var offset: off_t = 0
        while offset < size.st_size {
            let copied = sendfile(memfd, exe, &offset, Int(size.st_size - offset))
            if copied <= 0 { throw SystemError.last("sendfile", path: "/proc/self/exe") }
        }
        let seals = SRUN_F_SEAL_SEAL | SRUN_F_SEAL_SHRINK | SRUN_F_SEAL_GROW | SRUN_F_SEAL_WRITE
        try check("fcntl(F_ADD_SEALS)", path: "srun memfd") { fcntl(memfd, SRUN_F_ADD_SEALS, seals) }
        return memfd
    }
}
