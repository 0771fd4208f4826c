#if canImport(Glibc)
import Glibc
#endif
import ASCIIText
import CShim

public enum Processes {
    /// Waits for a child of this process.
    public static func wait(_ pid: Int32) throws(SystemError) -> ExitStatus {
        var status: Int32 = 0
        try check("waitpid", path: "pid \(pid)") { waitpid(pid, &status, 0) }
        return ExitStatus(waitStatus: status)
    }

    /// Polls `fds` for input; returns the ones ready, [] on timeout. timeout -1 waits forever.
    public static func poll(_ fds: [Int32], timeoutMilliseconds: Int32) throws(SystemError) -> [Int32] {
        var entries = fds.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let n = try check("poll") { Glibc.poll(&entries, nfds_t(entries.count), timeoutMilliseconds) }
        guard n > 0 else { return [] }
        return entries.filter { $0.revents != 0 }.map { $0.fd }
    }

    /// Starts `path` with `args` (argv[0] included) and `env`; `stdin` becomes its fd 0.
    public static func spawn(_ path: String, args: [String], env: [String], stdin: Int32? = nil) throws(SystemError) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdin { posix_spawn_file_actions_adddup2(&actions, stdin, 0) }
        var pid: pid_t = 0
        let result = withCStrings(args) { argv in
            withCStrings(env) { envp in posix_spawn(&pid, path, &actions, nil, argv, envp) }
        }
        guard result == 0 else { throw SystemError("posix_spawn", path: path, errno: result) }
        return pid
    }

    /// Leaves a forked child at once, without running exit handlers that belong to the parent.
    public static func exitChild(_ code: Int32) -> Never {
        _exit(code)
    }
}

/// A NULL-terminated C string array for argv/envp, alive during `body`.
public func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// execve of `args[0]`, searched on the PATH in `env` when it has no slash, as execvp does,
/// with every string and candidate path made ready beforehand: the init loads the seccomp
/// filter between `init` and `run`, and then nothing but execve should be left to do.
public struct PreparedExec: ~Copyable {
    private let name: String
    private let candidates: [UnsafeMutablePointer<CChar>]
    private let argv: [UnsafeMutablePointer<CChar>?]
    private let envp: [UnsafeMutablePointer<CChar>?]

    public init(args: [String], env: [String]) {
        let name = args[0]
        self.name = name
        let paths: [String]
        if name.contains("/") {
            paths = [name]
        } else {
            let path = env.last(where: { $0.hasBytePrefix("PATH=") }).map { String($0.dropFirst(5)) }
                ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
            paths = path.split(separator: ":", omittingEmptySubsequences: false)
                .map { ($0.isEmpty ? "." : String($0)) + "/" + name }
        }
        // Never freed: the process execs or exits.
        candidates = paths.map { strdup($0)! }
        argv = args.map { strdup($0) } + [nil]
        envp = env.map { strdup($0) } + [nil]
    }

    /// Returns only when no candidate could be executed, with the reason.
    public func run() -> SystemError {
        var failure = SystemError("exec", path: name, errno: ENOENT)
        for candidate in candidates {
            _ = argv.withUnsafeBufferPointer { argv in
                envp.withUnsafeBufferPointer { envp in execve(candidate, argv.baseAddress!, envp.baseAddress!) }
            }
            let code = errno
            let path = String(cString: candidate)
            // Keep looking past missing or unusable entries; remember a permission problem.
            if code == EACCES { failure = SystemError("exec", path: path, errno: code); continue }
            if code == ENOENT || code == ENOTDIR { continue }
            return SystemError("exec", path: path, errno: code)
        }
        return failure
    }
}
