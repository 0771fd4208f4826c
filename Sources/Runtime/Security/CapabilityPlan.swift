import Linux
import OCI

/// process.capabilities as kernel numbers, checked against this host before the clone.
struct CapabilityPlan: Equatable, Sendable {
    var bounding: CapabilitySet
    var effective: CapabilitySet
    var permitted: CapabilitySet
    /// Empty unless the config sets it: an inherited set would let file capabilities of any
    /// program in the image grant more than the config asked (CVE-2022-29162).
    var inheritable: CapabilitySet
    var ambient: CapabilitySet

    /// nil when the config has no capabilities object: then srun changes none, as runc.
    /// A capability this kernel does not know is dropped with a warning (the spec's SHOULD);
    /// one the kernel knows but srun's own bounding set lacks cannot be granted: an error.
    static func make(_ capabilities: Capabilities?, warn: (String) -> Void) throws(ConfigError) -> CapabilityPlan? {
        guard let capabilities else { return nil }
        let last = CapabilityState.lastCapability
        let path = JSONPath.root.key("process").key("capabilities")
        func numbers(_ list: [Capability], _ set: String) throws(ConfigError) -> CapabilitySet {
            var result: CapabilitySet = []
            for (i, capability) in list.enumerated() {
                guard capability.number <= last else {
                    warn("\(path.key(set).index(i)): \(capability.rawValue) is not known to this kernel; ignored")
                    continue
                }
                guard CapabilityState.inBoundingSet(capability.number) else {
                    throw ConfigError(path.key(set).index(i),
                                      "\(capability.rawValue) is not in this host's bounding set, so no container can have it")
                }
                result.insert(capability.number)
            }
            return result
        }
        let permitted = try numbers(capabilities.permitted, "permitted")
        let inheritable = try numbers(capabilities.inheritable, "inheritable")
        // The kernel keeps an ambient capability only while it is permitted and inheritable;
        // runc's own default config lists ambient ones without inheritable, and runc goes on
        // without them, so srun does too.
        return CapabilityPlan(
            bounding: try numbers(capabilities.bounding, "bounding"),
            effective: try numbers(capabilities.effective, "effective"),
            permitted: permitted,
            inheritable: inheritable,
            ambient: try numbers(capabilities.ambient, "ambient").intersection(permitted).intersection(inheritable))
    }
}

extension CapabilityPlan {
    /// Before the switch to the container's user: the bounding set, and keep-caps so that the
    /// permitted set survives a switch away from uid 0.
    func prepareUserSwitch() throws(SystemError) {
        try CapabilityState.limitBoundingSet(to: bounding)
        try CapabilityState.keepAcrossUserSwitch(true)
    }

    /// After the switch: the config's sets, plus `extra` in effective and permitted until
    /// `finish` (CAP_SYS_ADMIN, which loading a seccomp filter without no_new_privs needs).
    func apply(keeping extra: CapabilitySet) throws(SystemError) {
        try CapabilityState.keepAcrossUserSwitch(false)
        try CapabilityState.set(effective: effective.union(extra), permitted: permitted.union(extra), inheritable: inheritable)
        try CapabilityState.setAmbient(ambient)
    }

    /// Drops what `apply` kept beyond the config's sets.
    func finish(dropping extra: CapabilitySet) throws(SystemError) {
        guard !extra.isEmpty else { return }
        try CapabilityState.set(effective: effective, permitted: permitted, inheritable: inheritable)
    }
}
