#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Cgroups
@testable import OCI

/// The v1 driver against a fake tree: one hierarchy per controller, as on this machine.
@Suite struct V1DriverTests {
    let tree = FakeCgroupTree()

    /// The container's directory "c" in hierarchy `controller`, with `files`.
    func cgroup(_ controller: String, _ files: [String: String]) -> String {
        tree.directory(controller + "/c", files)
    }

    func driver(_ controllers: [String]) -> V1Cgroup {
        V1Cgroup(controllerDirectories: controllers.map { ($0, tree.root + "/" + $0 + "/c") })
    }

    @Test func writesEveryMemoryField() throws {
        let dir = cgroup("memory", FakeCgroupTree.empty("memory.memsw.limit_in_bytes", "memory.soft_limit_in_bytes",
            "memory.kmem.limit_in_bytes", "memory.kmem.tcp.limit_in_bytes", "memory.swappiness", "memory.oom_control",
            "memory.use_hierarchy").merging(["memory.limit_in_bytes": "9223372036854771712\n"]) { $1 })
        var r = Resources()
        r.memory = MemoryResources()
        r.memory?.limit = 67_108_864
        r.memory?.swap = 134_217_728
        r.memory?.reservation = 33_554_432
        r.memory?.kernel = 1_048_576
        r.memory?.kernelTCP = 2_097_152
        r.memory?.swappiness = 10
        r.memory?.disableOOMKiller = true
        r.memory?.useHierarchy = true
        try driver(["memory"]).apply(r, updating: false)
        #expect(tree.read(dir + "/memory.limit_in_bytes") == "67108864")
        #expect(tree.read(dir + "/memory.memsw.limit_in_bytes") == "134217728")
        #expect(tree.read(dir + "/memory.soft_limit_in_bytes") == "33554432")
        #expect(tree.read(dir + "/memory.kmem.limit_in_bytes") == "1048576")
        #expect(tree.read(dir + "/memory.kmem.tcp.limit_in_bytes") == "2097152")
        #expect(tree.read(dir + "/memory.swappiness") == "10")
        #expect(tree.read(dir + "/memory.oom_control") == "1")
        #expect(tree.read(dir + "/memory.use_hierarchy") == "1")
    }

    /// memory.memsw.limit_in_bytes as a link to memory.limit_in_bytes: the file keeps the
    /// last of the two writes, which shows their order.
    func lastMemoryWrite(current: String, limit: Int64, swap: Int64) throws -> String {
        let dir = cgroup("memory", ["memory.limit_in_bytes": current])
        symlink(dir + "/memory.limit_in_bytes", dir + "/memory.memsw.limit_in_bytes")
        var r = Resources()
        r.memory = MemoryResources()
        r.memory?.limit = limit
        r.memory?.swap = swap
        try driver(["memory"]).apply(r, updating: true)
        return tree.read(dir + "/memory.limit_in_bytes")
    }

    @Test func raisingMemoryWritesMemorySwapFirst() throws {
        #expect(try lastMemoryWrite(current: "1000", limit: 2000, swap: 4000) == "2000")
    }

    @Test func loweringMemoryWritesTheLimitFirst() throws {
        #expect(try lastMemoryWrite(current: "100000", limit: 2000, swap: 4000) == "4000")
    }

    @Test func unlimitedMemoryUnlimitsSwapToo() throws {
        let dir = cgroup("memory", ["memory.limit_in_bytes": "1000", "memory.memsw.limit_in_bytes": "2000"])
        var r = Resources()
        r.memory = MemoryResources()
        r.memory?.limit = -1
        try driver(["memory"]).apply(r, updating: true)
        #expect(tree.read(dir + "/memory.limit_in_bytes") == "-1")
        #expect(tree.read(dir + "/memory.memsw.limit_in_bytes") == "-1")
    }

