#if canImport(Glibc)
import Glibc
#endif
import Cgroups
import Linux

extension Lifecycle {
    /// runtime.md "kill": only a created or running container (the spec says MUST error otherwise).
    public static func kill(_ id: ContainerID, signal: Int32, all: Bool, store: StateStore) throws {
        let record = try store.load(id)
        let current = status(of: record, store: store)
        guard current == .created || current == .running || current == .paused else {
            throw WrongStatus("cannot kill container \"\(id)\": it is \(current.rawValue)")
        }
        if all {
            // Frozen while signalled, so that no process forks past the signal.
            record.cgroup.signalAllFrozen(signal)
        }
        guard let process = try initProcess(record) else {
            if all { return }
            throw WrongStatus("cannot kill container \"\(id)\": it is stopped")
        }
        do {
            try process.signal(signal)
        } catch {
            // With --all the init may already be gone from the signal above.
            if !(all && error.errno == ESRCH) { throw error }
        }
        // A frozen process dies of SIGKILL only once thawed (v1 freezer): killing a paused
        // container resumes it, as runc does.
        if signal == SIGKILL, current == .paused { try record.cgroup.driver.setFrozen(false) }
    }
}
