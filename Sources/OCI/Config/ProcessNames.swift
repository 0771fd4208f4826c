/// Linux capabilities, in kernel number order (the raw value is the spec's name).
public enum Capability: String, JSONEnum {
    case chown = "CAP_CHOWN", dacOverride = "CAP_DAC_OVERRIDE", dacReadSearch = "CAP_DAC_READ_SEARCH"
    case fowner = "CAP_FOWNER", fsetid = "CAP_FSETID", kill = "CAP_KILL", setgid = "CAP_SETGID"
    case setuid = "CAP_SETUID", setpcap = "CAP_SETPCAP", linuxImmutable = "CAP_LINUX_IMMUTABLE"
    case netBindService = "CAP_NET_BIND_SERVICE", netBroadcast = "CAP_NET_BROADCAST"
    case netAdmin = "CAP_NET_ADMIN", netRaw = "CAP_NET_RAW", ipcLock = "CAP_IPC_LOCK"
    case ipcOwner = "CAP_IPC_OWNER", sysModule = "CAP_SYS_MODULE", sysRawio = "CAP_SYS_RAWIO"
    case sysChroot = "CAP_SYS_CHROOT", sysPtrace = "CAP_SYS_PTRACE", sysPacct = "CAP_SYS_PACCT"
    case sysAdmin = "CAP_SYS_ADMIN", sysBoot = "CAP_SYS_BOOT", sysNice = "CAP_SYS_NICE"
    case sysResource = "CAP_SYS_RESOURCE", sysTime = "CAP_SYS_TIME", sysTtyConfig = "CAP_SYS_TTY_CONFIG"
    case mknod = "CAP_MKNOD", lease = "CAP_LEASE", auditWrite = "CAP_AUDIT_WRITE"
    case auditControl = "CAP_AUDIT_CONTROL", setfcap = "CAP_SETFCAP", macOverride = "CAP_MAC_OVERRIDE"
    case macAdmin = "CAP_MAC_ADMIN", syslog = "CAP_SYSLOG", wakeAlarm = "CAP_WAKE_ALARM"
    case blockSuspend = "CAP_BLOCK_SUSPEND", auditRead = "CAP_AUDIT_READ", perfmon = "CAP_PERFMON"
    case bpf = "CAP_BPF", checkpointRestore = "CAP_CHECKPOINT_RESTORE"

    public static let noun = "capability"

    /// The kernel's number for this capability.
    public var number: Int { Capability.allCases.firstIndex(of: self)! }
}

public enum RlimitType: String, JSONEnum {
    case cpu = "RLIMIT_CPU", fsize = "RLIMIT_FSIZE", data = "RLIMIT_DATA", stack = "RLIMIT_STACK"
    case core = "RLIMIT_CORE", rss = "RLIMIT_RSS", nproc = "RLIMIT_NPROC", nofile = "RLIMIT_NOFILE"
    case memlock = "RLIMIT_MEMLOCK", addressSpace = "RLIMIT_AS", locks = "RLIMIT_LOCKS"
    case sigpending = "RLIMIT_SIGPENDING", msgqueue = "RLIMIT_MSGQUEUE", nice = "RLIMIT_NICE"
    case rtprio = "RLIMIT_RTPRIO", rttime = "RLIMIT_RTTIME"

    public static let noun = "rlimit type"

    /// The kernel's resource number (RLIMIT_CPU is 0, in this declaration order).
    public var resource: Int32 { Int32(RlimitType.allCases.firstIndex(of: self)!) }
}

public enum IOPriorityClass: String, JSONEnum {
    case realtime = "IOPRIO_CLASS_RT", bestEffort = "IOPRIO_CLASS_BE", idle = "IOPRIO_CLASS_IDLE"
    public static let noun = "I/O priority class"
}

public enum SchedulerPolicy: String, JSONEnum {
    case other = "SCHED_OTHER", fifo = "SCHED_FIFO", roundRobin = "SCHED_RR", batch = "SCHED_BATCH"
    case iso = "SCHED_ISO", idle = "SCHED_IDLE", deadline = "SCHED_DEADLINE"
    public static let noun = "scheduler policy"
}

public enum SchedulerFlag: String, JSONEnum {
    case resetOnFork = "SCHED_FLAG_RESET_ON_FORK", reclaim = "SCHED_FLAG_RECLAIM"
    case dlOverrun = "SCHED_FLAG_DL_OVERRUN", keepPolicy = "SCHED_FLAG_KEEP_POLICY"
    case keepParams = "SCHED_FLAG_KEEP_PARAMS", utilClampMin = "SCHED_FLAG_UTIL_CLAMP_MIN"
    case utilClampMax = "SCHED_FLAG_UTIL_CLAMP_MAX"
    public static let noun = "scheduler flag"
}
