#if canImport(Glibc)
import Glibc
#endif
import Linux
import Testing
@testable import Cgroups
@testable import OCI

/// The v2 driver against a fake cgroup2 tree: the mount at the tree's root, the container at
/// a/c, every controller available.
@Suite struct V2DriverTests {
    let tree = FakeCgroupTree()
    static let all = "cpuset cpu io memory hugetlb pids rdma misc"

    init() {
        tree.directory("", ["cgroup.controllers": Self.all, "cgroup.subtree_control": ""])
        tree.directory("a", ["cgroup.controllers": Self.all, "cgroup.subtree_control": ""])
    }

    var dir: String { tree.root + "/a/c" }
    var v2: V2Cgroup { V2Cgroup(mountPoint: tree.root, directory: dir) }

    /// The container's directory with `files`, listing `controllers` as enabled by its parent.
    func container(_ files: [String: String], controllers: String = all) {
        tree.directory("a/c", files.merging(["cgroup.controllers": controllers]) { $1 })
    }

    @Test func prepareEnablesEveryControllerFromTheRootDown() throws {
        container([:])
        try v2.prepare(for: Resources())
        #expect(tree.read(tree.root + "/cgroup.subtree_control") == "+cpu +cpuset +hugetlb +io +memory +misc +pids +rdma")
        #expect(tree.read(tree.root + "/a/cgroup.subtree_control") == "+cpu +cpuset +hugetlb +io +memory +misc +pids +rdma")
    }

    @Test func prepareOfAHybridV2HalfEnablesOnlyWhatIsNeeded() throws {
        container([:])
        let half = V2Cgroup(mountPoint: tree.root, directory: dir, enablesAll: false)
        try half.prepare(for: Resources())
        #expect(tree.read(tree.root + "/cgroup.subtree_control") == "")
        try half.prepare(for: Resources.decode(#"{"hugepageLimits":[{"pageSize":"2MB","limit":0}]}"#))
        #expect(tree.read(tree.root + "/cgroup.subtree_control") == "+hugetlb")
        #expect(tree.read(tree.root + "/a/cgroup.subtree_control") == "+hugetlb")
    }

    @Test func aControllerTheParentLacksIsAnErrorNamingTheField() {
        tree.write(tree.root + "/a/cgroup.controllers", "cpu memory")
        container([:], controllers: "cpu memory")
        #expect { try v2.prepare(for: Resources.decode(#"{"pids":{"limit":10}}"#)) } throws: {
            "\($0)".hasPrefix("linux.resources.pids.limit: needs the pids cgroup controller") && "\($0)".contains("/a/cgroup.controllers")
        }
        #expect { try v2.apply(Resources.decode(#"{"pids":{"limit":10}}"#), updating: false) } throws: {
            "\($0)".hasPrefix("linux.resources.pids.limit: needs the pids cgroup controller: pids is not in")
        }
    }

