#if canImport(Glibc)
import Glibc
#endif
import Cgroups
import Linux

extension Lifecycle {
    /// The status now, from the init's identity (pid and start time) and exec.fifo:
    /// a recycled pid or a zombie is a stopped container, never someone else's process.
    public static func status(of record: ContainerRecord, store: StateStore) -> ContainerStatus {
        guard record.pid > 0 else { return .creating }
        guard isAlive(record) else { return .stopped }
        // runc reports a frozen container as paused, whether it had started or not.
        if record.cgroup.isFrozen() { return .paused }
        let id = try? ContainerID(record.id)
        if let id, fileExists(store.fifoPath(id)) { return .created }
        return .running
    }

    static func isAlive(_ record: ContainerRecord) -> Bool {
        guard let stat = ProcessStat.read(record.pid) else { return false }
        return stat.startTime == record.pidStartTime && !stat.isGone
    }

    /// The init, opened only while the pid still names it.
    static func initProcess(_ record: ContainerRecord) throws -> ProcessHandle? {
        guard isAlive(record) else { return nil }
        let process = try ProcessHandle(pid: record.pid)
        // A pidfd pins the process: check again that it is the one recorded.
        return isAlive(record) ? process : nil
    }
}
