import OCI

/// The `data` of runc's stats event, member for member: Go's omitempty leaves out zero
/// numbers and empty lists where runc's types say so, and nothing else.
extension CgroupStats: JSONEncodable {
    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("cpu", cpu.json)
        o.set("cpuset", cpuset.json)
        o.set("memory", memory.json)
        o.set("pids", JSON.object(members([("current", pids.current, true), ("limit", pids.limit, true)])))
        o.set("blkio", blkio.json)
        o.set("hugetlb", JSON.object(hugetlb.sorted { $0.key < $1.key }.map { size, entry in
            (key: size, value: JSON.object(members([("usage", entry.usage, true), ("max", entry.max, true), ("failcnt", entry.failcnt, false)])))
        }))
        o.set("intel_rdt", JSON.object([]))
        o.set("network_interfaces", JSON.null)
        return o.json
    }
}

/// Members from (name, value, omitempty).
private func members(_ fields: [(String, UInt64, Bool)]) -> [(key: String, value: JSON)] {
    fields.compactMap { name, value, omitEmpty in
        omitEmpty && value == 0 ? nil : (key: name, value: JSON.number(String(value)))
    }
}

private func numbers(_ values: [some BinaryInteger]) -> JSON { .array(values.map { .number(String($0)) }) }

extension CPUStats {
    var json: JSON {
        var usage = members([("total", total, true)])
        if !perCPU.isEmpty { usage.append((key: "percpu", value: numbers(perCPU))) }
        if !perCPUKernel.isEmpty { usage.append((key: "percpu_kernel", value: numbers(perCPUKernel))) }
        if !perCPUUser.isEmpty { usage.append((key: "percpu_user", value: numbers(perCPUUser))) }
        usage += members([("kernel", kernel, false), ("user", user, false)])
        let throttling = members([("periods", periods, true), ("throttledPeriods", throttledPeriods, true), ("throttledTime", throttledTime, true)])
        return .object([(key: "usage", value: .object(usage)), (key: "throttling", value: .object(throttling))])
    }
}

extension CPUSetStats {
    var json: JSON {
        // runc's order: cpus, cpu_exclusive, mems, then the other flags.
        var o: [(key: String, value: JSON)] = []
        if !cpus.isEmpty { o.append((key: "cpus", value: numbers(cpus))) }
        o += flags.prefix { $0.name == "cpu_exclusive" }.map { (key: $0.name, value: JSON.number(String($0.value))) }
        if !mems.isEmpty { o.append((key: "mems", value: numbers(mems))) }
        o += flags.drop { $0.name == "cpu_exclusive" }.map { (key: $0.name, value: JSON.number(String($0.value))) }
        return .object(o)
    }
}

extension MemoryEntry {
    var json: JSON {
        .object(members([("limit", limit, false), ("usage", usage, true), ("max", max, true), ("failcnt", failcnt, false)]))
    }
}

extension MemoryStats {
    var json: JSON {
        var o = members([("cache", cache, true)])
        o += [(key: "usage", value: usage.json), (key: "swap", value: swap.json),
              (key: "kernel", value: kernel.json), (key: "kernelTCP", value: kernelTCP.json)]
        if !raw.isEmpty {
            o.append((key: "raw", value: .object(raw.sorted { $0.key < $1.key }.map { (key: $0.key, value: JSON.number(String($0.value))) })))
        }
        return .object(o)
    }
}

extension BlkioStats {
    var json: JSON {
        let tables: [(String, [BlkioEntry])] = [
            ("ioServiceBytesRecursive", serviceBytes), ("ioServicedRecursive", serviced), ("ioQueueRecursive", queued),
            ("ioServiceTimeRecursive", serviceTime), ("ioWaitTimeRecursive", waitTime), ("ioMergedRecursive", merged),
            ("ioTimeRecursive", time), ("sectorsRecursive", sectors),
        ]
        return .object(tables.filter { !$0.1.isEmpty }.map { name, entries in
            (key: name, value: .array(entries.map { entry in
                var o = members([("major", entry.major, true), ("minor", entry.minor, true)])
                if !entry.op.isEmpty { o.append((key: "op", value: .string(entry.op))) }
                o += members([("value", entry.value, true)])
                return .object(o)
            }))
        })
    }
}
