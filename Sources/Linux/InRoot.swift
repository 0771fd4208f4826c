#if canImport(Glibc)
import Glibc
#endif
import ASCIIText
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
    /// A dangling symlink on the way is followed inside the root, as the kernel would.
    public func makeDirectories(_ path: String, mode: mode_t = 0o755) throws(SystemError) -> FileDescriptor {
        do {
            return try open(path, SRUN_O_PATH | O_DIRECTORY)
        } catch where error.errno == ENOENT {
            if let made = makeLastDirectory(path, mode: mode) { return made }
        } catch {}
        var pending = InRoot.components(path)
        var done: [String] = []
        var links = 0
        while !pending.isEmpty {
            let name = pending.removeFirst()
            if name == ".." || (try? open(joined(done + [name]), SRUN_O_PATH | O_DIRECTORY)) != nil {
                done.append(name)
                continue
            }
            let parent = try open(joined(done), SRUN_O_PATH | O_DIRECTORY)
            if mkdirat(parent.raw, name, mode) == 0 {
                done.append(name)
                continue
            }
            guard errno == EEXIST else { throw SystemError.last("mkdir", path: display(path)) }
            let target = try followLink(parent, name, path: path, count: &links)
            if target.hasBytePrefix("/") { done = [] }
            pending = InRoot.components(target) + pending
        }
        return try open(joined(done), SRUN_O_PATH | O_DIRECTORY)
    }

    /// The common case of makeDirectories, in three calls: only the last component is missing.
    /// nil sends the caller the long way (a missing parent, a symlink, a race).
    private func makeLastDirectory(_ path: String, mode: mode_t) -> FileDescriptor? {
        let relative = InRoot.relative(path)
        let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/"))
        let name = String(slash.map { relative[relative.utf8.index(after: $0)...] } ?? relative[...])
        guard name != "..", let parent = try? open(slash.map { String(relative[..<$0]) } ?? "/", SRUN_O_PATH | O_DIRECTORY),
              mkdirat(parent.raw, name, mode) == 0 else { return nil }
        // O_NOFOLLOW|O_DIRECTORY: whatever replaced the new directory meanwhile, no symlink is followed.
        let made = openat(parent.raw, name, SRUN_O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        return made >= 0 ? FileDescriptor(raw: made) : nil
    }

    /// Creates an empty file (and its parents) unless something is there; returns it O_PATH.
    public func makeFile(_ path: String, mode: mode_t = 0o644) throws(SystemError) -> FileDescriptor {
        var path = path
        var links = 0
        while true {
            if let existing = try? open(path, SRUN_O_PATH) { return existing }
            let parent = try makeParent(of: path)
            let name = InRoot.lastComponent(path)
            // O_NOFOLLOW|O_EXCL: a symlink there is read below, never followed by the kernel.
            let created = openat(parent.raw, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if created >= 0 {
                close(created)
                return try open(path, SRUN_O_PATH)
            }
            guard errno == EEXIST else { throw SystemError.last("open", path: display(path)) }
            let target = try followLink(parent, name, path: path, count: &links)
            let directory = InRoot.components(path).dropLast()
            path = target.hasBytePrefix("/") ? target : joined(Array(directory) + [target])
        }
    }

    /// The target of the symlink `name` in `parent`, within the kernel's limit of 40 links.
    private func followLink(_ parent: borrowing FileDescriptor, _ name: String, path: String, count: inout Int) throws(SystemError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        let n = readlinkat(parent.raw, name, &buffer, buffer.count)
        // Not a link: a file where a directory must be.
        guard n > 0 else { throw SystemError("mkdir", path: display(path), errno: ENOTDIR) }
        count += 1
        guard count <= 40 else { throw SystemError("open", path: display(path), errno: ELOOP) }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func joined(_ components: [String]) -> String {
        components.isEmpty ? "." : components.joined(separator: "/")
    }

    static func components(_ path: String) -> [String] {
        pathComponents(path).filter { $0 != "." }.map(String.init)
    }

    /// The parent directory of `path`, made if missing, opened O_PATH.
    public func makeParent(of path: String, mode: mode_t = 0o755) throws(SystemError) -> FileDescriptor {
        let relative = InRoot.relative(path)
        guard let slash = relative.lastIndex(of: "/") else { return try open("/", SRUN_O_PATH | O_DIRECTORY) }
        return try makeDirectories(String(relative[..<slash]), mode: mode)
    }

    /// The name `path` ends with.
    public static func lastComponent(_ path: String) -> String {
        String(pathComponents(relative(path)).last ?? ".")
    }

    /// The path where the kernel finds what `fd` is, for mount(2) to act on exactly that.
    public static func procPath(_ fd: borrowing FileDescriptor) -> String {
        "/proc/self/fd/\(fd.raw)"
    }

    /// `/a/./b//c` -> `a/b/c`; `..` is left for the kernel, which keeps it inside the root.
    static func relative(_ path: String) -> String {
        pathComponents(path).filter { $0 != "." }.joined(separator: "/")
    }

    private func display(_ path: String) -> String {
        self.path + "/" + InRoot.relative(path)
    }

    /// Without openat2: one component at a time, no symlink followed, no `..` allowed.
    private func walk(_ relative: String, _ flags: Int32) throws(SystemError) -> FileDescriptor {
        var current = FileDescriptor(raw: fcntl(fd, F_DUPFD_CLOEXEC, 0))
        let components = pathComponents(relative).map(String.init)
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