    @Test func swapWithoutSwapAccountingIsAnError() {
        cgroup("memory", ["memory.limit_in_bytes": "9223372036854771712"])
        var r = Resources()
        r.memory = MemoryResources()
        r.memory?.swap = 4096
        #expect { try driver(["memory"]).apply(r, updating: false) } throws: { error in
            "\(error)".hasPrefix("linux.resources.memory.swap: ") && "\(error)".contains("swap")
        }
    }

    @Test func checkBeforeUpdateRefusesALimitBelowUsage() throws {
        let dir = cgroup("memory", ["memory.limit_in_bytes": "100000", "memory.usage_in_bytes": "50000"])
        var r = Resources()
        r.memory = MemoryResources()
        r.memory?.limit = 40000
        r.memory?.checkBeforeUpdate = true
        #expect { try driver(["memory"]).apply(r, updating: true) } throws: { "\($0)".contains("rejecting memory limit 40000") }
        #expect(tree.read(dir + "/memory.limit_in_bytes") == "100000")
        try driver(["memory"]).apply(r, updating: false)
        #expect(tree.read(dir + "/memory.limit_in_bytes") == "40000")
    }

    @Test func writesEveryCPUField() throws {
        let cpu = cgroup("cpu", FakeCgroupTree.empty("cpu.shares", "cpu.cfs_period_us", "cpu.cfs_quota_us", "cpu.cfs_burst_us",
                                                     "cpu.idle", "cpu.rt_period_us", "cpu.rt_runtime_us"))
        let cpuset = cgroup("cpuset", FakeCgroupTree.empty("cpuset.cpus", "cpuset.mems"))
        var r = Resources()
        r.cpu = CPUResources()
        r.cpu?.shares = 512
        r.cpu?.quota = 50000
        r.cpu?.period = 100_000
        r.cpu?.burst = 1000
        r.cpu?.idle = 1
        r.cpu?.realtimeRuntime = 950
        r.cpu?.realtimePeriod = 1000
        r.cpu?.cpus = "0-1"
        r.cpu?.mems = "0"
        try driver(["cpu", "cpuset"]).apply(r, updating: false)
        #expect(tree.read(cpu + "/cpu.shares") == "512")
        #expect(tree.read(cpu + "/cpu.cfs_quota_us") == "50000")
        #expect(tree.read(cpu + "/cpu.cfs_period_us") == "100000")
        #expect(tree.read(cpu + "/cpu.cfs_burst_us") == "1000")
        #expect(tree.read(cpu + "/cpu.idle") == "1")
        #expect(tree.read(cpu + "/cpu.rt_runtime_us") == "950")
        #expect(tree.read(cpu + "/cpu.rt_period_us") == "1000")
        #expect(tree.read(cpuset + "/cpuset.cpus") == "0-1")
        #expect(tree.read(cpuset + "/cpuset.mems") == "0")
    }

    @Test func zeroMeansUnset() throws {
        let cpu = cgroup("cpu", ["cpu.shares": "1024", "cpu.cfs_quota_us": "-1", "cpu.cfs_period_us": "100000"])
        let pids = cgroup("pids", ["pids.max": "max"])
        // As docker sends an update: every field, zero where it changes nothing.
        let r = try Resources.decode(#"{"cpu":{"shares":0,"quota":0,"period":0,"cpus":"","mems":""},"pids":{"limit":0},"memory":{"limit":0,"swap":0,"reservation":0,"kernel":0}}"#)
        try driver(["cpu", "pids"]).apply(r, updating: true)
        #expect(tree.read(cpu + "/cpu.shares") == "1024")
        #expect(tree.read(cpu + "/cpu.cfs_quota_us") == "-1")
        #expect(tree.read(pids + "/pids.max") == "max")
    }

    @Test func pidsLimitAndNoLimit() throws {
        let pids = cgroup("pids", ["pids.max": "max"])
        try driver(["pids"]).apply(Resources.decode(#"{"pids":{"limit":50}}"#), updating: false)
        #expect(tree.read(pids + "/pids.max") == "50")
        try driver(["pids"]).apply(Resources.decode(#"{"pids":{"limit":-1}}"#), updating: true)
        #expect(tree.read(pids + "/pids.max") == "max")
    }

    @Test func blockIOWeightsAndThrottles() throws {
        let dir = cgroup("blkio", FakeCgroupTree.empty("blkio.weight", "blkio.weight_device", "blkio.leaf_weight",
            "blkio.leaf_weight_device", "blkio.throttle.read_bps_device", "blkio.throttle.write_bps_device",
            "blkio.throttle.read_iops_device", "blkio.throttle.write_iops_device"))
        try driver(["blkio"]).apply(Resources.decode("""
            {"blockIO":{"weight":500,"leafWeight":300,"weightDevice":[{"major":8,"minor":0,"weight":600,"leafWeight":200}],
             "throttleReadBpsDevice":[{"major":8,"minor":0,"rate":1048576}],"throttleWriteBpsDevice":[{"major":8,"minor":0,"rate":2097152}],
             "throttleReadIOPSDevice":[{"major":8,"minor":0,"rate":100}],"throttleWriteIOPSDevice":[{"major":8,"minor":16,"rate":200}]}}
            """), updating: false)
        #expect(tree.read(dir + "/blkio.weight") == "500")
        #expect(tree.read(dir + "/blkio.leaf_weight") == "300")
        #expect(tree.read(dir + "/blkio.weight_device") == "8:0 600")
        #expect(tree.read(dir + "/blkio.leaf_weight_device") == "8:0 200")
        #expect(tree.read(dir + "/blkio.throttle.read_bps_device") == "8:0 1048576")
        #expect(tree.read(dir + "/blkio.throttle.write_bps_device") == "8:0 2097152")
        #expect(tree.read(dir + "/blkio.throttle.read_iops_device") == "8:0 100")
        #expect(tree.read(dir + "/blkio.throttle.write_iops_device") == "8:16 200")
    }

    @Test func blockIOWeightPrefersBFQ() throws {
        let dir = cgroup("blkio", FakeCgroupTree.empty("blkio.bfq.weight", "blkio.bfq.weight_device"))
        try driver(["blkio"]).apply(Resources.decode(#"{"blockIO":{"weight":700,"weightDevice":[{"major":8,"minor":0,"weight":800}]}}"#), updating: false)
        #expect(tree.read(dir + "/blkio.bfq.weight") == "700")
        #expect(tree.read(dir + "/blkio.bfq.weight_device") == "8:0 800")
    }

    @Test func blockIOWeightWithoutAProportionalSchedulerIsAnError() {
        cgroup("blkio", FakeCgroupTree.empty("blkio.throttle.read_bps_device"))
        #expect { try driver(["blkio"]).apply(Resources.decode(#"{"blockIO":{"weight":700}}"#), updating: false) } throws: {
            "\($0)".hasPrefix("linux.resources.blockIO.weight: ") && "\($0)".contains("CFQ or BFQ")
        }
    }

    @Test func hugepageLimitsPerSizeWithReservations() throws {
        let dir = cgroup("hugetlb", FakeCgroupTree.empty("hugetlb.2MB.limit_in_bytes", "hugetlb.2MB.rsvd.limit_in_bytes", "hugetlb.1GB.limit_in_bytes"))
        try driver(["hugetlb"]).apply(Resources.decode(#"{"hugepageLimits":[{"pageSize":"2MB","limit":4194304},{"pageSize":"1GB","limit":0}]}"#), updating: false)
        #expect(tree.read(dir + "/hugetlb.2MB.limit_in_bytes") == "4194304")
        #expect(tree.read(dir + "/hugetlb.2MB.rsvd.limit_in_bytes") == "4194304")
        #expect(tree.read(dir + "/hugetlb.1GB.limit_in_bytes") == "0")
        #expect { try driver(["hugetlb"]).apply(Resources.decode(#"{"hugepageLimits":[{"pageSize":"64KB","limit":1}]}"#), updating: false) } throws: {
            "\($0)".hasPrefix("linux.resources.hugepageLimits[0]: ") && "\($0)".contains("no 64KB huge pages")
        }
    }

    @Test func networkClassAndPriorities() throws {
        let cls = cgroup("net_cls", FakeCgroupTree.empty("net_cls.classid"))
        let prio = cgroup("net_prio", FakeCgroupTree.empty("net_prio.ifpriomap"))
        try driver(["net_cls", "net_prio"]).apply(Resources.decode(#"{"network":{"classID":1048577,"priorities":[{"name":"eth0","priority":5}]}}"#), updating: false)
        #expect(tree.read(cls + "/net_cls.classid") == "1048577")
        #expect(tree.read(prio + "/net_prio.ifpriomap") == "eth0 5")
    }

    @Test func rdmaLimits() throws {
        let dir = cgroup("rdma", FakeCgroupTree.empty("rdma.max"))
        try driver(["rdma"]).apply(Resources.decode(#"{"rdma":{"mlx5_1":{"hcaHandles":3,"hcaObjects":10000}}}"#), updating: false)
        #expect(tree.read(dir + "/rdma.max") == "mlx5_1 hca_handle=3 hca_object=10000")
        try driver(["rdma"]).apply(Resources.decode(#"{"rdma":{"mlx5_1":{"hcaObjects":7}}}"#), updating: false)
        #expect(tree.read(dir + "/rdma.max") == "mlx5_1 hca_object=7")
    }

    @Test func deviceRulesAreLinesOfAllowAndDeny() throws {
        let dir = cgroup("devices", FakeCgroupTree.empty("devices.allow", "devices.deny"))
        let rules = try [DeviceRule].decode(#"[{"allow":false,"access":"rwm"},{"allow":true,"type":"c","major":1,"minor":3,"access":"rw"},{"allow":false,"type":"b","major":8,"access":"m"}]"#)
        #expect(rules.map(\.v1Line) == ["a *:* rwm", "c 1:3 rw", "b 8:* m"])
        try driver(["devices"]).applyDevices(Array(rules.prefix(2)))
        #expect(tree.read(dir + "/devices.deny") == "a *:* rwm")
        #expect(tree.read(dir + "/devices.allow") == "c 1:3 rw")
    }

    @Test func aFieldWhoseControllerIsMissingNamesBoth() {
        cgroup("memory", [:])
        #expect { try driver(["memory"]).apply(Resources.decode(#"{"network":{"classID":7}}"#), updating: false) } throws: {
            "\($0)" == "linux.resources.network.classID: needs the net_cls cgroup controller: no cgroup v1 hierarchy has it mounted"
        }
        #expect { try driver(["memory"]).apply(Resources.decode(#"{"pids":{"limit":5}}"#), updating: false) } throws: {
            "\($0)".hasPrefix("linux.resources.pids.limit: needs the pids cgroup controller")
        }
        // Unset (zero) values need nothing.
        #expect(throws: Never.self) { try driver(["memory"]).apply(Resources.decode(#"{"network":{"classID":0},"pids":{"limit":0}}"#), updating: false) }
    }

    @Test func unifiedFilesNeedCgroupV2() {
        #expect { try driver(["memory"]).apply(Resources.decode(#"{"unified":{"memory.high":"1000"}}"#), updating: false) } throws: {
            "\($0)".hasPrefix("linux.resources.unified: ")
        }
    }

    @Test func freezesAndThaws() throws {
        let dir = cgroup("freezer", ["freezer.state": "THAWED"])
        let v1 = driver(["freezer"])
        #expect(!v1.isFrozen())
        try v1.setFrozen(true)
        #expect(tree.read(dir + "/freezer.state") == "FROZEN")
        #expect(v1.isFrozen())
        try v1.setFrozen(false)
        #expect(!v1.isFrozen())
    }

    @Test func statsInRuncsShape() {
        cgroup("cpuacct", ["cpuacct.usage": "3000\n", "cpuacct.usage_percpu": "1000 2000 \n",
                           "cpuacct.usage_all": "cpu user system\n0 600 400\n1 1500 500\n", "cpuacct.stat": "user 2\nsystem 1\n"])
        cgroup("cpu", ["cpu.stat": "nr_periods 10\nnr_throttled 2\nthrottled_time 5000\n"])
        cgroup("memory", ["memory.stat": "cache 4096\nrss 8192\n", "memory.usage_in_bytes": "12288", "memory.max_usage_in_bytes": "16384",
                          "memory.limit_in_bytes": "67108864", "memory.failcnt": "0", "memory.memsw.usage_in_bytes": "12288",
                          "memory.memsw.limit_in_bytes": "134217728", "memory.memsw.max_usage_in_bytes": "16384", "memory.memsw.failcnt": "0"])
        cgroup("pids", ["pids.current": "3", "pids.max": "max"])
        cgroup("blkio", ["blkio.throttle.io_service_bytes_recursive": "8:0 Read 4096\n8:0 Write 0\nTotal 4096\n",
                         "blkio.throttle.io_serviced_recursive": "8:0 Read 1\n8:0 Write 0\nTotal 1\n"])
        cgroup("hugetlb", ["hugetlb.2MB.limit_in_bytes": "4194304", "hugetlb.2MB.usage_in_bytes": "2097152",
                           "hugetlb.2MB.max_usage_in_bytes": "2097152", "hugetlb.2MB.failcnt": "1", "hugetlb.2MB.rsvd.limit_in_bytes": "0"])
        let stats = driver(["cpuacct", "cpu", "memory", "pids", "blkio", "hugetlb"]).stats()
        let ticks = 1_000_000_000 / UInt64(sysconf(Int32(_SC_CLK_TCK)))
        #expect(JSONWriter.compact(stats.json) == """
            {"cpu":{"usage":{"total":3000,"percpu":[1000,2000],"percpu_kernel":[400,500],"percpu_user":[600,1500],"kernel":\(ticks),"user":\(2 * ticks)},\
            "throttling":{"periods":10,"throttledPeriods":2,"throttledTime":5000}},"cpuset":{},\
            "memory":{"cache":4096,"usage":{"limit":67108864,"usage":12288,"max":16384,"failcnt":0},"swap":{"limit":134217728,"usage":12288,"max":16384,"failcnt":0},\
            "kernel":{"limit":0,"failcnt":0},"kernelTCP":{"limit":0,"failcnt":0},"raw":{"cache":4096,"rss":8192}},\
            "pids":{"current":3},"blkio":{"ioServiceBytesRecursive":[{"major":8,"op":"Read","value":4096},{"major":8,"op":"Write"}],\
            "ioServicedRecursive":[{"major":8,"op":"Read","value":1},{"major":8,"op":"Write"}]},\
            "hugetlb":{"2MB":{"usage":2097152,"max":2097152,"failcnt":1}},"intel_rdt":{},"network_interfaces":null}
            """)
    }

    @Test func oomWatchNeedsTheMemoryController() {
        #expect(throws: CgroupError.self) { try driver(["pids"]).watchOOM() }
    }
}
