/// What the v2 controllers account, in runc's v1-shaped stats: microseconds become
/// nanoseconds, swap is counted with memory, io.stat becomes the service tables.
enum V2Stats {
    static func cpu(_ files: CgroupFiles, into stats: inout CgroupStats) {
        for (key, value) in files.table("cpu.stat") {
            switch key {
            case "usage_usec": stats.cpu.total = value * 1000
            case "user_usec": stats.cpu.user = value * 1000
            case "system_usec": stats.cpu.kernel = value * 1000
            case "nr_periods": stats.cpu.periods = value
            case "nr_throttled": stats.cpu.throttledPeriods = value
            case "throttled_usec": stats.cpu.throttledTime = value * 1000
            default: break
            }
        }
    }

    static func cpuset(_ files: CgroupFiles, into stats: inout CgroupStats) {
        stats.cpuset.cpus = CPUNumbers.expand(files.read("cpuset.cpus.effective") ?? "")
        stats.cpuset.mems = CPUNumbers.expand(files.read("cpuset.mems.effective") ?? "")
    }

    static func memory(_ files: CgroupFiles, into stats: inout CgroupStats) {
        for (key, value) in files.table("memory.stat") { stats.memory.raw[key] = value }
        stats.memory.cache = stats.memory.raw["file"] ?? 0
        let usage = files.number("memory.current") ?? 0
        let limit = files.number("memory.max") ?? 0
        stats.memory.usage = MemoryEntry(limit: limit, usage: usage, max: files.number("memory.peak") ?? 0,
                                         failcnt: files.value("max", in: "memory.events") ?? 0)
        guard let swapUsage = files.number("memory.swap.current") else { return }
        let swapLimit = files.number("memory.swap.max") ?? UInt64.max
        stats.memory.swap = MemoryEntry(
            limit: swapLimit == UInt64.max || limit == UInt64.max ? UInt64.max : swapLimit + limit,
            usage: swapUsage + usage, max: 0, failcnt: files.value("max", in: "memory.swap.events") ?? 0)
    }

    static func pids(_ files: CgroupFiles, into stats: inout CgroupStats) {
        V1Stats.pids(files, into: &stats)
    }

    /// "8:0 rbytes=N wbytes=N rios=N wios=N dbytes=N dios=N" per device.
    static func io(_ files: CgroupFiles, into stats: inout CgroupStats) {
        for row in files.rows("io.stat") {
            let device = row.first?.split(separator: ":") ?? []
            guard device.count == 2, let major = UInt64(device[0]), let minor = UInt64(device[1]) else { continue }
            for item in row.dropFirst() {
                let pair = item.split(separator: "=")
                guard pair.count == 2, let value = UInt64(pair[1]) else { continue }
                let entry = { (op: String) in BlkioEntry(major: major, minor: minor, op: op, value: value) }
                switch pair[0] {
                case "rbytes": stats.blkio.serviceBytes.append(entry("Read"))
                case "wbytes": stats.blkio.serviceBytes.append(entry("Write"))
                case "rios": stats.blkio.serviced.append(entry("Read"))
                case "wios": stats.blkio.serviced.append(entry("Write"))
                default: break
                }
            }
        }
    }

    static func hugetlb(_ files: CgroupFiles, into stats: inout CgroupStats) {
        for size in V1Stats.pageSizes(files, suffix: ".max") {
            stats.hugetlb[size] = HugetlbStats(usage: files.number("hugetlb.\(size).current") ?? 0, max: 0,
                                               failcnt: files.value("max", in: "hugetlb.\(size).events") ?? 0)
        }
    }
}
