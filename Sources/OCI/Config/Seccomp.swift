/// `linux.seccomp`: the syscall filter.
public struct Seccomp: Equatable, Sendable {
    public var defaultAction: SeccompAction
    public var defaultErrnoRet: UInt32?
    public var architectures: [SeccompArch] = []
    public var flags: [SeccompFlag] = []
    public var listenerPath: String?
    public var listenerMetadata: String?
    public var syscalls: [SyscallRule] = []

    public init(defaultAction: SeccompAction) {
        self.defaultAction = defaultAction
    }
}

extension Seccomp: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        defaultAction = try o.required("defaultAction")
        defaultErrnoRet = try o.optional("defaultErrnoRet")
        architectures = try o.optional("architectures")
        flags = try o.optional("flags")
        listenerPath = try o.optional("listenerPath")
        listenerMetadata = try o.optional("listenerMetadata")
        syscalls = try o.optional("syscalls")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("defaultAction", defaultAction)
        o.set("defaultErrnoRet", defaultErrnoRet)
        o.setNonEmpty("architectures", architectures)
        o.setNonEmpty("flags", flags)
        o.set("listenerPath", listenerPath)
        o.set("listenerMetadata", listenerMetadata)
        o.setNonEmpty("syscalls", syscalls)
        return o.json
    }
}

/// Syscall names stay strings: profiles list syscalls that only newer kernels have.
public struct SyscallRule: Equatable, Sendable {
    public var names: [String]
    public var action: SeccompAction
    public var errnoRet: UInt32?
    public var args: [SeccompArg] = []

    public init(names: [String], action: SeccompAction) {
        self.names = names
        self.action = action
    }
}

extension SyscallRule: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        names = try o.required("names")
        action = try o.required("action")
        errnoRet = try o.optional("errnoRet")
        args = try o.optional("args")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("names", names)
        o.set("action", action)
        o.set("errnoRet", errnoRet)
        o.setNonEmpty("args", args)
        return o.json
    }
}

public struct SeccompArg: Equatable, Sendable {
    public var index: UInt
    public var value: UInt64
    public var valueTwo: UInt64?
    public var op: SeccompOperator
}

extension SeccompArg: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        index = try o.required("index")
        value = try o.required("value")
        valueTwo = try o.optional("valueTwo")
        op = try o.required("op")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("index", index)
        o.set("value", value)
        o.set("valueTwo", valueTwo)
        o.set("op", op)
        return o.json
    }
}

public enum SeccompAction: String, JSONEnum {
    case kill = "SCMP_ACT_KILL", killProcess = "SCMP_ACT_KILL_PROCESS", killThread = "SCMP_ACT_KILL_THREAD"
    case trap = "SCMP_ACT_TRAP", errno = "SCMP_ACT_ERRNO", trace = "SCMP_ACT_TRACE"
    case allow = "SCMP_ACT_ALLOW", log = "SCMP_ACT_LOG", notify = "SCMP_ACT_NOTIFY"
    public static let noun = "seccomp action"
}

public enum SeccompArch: String, JSONEnum {
    case x86 = "SCMP_ARCH_X86", x86_64 = "SCMP_ARCH_X86_64", x32 = "SCMP_ARCH_X32"
    case arm = "SCMP_ARCH_ARM", aarch64 = "SCMP_ARCH_AARCH64"
    case mips = "SCMP_ARCH_MIPS", mips64 = "SCMP_ARCH_MIPS64", mips64n32 = "SCMP_ARCH_MIPS64N32"
    case mipsel = "SCMP_ARCH_MIPSEL", mipsel64 = "SCMP_ARCH_MIPSEL64", mipsel64n32 = "SCMP_ARCH_MIPSEL64N32"
    case ppc = "SCMP_ARCH_PPC", ppc64 = "SCMP_ARCH_PPC64", ppc64le = "SCMP_ARCH_PPC64LE"
    case s390 = "SCMP_ARCH_S390", s390x = "SCMP_ARCH_S390X"
    case parisc = "SCMP_ARCH_PARISC", parisc64 = "SCMP_ARCH_PARISC64"
    case riscv64 = "SCMP_ARCH_RISCV64", loongarch64 = "SCMP_ARCH_LOONGARCH64"
    case m68k = "SCMP_ARCH_M68K", sh = "SCMP_ARCH_SH", sheb = "SCMP_ARCH_SHEB"
    public static let noun = "seccomp architecture"
}

public enum SeccompFlag: String, JSONEnum {
    case tsync = "SECCOMP_FILTER_FLAG_TSYNC", log = "SECCOMP_FILTER_FLAG_LOG"
    case specAllow = "SECCOMP_FILTER_FLAG_SPEC_ALLOW"
    case waitKillableRecv = "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"
    public static let noun = "seccomp flag"
}

public enum SeccompOperator: String, JSONEnum {
    case notEqual = "SCMP_CMP_NE", lessThan = "SCMP_CMP_LT", lessOrEqual = "SCMP_CMP_LE"
    case equal = "SCMP_CMP_EQ", greaterOrEqual = "SCMP_CMP_GE", greaterThan = "SCMP_CMP_GT"
    case maskedEqual = "SCMP_CMP_MASKED_EQ"
    public static let noun = "seccomp operator"
}
