#if canImport(Glibc)
import Glibc
#endif

/// What /proc/PID/stat says about a process.
public struct ProcessStat: Equatable, Sendable {
    /// One letter: R, S, D, Z (zombie), T, X (dead), ...
    public let state: Character
    /// Clock ticks after boot: with the pid, a process's identity that pid reuse cannot fake.
    public let startTime: UInt64

    public var isGone: Bool { state == "Z" || state == "X" }

    /// nil when there is no such process.
    public static func read(_ pid: Int32) -> ProcessStat? {
        guard let text = try? readText("/proc/\(pid)/stat"),
              let close = text.lastIndex(of: ")") else { return nil }
        // After "pid (comm) ": field 3 is the state, field 22 the start time.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let state = fields[0].first, let start = UInt64(fields[19]) else { return nil }
        return ProcessStat(state: state, startTime: start)
    }
}
