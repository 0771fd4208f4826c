#if canImport(Glibc)
import Glibc
#endif
import Linux
import OCI

/// A hook that failed: which kind, which program, and how.
public struct HookError: Error, CustomStringConvertible {
    public let kind: String
    public let path: String
    public let reason: String
    public var description: String { "\(kind) hook \(path): \(reason)" }
}

/// Runs hooks as config.md describes: the state JSON on stdin, path/args/env as given,
/// `timeout` enforced by killing the hook.
public enum HookRunner {
    public static func run(_ hooks: [Hook], kind: String, state: String) throws {
        for hook in hooks {
            try run(hook, kind: kind, state: state)
        }
    }

    /// For poststart and poststop: a failure is a warning and the remaining hooks still run.
    public static func runReportingFailures(_ hooks: [Hook], kind: String, state: String, log: Logger) {
        for hook in hooks {
            do {
                try run(hook, kind: kind, state: state)
            } catch {
                log.warning(String(describing: error))
            }
        }
    }

    static func run(_ hook: Hook, kind: String, state: String) throws {
        func failure(_ reason: String) -> HookError { HookError(kind: kind, path: hook.path, reason: reason) }
        // A socket rather than a pipe: a hook that exits without reading must not SIGPIPE srun.
        let (ours, theirs) = try MessageChannel.pair(stream: true)
        defer { ours.close() }
        let pid: Int32
        do {
            pid = try Processes.spawn(hook.path, args: hook.args.isEmpty ? [hook.path] : hook.args, env: hook.env, stdin: theirs.fd)
        } catch {
            theirs.close()
            throw failure(String(describing: error))
        }
        theirs.close()
        try? ours.send(state)
        shutdown(ours.fd, Int32(SHUT_WR))

        let process = try ProcessHandle(pid: pid)
        let timeout = hook.timeout.map { Int32(clamping: $0 * 1000) } ?? -1
        if try !process.waitForEnd(timeoutMilliseconds: timeout) {
            kill(pid, SIGKILL)
            _ = try? Processes.wait(pid)
            throw failure("timed out after \(hook.timeout ?? 0)s, killed")
        }
        switch try Processes.wait(pid) {
        case .exited(0): return
        case .exited(let code): throw failure("exit status \(code)")
        case .signaled(let signal): throw failure("killed by signal \(signal)")
        case .other(let status): throw failure("wait status \(status)")
        }
    }
}
