/// What a container's cgroup accounts, shaped as runc's `events --stats` reports it
/// (runc's types/events.go), whichever layout it was read from. v2 values are converted to
/// their v1 meaning: nanoseconds of CPU, swap counted with memory.
public struct CgroupStats: Equatable, Sendable {
    public var cpu = CPUStats()
    public var cpuset = CPUSetStats()
    public var memory = MemoryStats()
    public var pids = PidsStats()
    public var blkio = BlkioStats()
    /// By page size: "2MB".
    public var hugetlb: [String: HugetlbStats] = [:]

    public init() {}
}

public struct CPUStats: Equatable, Sendable {
    /// Nanoseconds.
    public var total: UInt64 = 0
    public var perCPU: [UInt64] = []
    public var perCPUKernel: [UInt64] = []
    public var perCPUUser: [UInt64] = []
    public var kernel: UInt64 = 0
    public var user: UInt64 = 0
    public var periods: UInt64 = 0
    public var throttledPeriods: UInt64 = 0
    /// Nanoseconds.
    public var throttledTime: UInt64 = 0
}

public struct CPUSetStats: Equatable, Sendable {
    public var cpus: [UInt16] = []
    public var mems: [UInt16] = []
    /// v1's cpuset flags (cpu_exclusive, sched_load_balance, ...), by runc's names.
    public var flags: [(name: String, value: Int64)] = []

    public static func == (a: CPUSetStats, b: CPUSetStats) -> Bool {
        a.cpus == b.cpus && a.mems == b.mems && a.flags.map({ $0.name }) == b.flags.map({ $0.name }) && a.flags.map({ $0.value }) == b.flags.map({ $0.value })
    }
}

/// Usage and limit of one kind of memory, in bytes.
public struct MemoryEntry: Equatable, Sendable {
    public var limit: UInt64 = 0
    public var usage: UInt64 = 0
    public var max: UInt64 = 0
    public var failcnt: UInt64 = 0
}

public struct MemoryStats: Equatable, Sendable {
    public var cache: UInt64 = 0
    public var usage = MemoryEntry()
    /// Memory plus swap, as v1 counts it.
    public var swap = MemoryEntry()
    public var kernel = MemoryEntry()
    public var kernelTCP = MemoryEntry()
    /// memory.stat as the kernel writes it.
    public var raw: [String: UInt64] = [:]
}

public struct PidsStats: Equatable, Sendable {
    public var current: UInt64 = 0
    /// 0 when there is no limit.
    public var limit: UInt64 = 0
}

public struct BlkioEntry: Equatable, Sendable {
    public var major: UInt64
    public var minor: UInt64
    /// "Read", "Write", "Sync", "Async", "Discard", "Total".
    public var op: String
    public var value: UInt64
}

public struct BlkioStats: Equatable, Sendable {
    public var serviceBytes: [BlkioEntry] = []
    public var serviced: [BlkioEntry] = []
    public var queued: [BlkioEntry] = []
    public var serviceTime: [BlkioEntry] = []
    public var waitTime: [BlkioEntry] = []
    public var merged: [BlkioEntry] = []
    public var time: [BlkioEntry] = []
    public var sectors: [BlkioEntry] = []
}

public struct HugetlbStats: Equatable, Sendable {
    public var usage: UInt64 = 0
    public var max: UInt64 = 0
    public var failcnt: UInt64 = 0
}
