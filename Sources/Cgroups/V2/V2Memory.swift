import OCI

/// linux.resources.memory on the v2 memory controller: memory.max, memory.swap.max (swap
/// alone, converted from the spec's memory+swap), memory.low for the reservation.
enum V2Memory {
    static func apply(_ m: MemoryResources, in files: CgroupFiles, updating: Bool) throws(CgroupError) {
        let limit = m.limit ?? 0
        if updating, m.checkBeforeUpdate == true {
            try V1Memory.checkUsage(limit: limit, swap: m.swap ?? 0, in: files, usageFile: "memory.current")
        }
        if let swap = try V2Conversions.swapMax(memorySwap: m.swap ?? 0, memory: limit) {
            try files.write("memory.swap.max", V2Conversions.limit(swap), for: "linux.resources.memory.swap")
        }
        if limit != 0 {
            try files.write("memory.max", V2Conversions.limit(limit), for: "linux.resources.memory.limit")
        }
        if let reservation = m.reservation, reservation != 0 {
            try files.write("memory.low", V2Conversions.limit(reservation), for: "linux.resources.memory.reservation")
        }
        // kernel and kernelTCP: v2 counts kernel memory in memory.max and has no separate
        // limit; runc ignores them there too. useHierarchy: v2 is always hierarchical.
        if m.swappiness != nil {
            throw CgroupError(field: "linux.resources.memory.swappiness", "cgroup v2 has no per-cgroup swappiness")
        }
        if m.disableOOMKiller == true {
            throw CgroupError(field: "linux.resources.memory.disableOOMKiller", "cgroup v2 cannot turn the OOM killer off for a cgroup")
        }
    }
}
