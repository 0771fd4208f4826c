#if canImport(Glibc)
import Glibc
#endif
import CShim

/// A directory tree, such as a container's rootfs, in which paths are resolved as if it
/// were `/`: an absolute symlink or a `..` inside it can never lead out of it
/// (openat2 RESOLVE_IN_ROOT). This is what keeps a hostile image from making srun create or
/// mount on the host (CVE-2021-30465, CVE-2024-45310).
///
/// Kernels without openat2 (before 5.6) get a component walk that refuses every symlink.
public final class InRoot {
    public let path: String
    public let fd: Int32

    public init(_ path: String) throws(SystemError) {
        self.path = path
        fd = try check("open", path: path) { Glibc.open(path, SRUN_O_PATH | O_DIRECTORY | O_CLOEXEC) }
    }

    deinit { close(fd) }

    /// Opens `path` (absolute or not, taken inside the root) with `flags`.
    public func open(_ path: String, _ flags: Int32, resolve: UInt64 = 0) throws(SystemError) -> FileDescriptor {
        let relative = InRoot.relative(path)
        let raw = srun_openat2(fd, relative.isEmpty ? "." : relative, UInt64(UInt32(bitPattern: flags | O_CLOEXEC)), 0,
                               UInt64(SRUN_RESOLVE_IN_ROOT | SRUN_RESOLVE_NO_MAGICLINKS) | resolve)
        if raw >= 0 { return FileDescriptor(raw: raw) }
        guard errno == ENOSYS else { throw SystemError.last("openat2", path: display(path)) }
        return try walk(relative, flags)
    }

    /// mkdir -p inside the root; returns the leaf opened O_PATH, to mount on by fd.
    public func makeDirectories(_ path: String, mode: mode_t = 0o755) throws(SystemError) -> FileDescriptor {
        if let existing = try? open(path, SRUN_O_PATH | O_DIRECTORY) { return existing }
        let parent = try makeParent(of: path, mode: mode)
        if mkdirat(parent.raw, InRoot.lastComponent(path), mode) != 0, errno != EEXIST { throw SystemError.last("mkdir", path: display(path)) }
        return try open(path, SRUN_O_PATH | O_DIRECTORY)
    }

    /// Creates an empty file (and its parents) unless something is there; returns it O_PATH.
    public func makeFile(_ path: String, mode: mode_t = 0o644) throws(SystemError) -> FileDescriptor {
        if let existing = try? open(path, SRUN_O_PATH) { return existing }
        let parent = try makeParent(of: path)
        // O_NOFOLLOW|O_EXCL on the last component: a symlink there is not followed out.
        let created = openat(parent.raw, InRoot.lastComponent(path), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        if created >= 0 { close(created) } else if errno != EEXIST { throw SystemError.last("open", path: display(path)) }
        return try open(path, SRUN_O_PATH)
    }

    /// The parent directory of `path`, made if missing, opened O_PATH.
    public func makeParent(of path: String, mode: mode_t = 0o755) throws(SystemError) -> FileDescriptor {
        let relative = InRoot.relative(path)
        guard let slash = relative.lastIndex(of: "/") else { return try open("/", SRUN_O_PATH | O_DIRECTORY) }
        return try makeDirectories(String(relative[..<slash]), mode: mode)
    }

    /// The name `path` ends with.
    public static func lastComponent(_ path: String) -> String {
        String(relative(path).split(separator: "/").last ?? ".")
    }

    /// The path where the kernel finds what `fd` is, for mount(2) to act on exactly that.
    public static func procPath(_ fd: borrowing FileDescriptor) -> String {
        "/proc/self/fd/\(fd.raw)"
    }

    /// `/a/./b//c` -> `a/b/c`; `..` is left for the kernel, which keeps it inside the root.
    static func relative(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    private func display(_ path: String) -> String {
        self.path + "/" + InRoot.relative(path)
    }

    /// Without openat2: one component at a time, no symlink followed, no `..` allowed.
    private func walk(_ relative: String, _ flags: Int32) throws(SystemError) -> FileDescriptor {
        var current = FileDescriptor(raw: dup(fd))
        let components = relative.split(separator: "/").map(String.init)
        for (i, component) in components.enumerated() {
            guard component != ".." else { throw SystemError("open", path: display(relative), errno: EXDEV) }
            let last = i == components.count - 1
            let next = openat(current.raw, component, (last ? flags : SRUN_O_PATH | O_DIRECTORY) | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { throw SystemError.last("open", path: display(relative)) }
            current = FileDescriptor(raw: next)
        }
        return current
    }
}
