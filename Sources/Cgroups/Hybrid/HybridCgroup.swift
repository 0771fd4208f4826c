import OCI

/// A container's cgroup on a hybrid host: v1 hierarchies for most controllers and a cgroup2
/// mount (often /sys/fs/cgroup/unified) that the container joins too. Each controller is
/// used where it is: v1 when a hierarchy has it mounted, else v2 (this machine's hugetlb);
/// unified files go to the v2 directory.
public struct HybridCgroup: CgroupDriver {
    public let v1: V1Cgroup
    public let v2: V2Cgroup

    public init(v1: V1Cgroup, v2: V2Cgroup) {
        self.v1 = v1
        self.v2 = v2
    }

    private func owner(_ controller: Controller) -> (any CgroupDriver)? {
        if v1.has(controller) { return v1 }
        if v2.has(controller) { return v2 }
        return nil
    }

    public func whyMissing(_ controller: Controller) -> String {
        "no cgroup v1 hierarchy has it mounted, and " + v2.whyMissing(controller)
    }

    /// Only the controllers that must come from v2 are turned on there.
    public func prepare(for resources: Resources) throws(CgroupError) {
        var needed: [(name: String, field: String)] = []
        for controller in Controller.writeOrder where !v1.has(controller) {
            if let name = controller.v2Name, let field = controller.firstSetField(in: resources) { needed.append((name, field)) }
        }
        try v2.enable(needed, all: false)
    }

    public func has(_ controller: Controller) -> Bool { owner(controller) != nil }

    public func apply(_ controller: Controller, _ resources: Resources, updating: Bool) throws(CgroupError) {
        try owner(controller)?.apply(controller, resources, updating: updating)
    }

    public func applyUnified(_ files: [String: String]) throws(CgroupError) { try v2.applyUnified(files) }

    public func applyDevices(_ rules: [DeviceRule]) throws(CgroupError) {
        try (v1.has(.devices) ? v1 : v2 as any CgroupDriver).applyDevices(rules)
    }

    public func setFrozen(_ frozen: Bool) throws(CgroupError) {
        try (v1.has(.freezer) ? v1 : v2 as any CgroupDriver).setFrozen(frozen)
    }

    public func isFrozen() -> Bool { v1.has(.freezer) ? v1.isFrozen() : v2.isFrozen() }

    public func collect(_ controller: Controller, into stats: inout CgroupStats) {
        // v1 splits CPU accounting between cpu and cpuacct; v2's cpu.stat has both.
        if controller == .cpuacct, !v1.has(.cpuacct) { return }
        if let owner = owner(controller) { owner.collect(controller, into: &stats) }
    }

    public func watchOOM() throws(CgroupError) -> OOMWatch {
        try (v1.has(.memory) ? v1 : v2 as any CgroupDriver).watchOOM()
    }
}
