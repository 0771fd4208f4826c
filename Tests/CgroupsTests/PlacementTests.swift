import Testing
@testable import Cgroups
@testable import OCI

@Suite struct PlacementTests {
    let hybrid = [
        Hierarchy(mountPoint: "/sys/fs/cgroup/memory", controllers: ["memory"]),
        Hierarchy(mountPoint: "/sys/fs/cgroup/cpu,cpuacct", controllers: ["cpu", "cpuacct"]),
        Hierarchy(mountPoint: "/sys/fs/cgroup/unified", controllers: []),
    ]
    let own = OwnCgroup(procSelfCgroup: "4:memory:/process_api/x\n2:cpu,cpuacct:/\n0::/user.slice\n")

    @Test func anAbsolutePathIsUnderEveryRoot() {
        let cgroup = ContainerCgroup(path: "/a/web", hierarchies: hybrid, own: own)
        #expect(cgroup.directories == ["/sys/fs/cgroup/memory/a/web", "/sys/fs/cgroup/cpu,cpuacct/a/web", "/sys/fs/cgroup/unified/a/web"])
        #expect(cgroup.unifiedDirectory == "/sys/fs/cgroup/unified/a/web")
    }

    @Test func aRelativePathIsUnderTheCallersOwnCgroup() {
        let cgroup = ContainerCgroup(path: "web", hierarchies: hybrid, own: own)
        #expect(cgroup.directories == ["/sys/fs/cgroup/memory/process_api/x/web", "/sys/fs/cgroup/cpu,cpuacct/web", "/sys/fs/cgroup/unified/user.slice/web"])
    }

    @Test func aMountOfASubtreeIsRootedThere() {
        let scoped = [Hierarchy(mountPoint: "/sys/fs/cgroup", root: "/user.slice", controllers: [])]
        #expect(ContainerCgroup(path: "web", hierarchies: scoped, own: own).directories == ["/sys/fs/cgroup/web"])
    }

    @Test func theLayoutPicksTheDriver() {
        #expect(ContainerCgroup(path: "/w", hierarchies: hybrid).driver is HybridCgroup)
        #expect(ContainerCgroup(path: "/w", hierarchies: Array(hybrid.prefix(2))).driver is V1Cgroup)
        #expect(ContainerCgroup(path: "/w", hierarchies: [hybrid[2]]).driver is V2Cgroup)
        let v1 = ContainerCgroup(path: "/w", hierarchies: hybrid).driver as! HybridCgroup
        #expect(v1.v1.controllerDirectories.map { $0.controller + "=" + $0.path }.sorted()
                == ["cpu=/sys/fs/cgroup/cpu,cpuacct/w", "cpuacct=/sys/fs/cgroup/cpu,cpuacct/w", "memory=/sys/fs/cgroup/memory/w"])
    }

    @Test func directoriesRoundTripThroughJSON() throws {
        let cgroup = ContainerCgroup(path: "/w", hierarchies: hybrid)
        #expect(try [CgroupDirectory].decode(JSONWriter.compact(cgroup.hierarchies.json)) == cgroup.hierarchies)
    }
}
