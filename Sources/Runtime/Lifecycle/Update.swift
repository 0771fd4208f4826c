import Cgroups
import Linux
import OCI

extension Lifecycle {
    /// `update`: writes the container's resources with `changes` (what is set in them)
    /// applied, and keeps the result in its state, so later updates and `events` agree.
    public static func update(_ id: ContainerID, with changes: Resources, store: StateStore) throws {
        let lock = try store.lock(id)
        var record = try store.load(id)
        let current = status(of: record, store: store)
        guard current != .stopped else {
            throw WrongStatus("cannot update container \"\(id)\": it is stopped")
        }
        let resources = (record.resources ?? Resources()).updated(with: changes)
        let driver = record.cgroup.driver
        try driver.prepare(for: resources)
        try driver.apply(resources, updating: true)
        record.resources = resources
        record.resources?.memory?.checkBeforeUpdate = nil
        try store.save(record)
        _ = consume lock
    }
}
