import OCI

/// What a list of device rules leaves in force, computed the way the v1 devices controller
/// applies devices.allow and devices.deny writes one after the other: a default (allow or
/// deny everything) and exceptions to it. cgroup v2 has only an eBPF program per cgroup, so
/// srun computes the v1 outcome and compiles that, and the same config means the same
/// devices on both.
struct DeviceRuleSet: Equatable {
    /// Device numbers and access bits, as the eBPF context gives them.
    struct Exception: Equatable {
        /// nil for both kinds.
        var type: DeviceRuleType?
        /// nil for any.
        var major: UInt32?
        var minor: UInt32?
        var access: DeviceAccess
    }

    /// A new cgroup under an unrestricted parent allows everything.
    var defaultAllow = true
    var exceptions: [Exception] = []

    init(_ rules: [DeviceRule]) {
        for rule in rules { apply(rule) }
    }

    mutating func apply(_ rule: DeviceRule) {
        let access = DeviceAccess(rule.access ?? "rwm")
        // Any rule for type "a" resets everything, whatever its numbers, as the kernel does.
        guard let type = rule.type, type != .all else {
            defaultAllow = rule.allow
            exceptions = []
            return
        }
        func number(_ value: Int64?) -> UInt32? { value.flatMap { $0 < 0 ? nil : UInt32(truncatingIfNeeded: $0) } }
        let exception = Exception(type: type, major: number(rule.major), minor: number(rule.minor), access: access)
        if rule.allow == defaultAllow {
            remove(exception)
        } else {
            add(exception)
        }
    }

    /// An exception for the same device gains the access bits.
    private mutating func add(_ new: Exception) {
        if let i = exceptions.firstIndex(where: { $0.sameDevice(as: new) }) {
            exceptions[i].access.formUnion(new.access)
        } else {
            exceptions.append(new)
        }
    }

    /// The same device's exception loses the access bits, and goes when it has none left.
    private mutating func remove(_ old: Exception) {
        guard let i = exceptions.firstIndex(where: { $0.sameDevice(as: old) }) else { return }
        exceptions[i].access.subtract(old.access)
        if exceptions[i].access.isEmpty { exceptions.remove(at: i) }
    }

    /// The kernel's answer for one access, for tests: allowed by default unless an exception
    /// shares an access bit; denied by default unless an exception has every bit asked for.
    func allows(type: DeviceRuleType, major: UInt32, minor: UInt32, access: DeviceAccess) -> Bool {
        let matching = exceptions.filter { $0.matches(type: type, major: major, minor: minor) }
        if defaultAllow {
            return !matching.contains { !$0.access.intersection(access).isEmpty }
        }
        return matching.contains { $0.access.isSuperset(of: access) }
    }
}

extension DeviceRuleSet.Exception {
    func sameDevice(as other: Self) -> Bool {
        type == other.type && major == other.major && minor == other.minor
    }

    func matches(type: DeviceRuleType, major: UInt32, minor: UInt32) -> Bool {
        (self.type == nil || self.type == type) && (self.major ?? major) == major && (self.minor ?? minor) == minor
    }
}

/// Access bits as the eBPF device context has them (BPF_DEVCG_ACC_*).
struct DeviceAccess: OptionSet, Equatable {
    let rawValue: Int32
    static let mknod = DeviceAccess(rawValue: 1)
    static let read = DeviceAccess(rawValue: 2)
    static let write = DeviceAccess(rawValue: 4)

    init(rawValue: Int32) { self.rawValue = rawValue }

    /// From the spec's "rwm" letters.
    init(_ letters: String) {
        self = []
        if letters.contains("r") { insert(.read) }
        if letters.contains("w") { insert(.write) }
        if letters.contains("m") { insert(.mknod) }
    }
}
