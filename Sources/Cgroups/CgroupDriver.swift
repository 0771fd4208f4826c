import OCI

/// One container cgroup on one layout (v1, v2, or hybrid): what create, update, pause,
/// resume, events and delete ask of it. Each driver takes the directories it works on, so
/// that tests can point it at a fake tree.
public protocol CgroupDriver: Sendable {
    /// Why `controller` is missing, for an error: "no cgroup v1 hierarchy has it mounted".
    func whyMissing(_ controller: Controller) -> String
    /// Makes the controllers `resources` need usable in the container's cgroup (v2: turns
    /// them on in the parents' cgroup.subtree_control). Called once, when the cgroup is new.
    func prepare(for resources: Resources) throws(CgroupError)
    func has(_ controller: Controller) -> Bool
    /// Writes what `controller` carries out of `resources`. `updating`: the container runs
    /// (checkBeforeUpdate applies, and limits may have to be written in another order).
    func apply(_ controller: Controller, _ resources: Resources, updating: Bool) throws(CgroupError)
    /// linux.resources.unified: cgroup v2 files by name.
    func applyUnified(_ files: [String: String]) throws(CgroupError)
    /// The device rules, in the config's order (v1 devices.allow/deny, v2 an eBPF program).
    func applyDevices(_ rules: [DeviceRule]) throws(CgroupError)
    func setFrozen(_ frozen: Bool) throws(CgroupError)
    func isFrozen() -> Bool
    /// Adds what `controller` accounts to `stats`; a file that cannot be read leaves its value
    /// out, and a controller the layout lacks adds nothing.
    func collect(_ controller: Controller, into stats: inout CgroupStats)
    /// A descriptor that becomes readable when the kernel OOM-kills in the cgroup.
    func watchOOM() throws(CgroupError) -> OOMWatch
}

extension CgroupDriver {
    /// Every resource but the devices, controller by controller; a set field whose controller
    /// is missing is an error naming the field and the controller.
    public func apply(_ resources: Resources, updating: Bool) throws(CgroupError) {
        for controller in Controller.writeOrder {
            guard let field = controller.firstSetField(in: resources) else { continue }
            guard has(controller) else { throw CgroupError(field: field, "needs the \(controller.rawValue) cgroup controller: \(whyMissing(controller))") }
            try apply(controller, resources, updating: updating)
        }
        if !resources.unified.isEmpty { try applyUnified(resources.unified) }
    }

    public func stats() -> CgroupStats {
        var stats = CgroupStats()
        for controller in [Controller.cpu, .cpuacct, .cpuset, .memory, .pids, .blkio, .hugetlb] {
            collect(controller, into: &stats)
        }
        return stats
    }
}
