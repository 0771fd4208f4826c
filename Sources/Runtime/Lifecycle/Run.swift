#if canImport(Glibc)
import Glibc
#endif
import CShim
import Linux

extension Lifecycle {
    /// `run`: create and start; in the foreground, forward signals to the container's
    /// process, wait for it, delete the container (unless `keep`) and return its exit
    /// status the shell's way (128+N for signal N).
    public static func run(_ request: CreateRequest, detach: Bool, keep: Bool, subreaper: Bool = true,
                           store: StateStore, log: Logger) throws -> Int32 {
        // Processes the container leaves when its init dies (no pid namespace) come back to
        // srun rather than to the host's init, as with runc.
        if !detach && subreaper { _ = srun_prctl(SRUN_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) }
        var forwarded = forwardableSignals()
        var previous = sigset_t()
        // Blocked from before the clone: a signal that arrives while the container starts
        // waits for the loop below instead of killing srun. The init unblocks them before exec.
        if !detach { sigprocmask(SIG_BLOCK, &forwarded, &previous) }
        defer { if !detach { sigprocmask(SIG_SETMASK, &previous, nil) } }

        var request = request
        request.startsOverChannel = true
        let created = try create(request, store: store, log: log)
        do {
            try start(created, log: log)
        } catch {
            try? delete(request.id, force: true, store: store, log: log)
            throw error
        }
        if detach { return 0 }

        let status = try waitForwardingSignals(pid: created.record.pid, signals: &forwarded)
        if !keep {
            try deleteReaped(request.id, created.record, store: store, log: log)
        }
        return status.shellCode
    }

    /// Everything but the signals the kernel sends for a fault in srun itself.
    private static func forwardableSignals() -> sigset_t {
        var set = sigset_t()
        sigfillset(&set)
        for fault in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS, SIGABRT] { sigdelset(&set, fault) }
        return set
    }

    /// The init is srun's child here: its end arrives as SIGCHLD, like every other signal.
    private static func waitForwardingSignals(pid: Int32, signals: inout sigset_t) throws -> ExitStatus {
        let signalFD = try check("signalfd") { srun_signalfd(&signals) }
        defer { close(signalFD) }
        let process = try ProcessHandle(pid: pid)
        while true {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return ExitStatus(waitStatus: status) }
            if reaped < 0, errno != EINTR { throw SystemError.last("waitpid", path: "pid \(pid)") }
            _ = try Processes.poll([signalFD], timeoutMilliseconds: -1)
            let signal = srun_read_signal(signalFD)
            if signal > 0, signal != SIGCHLD {
                try? process.signal(signal)
            }
        }
    }
}
