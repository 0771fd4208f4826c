#if canImport(Glibc)
import Glibc
#endif
import ASCIIText

/// What the v1 controllers account, read as runc's fs driver reads it.
enum V1Stats {
    /// cpuacct: usage in nanoseconds, per CPU, split into user and system where the kernel
    /// has cpuacct.usage_all; cpuacct.stat's user and system are in clock ticks.
    static func cpuacct(_ files: CgroupFiles, into stats: inout CgroupStats) {
        stats.cpu.total = files.number("cpuacct.usage") ?? 0
        stats.cpu.perCPU = (files.read("cpuacct.usage_percpu") ?? "").split(separator: " ").compactMap { UInt64($0) }
        // "cpu user system" then one row per CPU.
        let rows = files.rows("cpuacct.usage_all").dropFirst().filter { $0.count == 3 }
        stats.cpu.perCPUUser = rows.compactMap { UInt64($0[1]) }
        stats.cpu.perCPUKernel = rows.compactMap { UInt64($0[2]) }
        let ticks = UInt64(max(sysconf(Int32(_SC_CLK_TCK)), 1))
        for (key, value) in files.table("cpuacct.stat") {
            if key == "user" { stats.cpu.user = value * 1_000_000_000 / ticks }
            if key == "system" { stats.cpu.kernel = value * 1_000_000_000 / ticks }
        }
    }

    /// cpu: CFS throttling.
    static func cpu(_ files: CgroupFiles, into stats: inout CgroupStats) {
        for (key, value) in files.table("cpu.stat") {
            switch key {
            case "nr_periods": stats.cpu.periods = value
            case "nr_throttled": stats.cpu.throttledPeriods = value
            case "throttled_time": stats.cpu.throttledTime = value
            default: break
            }
        }
    }

    static let cpusetFlags = ["cpu_exclusive", "mem_hardwall", "mem_exclusive", "memory_migrate", "memory_spread_page",
                              "memory_spread_slab", "memory_pressure", "sched_load_balance", "sched_relax_domain_level"]

    static func cpuset(_ files: CgroupFiles, into stats: inout CgroupStats) {
        stats.cpuset.cpus = CPUNumbers.expand(files.read("cpuset.effective_cpus") ?? files.read("cpuset.cpus") ?? "")
        stats.cpuset.mems = CPUNumbers.expand(files.read("cpuset.effective_mems") ?? files.read("cpuset.mems") ?? "")
        stats.cpuset.flags = cpusetFlags.compactMap { name in
            files.read("cpuset." + name).flatMap(Int64.init).map { (name: name, value: $0) }
        }
    }

    static func memory(_ files: CgroupFiles, into stats: inout CgroupStats) {
        for (key, value) in files.table("memory.stat") { stats.memory.raw[key] = value }
        stats.memory.cache = stats.memory.raw["cache"] ?? 0
        stats.memory.usage = entry(files, "memory")
        stats.memory.swap = entry(files, "memory.memsw")
        stats.memory.kernel = entry(files, "memory.kmem")
        stats.memory.kernelTCP = entry(files, "memory.kmem.tcp")
    }

    private static func entry(_ files: CgroupFiles, _ prefix: String) -> MemoryEntry {
        MemoryEntry(limit: files.number(prefix + ".limit_in_bytes") ?? 0, usage: files.number(prefix + ".usage_in_bytes") ?? 0,
                    max: files.number(prefix + ".max_usage_in_bytes") ?? 0, failcnt: files.number(prefix + ".failcnt") ?? 0)
    }

    static func pids(_ files: CgroupFiles, into stats: inout CgroupStats) {
        stats.pids.current = files.number("pids.current") ?? 0
        let limit = files.number("pids.max") ?? 0
        stats.pids.limit = limit == UInt64.max ? 0 : limit
    }

    /// CFQ's recursive tables where the kernel has them, BFQ's, else the throttling ones.
    static func blkio(_ files: CgroupFiles, into stats: inout CgroupStats) {
        if files.exists("blkio.io_service_bytes_recursive") {
            stats.blkio.serviceBytes = entries(files, "blkio.io_service_bytes_recursive")
            stats.blkio.serviced = entries(files, "blkio.io_serviced_recursive")
            stats.blkio.queued = entries(files, "blkio.io_queued_recursive")
            stats.blkio.serviceTime = entries(files, "blkio.io_service_time_recursive")
            stats.blkio.waitTime = entries(files, "blkio.io_wait_time_recursive")
            stats.blkio.merged = entries(files, "blkio.io_merged_recursive")
            stats.blkio.time = entries(files, "blkio.time_recursive")
            stats.blkio.sectors = entries(files, "blkio.sectors_recursive")
        } else if files.exists("blkio.bfq.io_service_bytes_recursive") {
            stats.blkio.serviceBytes = entries(files, "blkio.bfq.io_service_bytes_recursive")
            stats.blkio.serviced = entries(files, "blkio.bfq.io_serviced_recursive")
        } else {
            stats.blkio.serviceBytes = entries(files, "blkio.throttle.io_service_bytes_recursive")
            stats.blkio.serviced = entries(files, "blkio.throttle.io_serviced_recursive")
        }
    }

    /// "8:0 Read 4096" or "8:0 4096" lines; the closing "Total N" has no device.
    static func entries(_ files: CgroupFiles, _ file: String) -> [BlkioEntry] {
        files.rows(file).compactMap { row in
            guard row.count >= 2 else { return nil }
            let device = row[0].split(separator: ":")
            guard device.count == 2, let major = UInt64(device[0]), let minor = UInt64(device[1]),
                  let value = UInt64(row[row.count - 1]) else { return nil }
            return BlkioEntry(major: major, minor: minor, op: row.count == 3 ? String(row[1]) : "", value: value)
        }
    }

    static func hugetlb(_ files: CgroupFiles, into stats: inout CgroupStats) {
        for size in pageSizes(files, suffix: ".limit_in_bytes") {
            stats.hugetlb[size] = HugetlbStats(usage: files.number("hugetlb.\(size).usage_in_bytes") ?? 0,
                                               max: files.number("hugetlb.\(size).max_usage_in_bytes") ?? 0,
                                               failcnt: files.number("hugetlb.\(size).failcnt") ?? 0)
        }
    }

    /// The page sizes a hugetlb cgroup has files for: "hugetlb.2MB<suffix>" gives "2MB".
    static func pageSizes(_ files: CgroupFiles, suffix: String) -> [String] {
        files.files().compactMap { name in
            guard name.hasBytePrefix("hugetlb."), name.hasSuffix(suffix) else { return nil }
            let size = name.dropFirst("hugetlb.".count).dropLast(suffix.count)
            return size.contains(".") ? nil : String(size)
        }.sorted()
    }
}

/// "0-2,4" as the numbers it names.
enum CPUNumbers {
    static func expand(_ list: String) -> [UInt16] {
        var out: [UInt16] = []
        for part in list.split(separator: ",") {
            let bounds = part.split(separator: "-")
            guard let low = UInt16(bounds[0]) else { continue }
            let high = bounds.count == 2 ? UInt16(bounds[1]) ?? low : low
            if low <= high { out += Array(low...high) }
        }
        return out
    }
}
