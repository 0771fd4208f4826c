import CShim
import Linux
import OCI

/// linux.seccomp compiled by `create` into the BPF program the init loads last, just before
/// exec, with the filter flags to load it with.
struct SeccompProgram: Sendable {
    let bytes: [UInt8]
    /// SECCOMP_FILTER_FLAG_* bits.
    let flags: UInt32
    /// A rule uses SCMP_ACT_NOTIFY: the load returns a listener fd for listenerPath.
    let notifies: Bool
}

enum SeccompProfile {
    static let path = JSONPath.root.key("linux").key("seccomp")

    static func compile(_ seccomp: Seccomp, log: Logger) throws -> SeccompProgram {
        let defaultAction = try action(seccomp.defaultAction, errno: seccomp.defaultErrnoRet, at: path.key("defaultErrnoRet"))
        let filter = try SeccompFilter(defaultAction: defaultAction)
        for (i, architecture) in seccomp.architectures.enumerated() {
            guard let token = SeccompFilter.architecture(named: libseccompName(architecture)) else {
                throw ConfigError(path.key("architectures").index(i),
                                  "\(architecture.rawValue) is not supported by libseccomp \(Version.libseccomp)")
            }
            try filter.add(architecture: token)
        }
        var notifies = seccomp.defaultAction == .notify
        for (i, rule) in seccomp.syscalls.enumerated() {
            let at = path.key("syscalls").index(i)
            let ruleAction = try action(rule.action, errno: rule.errnoRet, at: at.key("errnoRet"))
            notifies = notifies || rule.action == .notify
            let conditions = rule.args.map(condition)
            // libseccomp ANDs the comparisons of one rule and refuses two on one argument;
            // the spec means either of them then, which is one rule per comparison (as runc).
            let indexes = Set(rule.args.map({ $0.index }))
            let ruleSets = indexes.count < rule.args.count ? conditions.map { [$0] } : [conditions]
            for name in rule.names {
                guard let number = SeccompFilter.syscall(named: name) else {
                    // Profiles list syscalls that newer kernels and libseccomps have.
                    log.debug("seccomp: syscall \(name) unknown to libseccomp \(Version.libseccomp); skipped")
                    continue
                }
                for conditions in ruleSets {
                    if try !filter.add(action: ruleAction, syscall: number, conditions: conditions) {
                        log.debug("seccomp: rule for \(name) has the default action; skipped")
                    }
                }
            }
        }
        return SeccompProgram(bytes: try filter.program(), flags: try loadFlags(seccomp, notifies: notifies), notifies: notifies)
    }

    /// The kernel's SECCOMP_RET_* value of an action; ERRNO and TRACE carry errnoRet (EPERM by default).
    static func action(_ action: SeccompAction, errno: UInt32?, at path: JSONPath) throws(ConfigError) -> UInt32 {
        // Validation allowed errnoRet only on these two; the kernel keeps 16 bits of it.
        let data = errno ?? 1
        guard data <= 0xffff else { throw ConfigError(path, "errnoRet \(data) is out of range (at most 65535)") }
        switch action {
        case .kill, .killThread: return 0x0000_0000
        case .killProcess: return 0x8000_0000
        case .trap: return 0x0003_0000
        case .errno: return 0x0005_0000 | data
        case .trace: return 0x7ff0_0000 | data
        case .log: return 0x7ffc_0000
        case .allow: return 0x7fff_0000
        case .notify: return 0x7fc0_0000
        }
    }

    static func condition(_ arg: SeccompArg) -> SeccompFilter.Condition {
        let op: UInt32
        switch arg.op {
        case .notEqual: op = 1
        case .lessThan: op = 2
        case .lessOrEqual: op = 3
        case .equal: op = 4
        case .greaterOrEqual: op = 5
        case .greaterThan: op = 6
        case .maskedEqual: op = 7
        }
        // MASKED_EQ: value is the mask, valueTwo what the masked argument must equal.
        return SeccompFilter.Condition(index: UInt32(arg.index), op: op, datumA: arg.value, datumB: arg.valueTwo ?? 0)
    }

    /// SCMP_ARCH_X86_64 -> "x86_64", the name libseccomp resolves.
    static func libseccompName(_ architecture: SeccompArch) -> String {
        String(architecture.rawValue.dropFirst("SCMP_ARCH_".count)).lowercased()
    }

    private static func loadFlags(_ seccomp: Seccomp, notifies: Bool) throws(ConfigError) -> UInt32 {
        var flags: UInt32 = notifies ? UInt32(SRUN_SECCOMP_FILTER_FLAG_NEW_LISTENER) : 0
        for (i, flag) in seccomp.flags.enumerated() {
            let bit = flagBit(flag)
            guard srun_seccomp_flag_supported(bit) != 0 else {
                throw ConfigError(path.key("flags").index(i), "\(flag.rawValue) is not supported by this kernel")
            }
            switch flag {
            // A listener and TSYNC only go together with TSYNC_ESRCH (the init has one thread anyway).
            case .tsync where notifies: flags |= bit | UInt32(SRUN_SECCOMP_FILTER_FLAG_TSYNC_ESRCH)
            // Only meaningful with a listener; the kernel refuses it without one.
            case .waitKillableRecv where !notifies: continue
            default: flags |= bit
            }
        }
        return flags
    }

    static func flagBit(_ flag: SeccompFlag) -> UInt32 {
        switch flag {
        case .tsync: return UInt32(SRUN_SECCOMP_FILTER_FLAG_TSYNC)
        case .log: return UInt32(SRUN_SECCOMP_FILTER_FLAG_LOG)
        case .specAllow: return UInt32(SRUN_SECCOMP_FILTER_FLAG_SPEC_ALLOW)
        case .waitKillableRecv: return UInt32(SRUN_SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV)
        }
    }
}
