import Cgroups
import Linux

extension Lifecycle {
    /// `pause`: freezes every process of a created or running container (v1 freezer,
    /// cgroup.freeze on v2); `state` says paused until `resume`.
    public static func pause(_ id: ContainerID, store: StateStore) throws {
        let lock = try store.lock(id)
        let record = try store.load(id)
        let current = status(of: record, store: store)
        guard current == .running || current == .created else {
            throw WrongStatus("cannot pause container \"\(id)\": it is \(current.rawValue), not running or created")
        }
        try record.cgroup.driver.setFrozen(true)
        _ = consume lock
    }

    /// `resume`: thaws a paused container.
    public static func resume(_ id: ContainerID, store: StateStore) throws {
        let lock = try store.lock(id)
        let record = try store.load(id)
        let current = status(of: record, store: store)
        guard current == .paused else {
            throw WrongStatus("cannot resume container \"\(id)\": it is \(current.rawValue), not paused")
        }
        try record.cgroup.driver.setFrozen(false)
        _ = consume lock
    }
}
