#if canImport(Glibc)
import Glibc
#endif
import Linux
import OCI

/// Capabilities and the seccomp filter, in the one order that lets every step still be made:
/// the bounding set before the switch to the container's user, the other sets after it, the
/// filter last of all, just before exec, so that it never blocks a call srun itself makes.
struct PrivilegeSetup {
    private let c: InitContext
    private let plan: CapabilityPlan?
    /// Loading a filter without no_new_privs needs CAP_SYS_ADMIN: kept until then if the
    /// config does not grant it anyway.
    private let heldForSeccomp: CapabilitySet

    init(_ c: InitContext) {
        self.c = c
        let needsAdmin = c.seccomp != nil && c.process.noNewPrivileges != true
        let admin = Capability.sysAdmin.number
        var plan = c.capabilities
        if plan == nil, needsAdmin, c.process.user.uid != 0 {
            // No capabilities object: a non-root process ends with none, but must hold
            // CAP_SYS_ADMIN across the switch to load the filter.
            plan = CapabilityPlan(bounding: CapabilitySet(0...CapabilityState.lastCapability), effective: [], permitted: [],
                                  inheritable: [], ambient: [])
        }
        self.plan = plan
        // No plan: root keeps every capability anyway.
        let grantsAdmin = plan.map { $0.effective.contains(admin) && $0.permitted.contains(admin) } ?? true
        self.heldForSeccomp = needsAdmin && !grantsAdmin ? [admin] : []
    }

    func beforeUserSwitch() throws(SystemError) {
        try plan?.prepareUserSwitch()
    }

    func afterUserSwitch() throws(SystemError) {
        try plan?.apply(keeping: heldForSeccomp)
    }

    /// The last step before exec: the filter, its notify fd to the listener, then whatever
    /// was held only for loading it is dropped.
    func loadSeccomp(listenerMessage: String) throws(SystemError) {
        guard let program = c.seccomp else { return }
        let fd = try SeccompFilter.load(program.bytes, flags: program.flags)
        if program.notifies, let socket = c.seccompListener {
            defer { close(fd) }
            try SeccompListener.send(listenerMessage, notifyFD: fd, over: socket)
        }
        try plan?.finish(dropping: heldForSeccomp)
    }
}
