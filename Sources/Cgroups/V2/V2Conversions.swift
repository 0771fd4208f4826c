import ASCIIText

/// v1 values as cgroup v2 takes them, converted as runc converts them, so that a config
/// written for v1 (every manager's) means the same on v2.
public enum V2Conversions {
    /// cpu.shares (2...262144, default 1024) onto cpu.weight (1...10000, default 100).
    public static func cpuWeight(shares: UInt64) -> UInt64 {
        shares == 0 ? 0 : 1 + ((max(shares, 2) - 2) * 9999) / 262142
    }

    /// blkio.weight (10...1000) onto io.weight (1...10000).
    public static func ioWeight(blkioWeight: UInt16) -> UInt64 {
        blkioWeight == 0 ? 0 : 1 + (UInt64(max(blkioWeight, 10)) - 10) * 9999 / 990
    }

    /// The spec's swap (memory+swap, v1's memsw) as memory.swap.max (swap alone): nil leaves
    /// it as it is, -1 is "max". No memory limit with no swap given means no swap limit.
    public static func swapMax(memorySwap: Int64, memory: Int64) throws(CgroupError) -> Int64? {
        if memory == -1 && memorySwap == 0 { return -1 }
        if memorySwap == 0 { return nil }
        if memorySwap == -1 { return -1 }
        guard memory > 0 else {
            throw CgroupError(field: "linux.resources.memory.swap", "a memory+swap limit needs a memory limit on cgroup v2 (swap alone is memory.swap.max = swap - limit)")
        }
        guard memorySwap >= memory else {
            throw CgroupError(field: "linux.resources.memory.swap", "memory+swap limit \(memorySwap) is below the memory limit \(memory)")
        }
        return memorySwap - memory
    }

    /// cpu.max: "QUOTA PERIOD", "max PERIOD" when the quota is not positive; the kernel's
    /// default period (100000 µs) when none is given.
    public static func cpuMax(quota: Int64, period: UInt64) -> String {
        (quota > 0 ? decimalString(quota) : "max") + " " + decimalString(period == 0 ? 100_000 : period)
    }

    /// A v2 limit: -1 is "max".
    static func limit(_ value: Int64) -> String {
        value == -1 ? "max" : decimalString(value)
    }
}
