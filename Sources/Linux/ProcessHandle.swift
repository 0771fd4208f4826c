#if canImport(Glibc)
import Glibc
#endif
import CShim

/// A process to signal and wait for: through a pidfd where the kernel has pidfd_open
/// (the pid cannot be recycled under it), by pid with a look every 10 ms where it has not
/// (kernels before 5.3, and tools such as valgrind).
public final class ProcessHandle {
    public let pid: Int32
    /// Pollable, readable once the process has ended; nil without pidfd support.
    public let descriptor: Int32?

    public init(pid: Int32) throws(SystemError) {
        self.pid = pid
        let fd = srun_pidfd_open(pid, 0)
        if fd >= 0 {
            descriptor = fd
        } else if errno == ENOSYS {
            descriptor = nil
        } else {
            throw SystemError.last("pidfd_open", path: "pid \(pid)")
        }
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    public func signal(_ signal: Int32) throws(SystemError) {
        if let descriptor {
            try check("pidfd_send_signal", path: "pid \(pid)") { srun_pidfd_send_signal(descriptor, signal, 0) }
        } else {
            try check("kill", path: "pid \(pid)") { kill(pid, signal) }
        }
    }

    /// Gone, or a zombie waiting for its parent.
    public var hasEnded: Bool {
        ProcessStat.read(pid)?.isGone ?? true
    }

    /// Waits at most `timeoutMilliseconds` (-1: no limit) for the process to end; true if it did.
    public func waitForEnd(timeoutMilliseconds: Int32) throws(SystemError) -> Bool {
        if let descriptor {
            return !(try Processes.poll([descriptor], timeoutMilliseconds: timeoutMilliseconds)).isEmpty
        }
        var waited: Int32 = 0
        while !hasEnded {
            if timeoutMilliseconds >= 0 && waited >= timeoutMilliseconds { return false }
            usleep(10_000)
            waited += 10
        }
        return true
    }
}
