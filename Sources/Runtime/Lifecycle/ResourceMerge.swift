import OCI

/// `update` changes only what it is given: a field that is missing, zero or empty in the
/// update (docker sends every field, zero for the ones it leaves alone) keeps its value.
extension Resources {
    func updated(with new: Resources) -> Resources {
        var r = self
        if let memory = new.memory { r.memory = (r.memory ?? MemoryResources()).updated(with: memory) }
        if let cpu = new.cpu { r.cpu = (r.cpu ?? CPUResources()).updated(with: cpu) }
        if let limit = new.pids?.limit, limit != 0 { r.pids = PidsResources(limit: limit) }
        if let blockIO = new.blockIO { r.blockIO = (r.blockIO ?? BlockIO()).updated(with: blockIO) }
        for limit in new.hugepageLimits {
            r.hugepageLimits.removeAll { $0.pageSize == limit.pageSize }
            r.hugepageLimits.append(limit)
        }
        if let network = new.network {
            var merged = r.network ?? NetworkResources()
            if let classID = network.classID, classID != 0 { merged.classID = classID }
            for entry in network.priorities {
                merged.priorities.removeAll { $0.name == entry.name }
                merged.priorities.append(entry)
            }
            r.network = merged
        }
        r.rdma.merge(new.rdma) { _, new in new }
        r.unified.merge(new.unified) { _, new in new }
        // Devices: like runc, update leaves the device rules alone.
        return r
    }
}

/// The new value when it is set (not nil, not zero), else the old one.
private func pick<T: BinaryInteger>(_ old: T?, _ new: T?) -> T? {
    if let new, new != 0 { return new }
    return old
}

extension MemoryResources {
    func updated(with new: MemoryResources) -> MemoryResources {
        var m = self
        m.limit = pick(limit, new.limit)
        m.reservation = pick(reservation, new.reservation)
        m.swap = pick(swap, new.swap)
        m.kernel = pick(kernel, new.kernel)
        m.kernelTCP = pick(kernelTCP, new.kernelTCP)
        m.swappiness = new.swappiness ?? swappiness
        if new.disableOOMKiller == true { m.disableOOMKiller = true }
        if new.useHierarchy == true { m.useHierarchy = true }
        // Asked of this update, not remembered for the next.
        m.checkBeforeUpdate = new.checkBeforeUpdate
        return m
    }
}

extension CPUResources {
    func updated(with new: CPUResources) -> CPUResources {
        var c = self
        c.shares = pick(shares, new.shares)
        c.quota = pick(quota, new.quota)
        c.period = pick(period, new.period)
        c.realtimeRuntime = pick(realtimeRuntime, new.realtimeRuntime)
        c.realtimePeriod = pick(realtimePeriod, new.realtimePeriod)
        c.burst = new.burst ?? burst
        c.idle = new.idle ?? idle
        if let cpus = new.cpus, !cpus.isEmpty { c.cpus = cpus }
        if let mems = new.mems, !mems.isEmpty { c.mems = mems }
        return c
    }
}

extension BlockIO {
    func updated(with new: BlockIO) -> BlockIO {
        var b = self
        b.weight = pick(weight, new.weight)
        b.leafWeight = pick(leafWeight, new.leafWeight)
        func merge<D>(_ old: [D], _ new: [D], _ device: (D) -> [Int64]) -> [D] {
            old.filter { o in !new.contains { device($0) == device(o) } } + new
        }
        b.weightDevice = merge(weightDevice, new.weightDevice) { [$0.major, $0.minor] }
        b.throttleReadBpsDevice = merge(throttleReadBpsDevice, new.throttleReadBpsDevice) { [$0.major, $0.minor] }
        b.throttleWriteBpsDevice = merge(throttleWriteBpsDevice, new.throttleWriteBpsDevice) { [$0.major, $0.minor] }
        b.throttleReadIOPSDevice = merge(throttleReadIOPSDevice, new.throttleReadIOPSDevice) { [$0.major, $0.minor] }
        b.throttleWriteIOPSDevice = merge(throttleWriteIOPSDevice, new.throttleWriteIOPSDevice) { [$0.major, $0.minor] }
        return b
    }
}
