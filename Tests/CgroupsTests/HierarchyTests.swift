import Testing
@testable import Cgroups

@Suite struct HierarchyTests {
    @Test func findsHybridHierarchies() {
        let mountinfo = """
        25 1 0:23 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        26 25 0:24 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
        27 25 0:25 / /sys/fs/cgroup/memory rw,relatime shared:9 - cgroup cgroup rw,memory
        28 25 0:26 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd
        29 25 0:27 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        30 1 0:28 / /mnt/with\\040space rw - cgroup cgroup rw,pids
        """
        let found = Hierarchy.parse(mountinfo: mountinfo)
        #expect(found.map(\.mountPoint) == ["/sys/fs/cgroup/cpu", "/sys/fs/cgroup/memory", "/sys/fs/cgroup/systemd", "/sys/fs/cgroup/unified", "/mnt/with space"])
        #expect(found[0].controllers == ["cpu"])
        #expect(found[2].controllers == ["name=systemd"])
        #expect(found[3].isUnified)
    }

    @Test func findsPureV2() {
        let found = Hierarchy.parse(mountinfo: "35 24 0:30 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n")
        #expect(found == [Hierarchy(mountPoint: "/sys/fs/cgroup", controllers: [])])
        #expect(ContainerCgroup(path: "/a/b", hierarchies: found).directories == ["/sys/fs/cgroup/a/b"])
    }
}
