import Testing
@testable import Cgroups
@testable import OCI

/// A hybrid host as this machine is: v1 hierarchies for most controllers, cgroup2 (at
/// "unified") with only hugetlb.
@Suite struct HybridDriverTests {
    let tree = FakeCgroupTree()

    var hybrid: HybridCgroup {
        HybridCgroup(v1: V1Cgroup(controllerDirectories: [("memory", tree.root + "/memory/c"), ("freezer", tree.root + "/freezer/c")]),
                     v2: V2Cgroup(mountPoint: tree.root + "/unified", directory: tree.root + "/unified/c", enablesAll: false))
    }

    init() {
        tree.directory("memory/c", ["memory.limit_in_bytes": "9223372036854771712", "memory.stat": "cache 0\n"])
        tree.directory("freezer/c", ["freezer.state": "THAWED"])
        tree.directory("unified", ["cgroup.controllers": "hugetlb", "cgroup.subtree_control": ""])
        tree.directory("unified/c", ["cgroup.controllers": "hugetlb", "hugetlb.2MB.max": "max", "hugetlb.2MB.current": "0",
                                     "memory.high": "", "cgroup.freeze": "0"])
    }

    @Test func eachControllerWhereItIs() throws {
        let r = try Resources.decode(#"{"memory":{"limit":1000000},"hugepageLimits":[{"pageSize":"2MB","limit":2097152}]}"#)
        try hybrid.prepare(for: r)
        #expect(tree.read(tree.root + "/unified/cgroup.subtree_control") == "+hugetlb")
        try hybrid.apply(r, updating: false)
        #expect(tree.read(tree.root + "/memory/c/memory.limit_in_bytes") == "1000000")
        #expect(tree.read(tree.root + "/unified/c/hugetlb.2MB.max") == "2097152")
        #expect(hybrid.stats().hugetlb.keys.sorted() == ["2MB"])
    }

    @Test func unifiedFilesGoToTheV2Directory() throws {
        tree.write(tree.root + "/unified/c/cgroup.controllers", "hugetlb memory")
        try hybrid.applyUnified(["memory.high": "5000"])
        #expect(tree.read(tree.root + "/unified/c/memory.high") == "5000")
    }

    @Test func theV1FreezerFreezes() throws {
        try hybrid.setFrozen(true)
        #expect(tree.read(tree.root + "/freezer/c/freezer.state") == "FROZEN")
        #expect(tree.read(tree.root + "/unified/c/cgroup.freeze") == "0")
    }

    @Test func missingEverywhereSaysBoth() {
        #expect { try hybrid.apply(Resources.decode(#"{"pids":{"limit":3}}"#), updating: false) } throws: {
            "\($0)".hasPrefix("linux.resources.pids.limit: needs the pids cgroup controller: no cgroup v1 hierarchy has it mounted, and pids is not in")
        }
    }
}
