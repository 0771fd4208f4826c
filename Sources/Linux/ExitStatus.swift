import CShim

/// How a waited-for process ended, decoded from wait(2)'s status word.
public enum ExitStatus: Equatable, Sendable {
    case exited(Int32)
    case signaled(Int32)
    /// Stopped or continued: not an end.
    case other(Int32)

    public init(waitStatus status: Int32) {
        if srun_wifexited(status) != 0 {
            self = .exited(srun_wexitstatus(status))
        } else if srun_wifsignaled(status) != 0 {
            self = .signaled(srun_wtermsig(status))
        } else {
            self = .other(status)
        }
    }

    /// The shell's convention, which `srun run` follows: 128+N for death by signal N.
    public var shellCode: Int32 {
        switch self {
        case .exited(let code): return code
        case .signaled(let signal): return 128 + signal
        case .other: return 255
        }
    }
}
