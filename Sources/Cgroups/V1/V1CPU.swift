#if canImport(Glibc)
import Glibc
#endif
import Linux
import OCI
import ASCIIText

/// linux.resources.cpu on the v1 cpu controller (CFS shares, quota and period, burst, idle,
/// and realtime group scheduling).
enum V1CPU {
    static func apply(_ c: CPUResources, in files: CgroupFiles) throws(CgroupError) {
        if let shares = c.shares, shares != 0 {
            try files.write("cpu.shares", decimalString(shares), for: "linux.resources.cpu.shares")
            // The kernel clamps shares to 2...262144 without a word: say so.
            if let applied = files.number("cpu.shares"), applied != shares {
                throw CgroupError(field: "linux.resources.cpu.shares",
                                  "\(shares) is out of range: the \(applied > shares ? "minimum" : "maximum") is \(applied)")
            }
        }
        try writePair(first: ("cpu.cfs_period_us", c.period.map { decimalString($0) }, "linux.resources.cpu.period"),
                      second: ("cpu.cfs_quota_us", c.quota.map { decimalString($0) }, "linux.resources.cpu.quota"), in: files)
        if let burst = c.burst {
            try files.write("cpu.cfs_burst_us", decimalString(burst), for: "linux.resources.cpu.burst")
        }
        if let idle = c.idle {
            try files.write("cpu.idle", decimalString(idle), for: "linux.resources.cpu.idle")
        }
        try writePair(first: ("cpu.rt_period_us", c.realtimePeriod.map { decimalString($0) }, "linux.resources.cpu.realtimePeriod"),
                      second: ("cpu.rt_runtime_us", c.realtimeRuntime.map { decimalString($0) }, "linux.resources.cpu.realtimeRuntime"), in: files)
    }

    /// A period and the budget within it: the kernel checks every write against the other
    /// value and the parent's, so a new period may only fit once the new budget is in.
    /// Write the period first and, if it is refused with EINVAL while a budget comes too,
    /// again after the budget (runc's order).
    private static func writePair(first: (file: String, value: String?, field: String),
                                  second: (file: String, value: String?, field: String),
                                  in files: CgroupFiles) throws(CgroupError) {
        let period = first.value.flatMap { $0 == "0" ? nil : $0 }
        let budget = second.value.flatMap { $0 == "0" ? nil : $0 }
        var retryPeriod = false
        if let period {
            do {
                try files.writeRaw(first.file, period)
            } catch {
                guard error.errno == EINVAL, budget != nil else { throw files.failure(error, writing: period, to: first.file, for: first.field) }
                retryPeriod = true
            }
        }
        if let budget {
            do { try files.writeRaw(second.file, budget) } catch { throw files.failure(error, writing: budget, to: second.file, for: second.field) }
            if retryPeriod, let period {
                do { try files.writeRaw(first.file, period) } catch { throw files.failure(error, writing: period, to: first.file, for: first.field) }
            }
        }
    }
}

/// linux.resources.cpu.cpus and .mems on the v1 cpuset controller.
enum V1Cpuset {
    static func apply(_ c: CPUResources, in files: CgroupFiles) throws(CgroupError) {
        if let cpus = c.cpus, !cpus.isEmpty { try files.write("cpuset.cpus", cpus, for: "linux.resources.cpu.cpus") }
        if let mems = c.mems, !mems.isEmpty { try files.write("cpuset.mems", mems, for: "linux.resources.cpu.mems") }
    }
}