    @Test func memoryWithSwapConvertedFromMemoryPlusSwap() throws {
        container(FakeCgroupTree.empty("memory.max", "memory.swap.max", "memory.low"))
        try v2.apply(Resources.decode(#"{"memory":{"limit":67108864,"swap":134217728,"reservation":33554432,"kernel":1,"kernelTCP":1,"useHierarchy":true}}"#), updating: false)
        #expect(tree.read(dir + "/memory.max") == "67108864")
        #expect(tree.read(dir + "/memory.swap.max") == "67108864")
        #expect(tree.read(dir + "/memory.low") == "33554432")
        try v2.apply(Resources.decode(#"{"memory":{"limit":1000,"swap":1000}}"#), updating: true)
        #expect(tree.read(dir + "/memory.swap.max") == "0")
        try v2.apply(Resources.decode(#"{"memory":{"limit":-1}}"#), updating: true)
        #expect(tree.read(dir + "/memory.max") == "max")
        #expect(tree.read(dir + "/memory.swap.max") == "max")
    }

    @Test func memoryFieldsV2CannotHonourAreErrors() {
        container(FakeCgroupTree.empty("memory.max", "memory.swap.max"))
        #expect { try v2.apply(Resources.decode(#"{"memory":{"swappiness":10}}"#), updating: false) } throws: {
            "\($0)".hasPrefix("linux.resources.memory.swappiness: ")
        }
        #expect { try v2.apply(Resources.decode(#"{"memory":{"disableOOMKiller":true}}"#), updating: false) } throws: {
            "\($0)".hasPrefix("linux.resources.memory.disableOOMKiller: ")
        }
        #expect { try v2.apply(Resources.decode(#"{"memory":{"swap":1000}}"#), updating: false) } throws: {
            "\($0)".hasPrefix("linux.resources.memory.swap: ")
        }
    }

    @Test func checkBeforeUpdateReadsMemoryCurrent() {
        container(["memory.max": "max", "memory.current": "5000"])
        #expect { try v2.apply(Resources.decode(#"{"memory":{"limit":4000,"checkBeforeUpdate":true}}"#), updating: true) } throws: {
            "\($0)".contains("rejecting memory limit 4000")
        }
    }

    @Test func cpuWeightMaxBurstIdle() throws {
        container(FakeCgroupTree.empty("cpu.weight", "cpu.max", "cpu.max.burst", "cpu.idle"))
        try v2.apply(Resources.decode(#"{"cpu":{"shares":1024,"quota":50000,"period":200000,"burst":1000,"idle":1}}"#), updating: false)
        #expect(tree.read(dir + "/cpu.weight") == "39")
        #expect(tree.read(dir + "/cpu.max") == "50000 200000")
        #expect(tree.read(dir + "/cpu.max.burst") == "1000")
        #expect(tree.read(dir + "/cpu.idle") == "1")
        try v2.apply(Resources.decode(#"{"cpu":{"period":100000}}"#), updating: true)
        #expect(tree.read(dir + "/cpu.max") == "max 100000")
        try v2.apply(Resources.decode(#"{"cpu":{"quota":25000}}"#), updating: true)
        #expect(tree.read(dir + "/cpu.max") == "25000 100000")
        #expect { try v2.apply(Resources.decode(#"{"cpu":{"realtimeRuntime":1000}}"#), updating: false) } throws: {
            "\($0)" == "linux.resources.cpu.realtimeRuntime: cgroup v2 has no realtime group scheduling"
        }
    }

    @Test func cpusetPidsHugetlbRdma() throws {
        container(FakeCgroupTree.empty("cpuset.cpus", "cpuset.mems", "pids.max", "hugetlb.2MB.max", "hugetlb.2MB.rsvd.max", "rdma.max"))
        try v2.apply(Resources.decode("""
            {"cpu":{"cpus":"1","mems":"0"},"pids":{"limit":-1},"hugepageLimits":[{"pageSize":"2MB","limit":2097152}],
             "rdma":{"mlx4_0":{"hcaHandles":2}}}
            """), updating: false)
        #expect(tree.read(dir + "/cpuset.cpus") == "1")
        #expect(tree.read(dir + "/cpuset.mems") == "0")
        #expect(tree.read(dir + "/pids.max") == "max")
        #expect(tree.read(dir + "/hugetlb.2MB.max") == "2097152")
        #expect(tree.read(dir + "/hugetlb.2MB.rsvd.max") == "2097152")
        #expect(tree.read(dir + "/rdma.max") == "mlx4_0 hca_handle=2")
    }

    @Test func ioWeightConvertedUnlessBFQ() throws {
        container(FakeCgroupTree.empty("io.weight", "io.max"))
        try v2.apply(Resources.decode(#"{"blockIO":{"weight":500,"weightDevice":[{"major":8,"minor":0,"weight":10}]}}"#), updating: false)
        #expect(tree.read(dir + "/io.weight") == "8:0 1")
        try v2.apply(Resources.decode(#"{"blockIO":{"weight":500}}"#), updating: false)
        #expect(tree.read(dir + "/io.weight") == "4950")
        tree.write(dir + "/io.bfq.weight", "")
        try v2.apply(Resources.decode(#"{"blockIO":{"weight":500}}"#), updating: false)
        #expect(tree.read(dir + "/io.bfq.weight") == "500")
        #expect { try v2.apply(Resources.decode(#"{"blockIO":{"leafWeight":500}}"#), updating: false) } throws: {
            "\($0)".hasPrefix("linux.resources.blockIO.leafWeight: ")
        }
    }

    @Test(arguments: [("throttleReadBpsDevice", "rbps"), ("throttleWriteBpsDevice", "wbps"),
                      ("throttleReadIOPSDevice", "riops"), ("throttleWriteIOPSDevice", "wiops")])
    func ioThrottles(field: String, key: String) throws {
        container(FakeCgroupTree.empty("io.max"))
        try v2.apply(Resources.decode(#"{"blockIO":{"\#(field)":[{"major":8,"minor":16,"rate":1048576}]}}"#), updating: false)
        #expect(tree.read(dir + "/io.max") == "8:16 \(key)=1048576")
        try v2.apply(Resources.decode(#"{"blockIO":{"\#(field)":[{"major":8,"minor":16,"rate":0}]}}"#), updating: false)
        #expect(tree.read(dir + "/io.max") == "8:16 \(key)=max")
    }

    @Test func unifiedFilesByName() throws {
        container(FakeCgroupTree.empty("memory.high", "cgroup.max.depth"), controllers: "memory")
        try v2.apply(Resources.decode(#"{"unified":{"memory.high":"50000","cgroup.max.depth":"3"}}"#), updating: false)
        #expect(tree.read(dir + "/memory.high") == "50000")
        #expect(tree.read(dir + "/cgroup.max.depth") == "3")
        #expect { try v2.apply(Resources.decode(#"{"unified":{"pids.max":"5"}}"#), updating: false) } throws: {
            "\($0)".hasPrefix(#"linux.resources.unified["pids.max"]: needs the pids cgroup controller"#)
        }
    }

    @Test func networkHasNoV2Controller() {
        container([:])
        #expect { try v2.apply(Resources.decode(#"{"network":{"classID":1}}"#), updating: false) } throws: {
            "\($0)" == "linux.resources.network.classID: needs the net_cls cgroup controller: cgroup v2 has no such controller"
        }
    }

    @Test func freezesThroughCgroupFreeze() throws {
        container(["cgroup.freeze": "0", "cgroup.events": "populated 1\nfrozen 1\n"])
        try v2.setFrozen(true)
        #expect(tree.read(dir + "/cgroup.freeze") == "1")
        #expect(v2.isFrozen())
        tree.write(dir + "/cgroup.events", "populated 1\nfrozen 0\n")
        try v2.setFrozen(false)
        #expect(!v2.isFrozen())
    }

    @Test func statsInRuncsShape() {
        container(["cpu.stat": "usage_usec 300\nuser_usec 200\nsystem_usec 100\nnr_periods 4\nnr_throttled 1\nthrottled_usec 7\n",
                   "cpuset.cpus.effective": "0-1", "cpuset.mems.effective": "0",
                   "memory.stat": "anon 8192\nfile 4096\n", "memory.current": "12288", "memory.max": "67108864", "memory.peak": "20000",
                   "memory.events": "low 0\nhigh 0\nmax 2\noom 0\noom_kill 0\n", "memory.swap.current": "100", "memory.swap.max": "max",
                   "pids.current": "2", "pids.max": "10",
                   "io.stat": "8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n",
                   "hugetlb.2MB.max": "max", "hugetlb.2MB.current": "0", "hugetlb.2MB.events": "max 3\n"])
        #expect(JSONWriter.compact(v2.stats().json) == """
            {"cpu":{"usage":{"total":300000,"kernel":100000,"user":200000},"throttling":{"periods":4,"throttledPeriods":1,"throttledTime":7000}},\
            "cpuset":{"cpus":[0,1],"mems":[0]},\
            "memory":{"cache":4096,"usage":{"limit":67108864,"usage":12288,"max":20000,"failcnt":2},"swap":{"limit":18446744073709551615,"usage":12388,"failcnt":0},\
            "kernel":{"limit":0,"failcnt":0},"kernelTCP":{"limit":0,"failcnt":0},"raw":{"anon":8192,"file":4096}},\
            "pids":{"current":2,"limit":10},\
            "blkio":{"ioServiceBytesRecursive":[{"major":8,"op":"Read","value":4096},{"major":8,"op":"Write","value":8192}],\
            "ioServicedRecursive":[{"major":8,"op":"Read","value":1},{"major":8,"op":"Write","value":2}]},\
            "hugetlb":{"2MB":{"failcnt":3}},"intel_rdt":{},"network_interfaces":null}
            """)
    }

    /// inotify works on the fake tree's files as on cgroupfs.
    @Test func oomWatchSeesTheOOMKillCountGrow() throws {
        container(["memory.events": "oom 0\noom_kill 0\n"])
        let watch = try v2.watchOOM()
        #expect(try Processes.poll([watch.descriptor], timeoutMilliseconds: 0).isEmpty)
        try writeExisting(dir + "/memory.events", "oom 1\noom_kill 1\n")
        #expect(try Processes.poll([watch.descriptor], timeoutMilliseconds: 1000) == [watch.descriptor])
        #expect(watch.consume())
        try writeExisting(dir + "/memory.events", "oom 2\noom_kill 1\n")
        _ = try Processes.poll([watch.descriptor], timeoutMilliseconds: 1000)
        #expect(!watch.consume())
    }

    @Test func conversions() throws {
        #expect(V2Conversions.cpuWeight(shares: 2) == 1)
        #expect(V2Conversions.cpuWeight(shares: 1024) == 39)
        #expect(V2Conversions.cpuWeight(shares: 262_144) == 10000)
        #expect(V2Conversions.ioWeight(blkioWeight: 10) == 1)
        #expect(V2Conversions.ioWeight(blkioWeight: 1000) == 10000)
        #expect(try V2Conversions.swapMax(memorySwap: 0, memory: 1000) == nil)
        #expect(try V2Conversions.swapMax(memorySwap: 0, memory: -1) == -1)
        #expect(try V2Conversions.swapMax(memorySwap: -1, memory: 1000) == -1)
        #expect(try V2Conversions.swapMax(memorySwap: 3000, memory: 1000) == 2000)
        #expect(throws: CgroupError.self) { try V2Conversions.swapMax(memorySwap: 500, memory: 1000) }
        #expect(V2Conversions.cpuMax(quota: -1, period: 0) == "max 100000")
    }
}
