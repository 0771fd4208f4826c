import OCI
import ASCIIText

/// linux.resources.cpu on the v2 cpu controller: cpu.weight (from shares), cpu.max (quota and
/// period together), cpu.max.burst, cpu.idle. v2 has no realtime group scheduling.
enum V2CPU {
    static func apply(_ c: CPUResources, in files: CgroupFiles) throws(CgroupError) {
        if let shares = c.shares, shares != 0 {
            try files.write("cpu.weight", decimalString(V2Conversions.cpuWeight(shares: shares)), for: "linux.resources.cpu.shares")
        }
        let quota = c.quota ?? 0
        let period = c.period ?? 0
        if quota != 0 || period != 0 {
            try files.write("cpu.max", V2Conversions.cpuMax(quota: quota, period: period), for: quota != 0 ? "linux.resources.cpu.quota" : "linux.resources.cpu.period")
        }
        // After cpu.max: a burst may not exceed the quota.
        if let burst = c.burst {
            try files.write("cpu.max.burst", decimalString(burst), for: "linux.resources.cpu.burst")
        }
        if let idle = c.idle {
            try files.write("cpu.idle", decimalString(idle), for: "linux.resources.cpu.idle")
        }
        for (name, value) in [("realtimeRuntime", c.realtimeRuntime ?? 0), ("realtimePeriod", Int64(truncatingIfNeeded: c.realtimePeriod ?? 0))] where value != 0 {
            throw CgroupError(field: "linux.resources.cpu.\(name)", "cgroup v2 has no realtime group scheduling")
        }
    }
}

/// linux.resources.cpu.cpus and .mems on the v2 cpuset controller.
enum V2Cpuset {
    static func apply(_ c: CPUResources, in files: CgroupFiles) throws(CgroupError) {
        if let cpus = c.cpus, !cpus.isEmpty { try files.write("cpuset.cpus", cpus, for: "linux.resources.cpu.cpus") }
        if let mems = c.mems, !mems.isEmpty { try files.write("cpuset.mems", mems, for: "linux.resources.cpu.mems") }
    }
}
