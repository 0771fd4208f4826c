import OCI
import ASCIIText

/// linux.resources.memory on the v1 memory controller. Values are bytes, -1 is unlimited;
/// swap is memory+swap (memory.memsw.limit_in_bytes), as the spec defines it for v1.
enum V1Memory {
    static let limitFile = "memory.limit_in_bytes"
    static let swapFile = "memory.memsw.limit_in_bytes"

    static func apply(_ m: MemoryResources, in files: CgroupFiles, updating: Bool) throws(CgroupError) {
        let limit = m.limit ?? 0
        var swap = m.swap ?? 0
        if updating, m.checkBeforeUpdate == true { try checkUsage(limit: limit, swap: swap, in: files) }
        // No memory limit means no memory+swap limit either, where swap is accounted.
        if limit == -1 && swap == 0 && files.exists(swapFile) { swap = -1 }
        // The kernel wants memory <= memory+swap after every write: raise memsw first when the
        // new memsw is above the current limit, else lower the limit first.
        if limit != 0 && swap != 0 {
            let current = try files.requiredNumber(limitFile, for: "linux.resources.memory.limit")
            if swap == -1 || current < UInt64(swap) {
                try setSwap(swap, files)
                try setLimit(limit, files)
            } else {
                try setLimit(limit, files)
                try setSwap(swap, files)
            }
        } else {
            if limit != 0 { try setLimit(limit, files) }
            if swap != 0 { try setSwap(swap, files) }
        }
        if let reservation = m.reservation, reservation != 0 {
            try files.write("memory.soft_limit_in_bytes", decimalString(reservation), for: "linux.resources.memory.reservation")
        }
        // Kernels since 5.16 accept and ignore a kernel memory limit (it is part of memory.limit_in_bytes).
        if let kernel = m.kernel, kernel != 0 {
            try files.write("memory.kmem.limit_in_bytes", decimalString(kernel), for: "linux.resources.memory.kernel")
        }
        if let kernelTCP = m.kernelTCP, kernelTCP != 0 {
            try files.write("memory.kmem.tcp.limit_in_bytes", decimalString(kernelTCP), for: "linux.resources.memory.kernelTCP")
        }
        if let swappiness = m.swappiness {
            try files.write("memory.swappiness", decimalString(swappiness), for: "linux.resources.memory.swappiness")
        }
        if m.disableOOMKiller == true {
            try files.write("memory.oom_control", "1", for: "linux.resources.memory.disableOOMKiller")
        }
        if m.useHierarchy == true {
            try files.write("memory.use_hierarchy", "1", for: "linux.resources.memory.useHierarchy")
        }
    }

    private static func setLimit(_ limit: Int64, _ files: CgroupFiles) throws(CgroupError) {
        do {
            try files.write(limitFile, decimalString(limit), for: "linux.resources.memory.limit")
        } catch {
            // EBUSY: the new limit is below what the cgroup uses now.
            guard let usage = files.number("memory.usage_in_bytes"), limit > 0, usage > UInt64(limit) else { throw error }
            throw CgroupError(field: "linux.resources.memory.limit",
                              "cannot set the memory limit to \(limit): the container uses \(usage) bytes now (peak \(files.number("memory.max_usage_in_bytes") ?? usage))")
        }
    }

    private static func setSwap(_ swap: Int64, _ files: CgroupFiles) throws(CgroupError) {
        guard files.exists(swapFile) else {
            throw CgroupError(field: "linux.resources.memory.swap", "\(files.path(swapFile)) does not exist: this kernel does not account swap (swapaccount=0?)")
        }
        try files.write(swapFile, decimalString(swap), for: "linux.resources.memory.swap")
    }

    /// checkBeforeUpdate: refuse a limit at or below what the container uses now, rather
    /// than have the kernel reclaim or OOM-kill to meet it.
    static func checkUsage(limit: Int64, swap: Int64, in files: CgroupFiles, usageFile: String = "memory.usage_in_bytes") throws(CgroupError) {
        guard limit > 0 || swap > 0 else { return }
        let usage = try files.requiredNumber(usageFile, for: "linux.resources.memory.checkBeforeUpdate")
        if swap > 0, UInt64(swap) <= usage {
            throw CgroupError(field: "linux.resources.memory.swap", "rejecting memory+swap limit \(swap): the container uses \(usage) bytes (checkBeforeUpdate)")
        }
        if limit > 0, UInt64(limit) <= usage {
            throw CgroupError(field: "linux.resources.memory.limit", "rejecting memory limit \(limit): the container uses \(usage) bytes (checkBeforeUpdate)")
        }
    }
}
