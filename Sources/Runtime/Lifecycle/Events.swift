#if canImport(Glibc)
import Glibc
#endif
import Cgroups
import Linux
import OCI

extension Lifecycle {
    /// `events --stats`: one stats event.
    public static func statsEvent(_ id: ContainerID, store: StateStore) throws -> JSON {
        let record = try store.load(id)
        try requireNotStopped(record, store: store)
        return event("stats", id: id, data: record.cgroup.driver.stats().json)
    }

    /// `events`: a stats event every `intervalMilliseconds` and an oom event for each OOM kill,
    /// until the container's init is gone. Without a memory controller there are only stats.
    public static func watchEvents(_ id: ContainerID, intervalMilliseconds: Int64, store: StateStore, emit: (JSON) -> Void) throws {
        let record = try store.load(id)
        try requireNotStopped(record, store: store)
        let driver = record.cgroup.driver
        let oom = try? driver.watchOOM()
        guard let process = try initProcess(record) else { return }
        var nextStats = Clock.monotonicMilliseconds() + intervalMilliseconds
        while true {
            // Without a pidfd the end of the init is only seen by looking now and then.
            let wait = max(0, nextStats - Clock.monotonicMilliseconds())
            let timeout = Int32(clamping: process.descriptor == nil ? min(wait, 100) : wait)
            let ready = try Processes.poll([oom?.descriptor, process.descriptor].compactMap { $0 }, timeoutMilliseconds: timeout)
            if let oom, ready.contains(oom.descriptor), oom.consume() {
                emit(event("oom", id: id, data: nil))
            }
            if process.hasEnded {
                // An OOM kill that ended the init may be told a moment after the end itself.
                if let oom, let late = try? Processes.poll([oom.descriptor], timeoutMilliseconds: 20), !late.isEmpty, oom.consume() {
                    emit(event("oom", id: id, data: nil))
                }
                return
            }
            if Clock.monotonicMilliseconds() >= nextStats {
                emit(event("stats", id: id, data: driver.stats().json))
                nextStats += intervalMilliseconds
            }
        }
    }

    private static func requireNotStopped(_ record: ContainerRecord, store: StateStore) throws {
        guard status(of: record, store: store) != .stopped else {
            throw WrongStatus("container \"\(record.id)\" is not running")
        }
    }

    /// runc's event: {"type":..., "id":..., "data":...}, data left out when there is none.
    private static func event(_ type: String, id: ContainerID, data: JSON?) -> JSON {
        var members: [(key: String, value: JSON)] = [(key: "type", value: .string(type)), (key: "id", value: .string(id.description))]
        if let data { members.append((key: "data", value: data)) }
        return .object(members)
    }
}
