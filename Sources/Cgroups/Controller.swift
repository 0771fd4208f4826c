import OCI

/// What a container's cgroup controls, named as cgroup v1 names it. v2 merges cpu and
/// cpuacct into cpu, calls blkio io, and has no net_cls or net_prio; devices and freezer
/// are part of every v2 cgroup (an eBPF program, cgroup.freeze), not controllers.
public enum Controller: String, CaseIterable, Sendable {
    case cpuset, memory, cpu, cpuacct, pids, blkio, hugetlb
    case netCls = "net_cls", netPrio = "net_prio", rdma, devices, freezer

    /// The name in cgroup.controllers on v2; nil when v2 has no such controller.
    var v2Name: String? {
        switch self {
        case .cpu, .cpuacct: return "cpu"
        case .blkio: return "io"
        case .netCls, .netPrio: return nil
        case .devices, .freezer: return nil
        default: return rawValue
        }
    }

    /// The order resources are written in: cpuset before anything can run there, memory early
    /// (a limit below usage fails before the rest changed), then the others, as runc.
    static let writeOrder: [Controller] = [.cpuset, .memory, .cpu, .pids, .blkio, .hugetlb, .netCls, .netPrio, .rdma]

    /// The first field of `resources` that this controller carries out and that is set, as
    /// an error names it; nil when none is. A zero means unset, as the managers that send
    /// every field (docker) mean it.
    func firstSetField(in r: Resources) -> String? {
        let at = "linux.resources."
        switch self {
        case .memory:
            guard let m = r.memory else { return nil }
            let fields: [(String, Bool)] = [
                ("limit", nonZero(m.limit)), ("reservation", nonZero(m.reservation)), ("swap", nonZero(m.swap)),
                ("kernel", nonZero(m.kernel)), ("kernelTCP", nonZero(m.kernelTCP)), ("swappiness", m.swappiness != nil),
                ("disableOOMKiller", m.disableOOMKiller == true), ("useHierarchy", m.useHierarchy == true),
            ]
            return fields.first(where: \.1).map { at + "memory." + $0.0 }
        case .cpu:
            guard let c = r.cpu else { return nil }
            let fields: [(String, Bool)] = [
                ("shares", nonZero(c.shares)), ("quota", nonZero(c.quota)), ("period", nonZero(c.period)),
                ("burst", c.burst != nil), ("realtimeRuntime", nonZero(c.realtimeRuntime)),
                ("realtimePeriod", nonZero(c.realtimePeriod)), ("idle", c.idle != nil),
            ]
            return fields.first(where: \.1).map { at + "cpu." + $0.0 }
        case .cpuset:
            if !(r.cpu?.cpus ?? "").isEmpty { return at + "cpu.cpus" }
            if !(r.cpu?.mems ?? "").isEmpty { return at + "cpu.mems" }
            return nil
        case .pids:
            return nonZero(r.pids?.limit) ? at + "pids.limit" : nil
        case .blkio:
            guard let b = r.blockIO else { return nil }
            let fields: [(String, Bool)] = [
                ("weight", nonZero(b.weight)), ("leafWeight", nonZero(b.leafWeight)), ("weightDevice", !b.weightDevice.isEmpty),
                ("throttleReadBpsDevice", !b.throttleReadBpsDevice.isEmpty), ("throttleWriteBpsDevice", !b.throttleWriteBpsDevice.isEmpty),
                ("throttleReadIOPSDevice", !b.throttleReadIOPSDevice.isEmpty), ("throttleWriteIOPSDevice", !b.throttleWriteIOPSDevice.isEmpty),
            ]
            return fields.first(where: \.1).map { at + "blockIO." + $0.0 }
        case .hugetlb:
            return r.hugepageLimits.isEmpty ? nil : at + "hugepageLimits"
        case .netCls:
            return nonZero(r.network?.classID) ? at + "network.classID" : nil
        case .netPrio:
            return (r.network?.priorities ?? []).isEmpty ? nil : at + "network.priorities"
        case .rdma:
            return r.rdma.isEmpty ? nil : at + "rdma"
        case .devices:
            return r.devices.isEmpty ? nil : at + "devices"
        case .cpuacct, .freezer:
            return nil
        }
    }
}

func nonZero<T: BinaryInteger>(_ value: T?) -> Bool { (value ?? 0) != 0 }
