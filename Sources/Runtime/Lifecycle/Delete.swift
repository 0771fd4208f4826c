#if canImport(Glibc)
import Glibc
#endif
import Cgroups
import Linux
import OCI

extension Lifecycle {
    /// runtime.md "delete": a stopped container, or any with `force` (killed first).
    /// Removes the cgroup and the state, then runs poststop hooks.
    public static func delete(_ id: ContainerID, force: Bool, store: StateStore, log: Logger) throws {
        guard isDirectory(store.directory(id)) else {
            // Managers call delete --force again after a delete: that is a success.
            if force { return }
            throw ContainerNotFound(id: id.description)
        }
        let lock = try store.lock(id)
        guard let record = try? store.load(id) else {
            // A create that died before writing its state: nothing runs, remove the remains.
            guard force else { throw ContainerNotFound(id: id.description) }
            store.remove(id)
            return
        }
        let current = status(of: record, store: store)
        let cgroup = record.cgroup
        if current != .stopped {
            guard force else {
                throw WrongStatus("cannot delete container \"\(id)\": it is \(current.rawValue), not stopped")
            }
            try killEverything(record, cgroup: cgroup)
        }
        try remove(id, record, cgroup: cgroup, store: store)
        _ = consume lock
        runPoststopHooks(record, log: log)
    }

    /// `run`'s delete of the container it created and whose init it reaped: the state is
    /// already in hand, no need to read it back.
    static func deleteReaped(_ id: ContainerID, _ record: ContainerRecord, store: StateStore, log: Logger) throws {
        // Someone's `delete --force` got there first.
        guard isDirectory(store.directory(id)) else { return }
        let lock = try store.lock(id)
        try remove(id, record, cgroup: record.cgroup, store: store)
        _ = consume lock
        runPoststopHooks(record, log: log)
    }

    /// The cgroup and the state of a container whose init has ended.
    private static func remove(_ id: ContainerID, _ record: ContainerRecord, cgroup: ContainerCgroup, store: StateStore) throws {
        // A stopped init can leave processes behind (no pid namespace): they go with it.
        var attempts = 0
        while attempts < 200, !cgroup.processes().isEmpty {
            cgroup.signalAll(SIGKILL)
            usleep(5_000)
            attempts += 1
        }
        try cgroup.destroy()
        // Innermost first; a parent another container still uses stays (rmdir fails).
        for parent in record.cgroupParentsMade.reversed() { rmdir(parent) }
        store.remove(id)
    }

    private static func runPoststopHooks(_ record: ContainerRecord, log: Logger) {
        guard let hooks = record.hooks?.poststop, !hooks.isEmpty else { return }
        let state = JSONWriter.compact(record.stateJSON(.stopped, forHooks: true))
        HookRunner.runReportingFailures(hooks, kind: "poststop", state: state, log: log)
    }

    /// SIGKILL to everything in the cgroup (frozen meanwhile, then thawed, so a paused
    /// container dies too) and to the init, then wait for the init to be gone.
    private static func killEverything(_ record: ContainerRecord, cgroup: ContainerCgroup) throws {
        cgroup.signalAllFrozen(SIGKILL)
        guard let process = try initProcess(record) else { return }
        try? process.signal(SIGKILL)
        _ = try process.waitForEnd(timeoutMilliseconds: 10_000)
        // Our own child (run) must be reaped, or it stays a zombie in the cgroup.
        var status: Int32 = 0
        waitpid(record.pid, &status, WNOHANG)
    }
}
