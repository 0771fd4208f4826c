#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Linux
import Cgroups
@testable import OCI
@testable import Runtime

@Suite struct MountOptionsTests {
    @Test func sortsOptionsIntoFlagsPropagationAndData() {
        let options = MountOptions(["nosuid", "noexec", "ro", "rbind", "rslave", "mode=755", "size=64k"])
        #expect(options.flags == MountFlag.noSuid | MountFlag.noExec | MountFlag.readOnly | MountFlag.bind | MountFlag.recursive)
        #expect(options.isBind)
        #expect(options.propagation == [MountFlag.slave | MountFlag.recursive])
        #expect(options.dataString == "mode=755,size=64k")
        #expect(options.remountFlags == MountFlag.noSuid | MountFlag.noExec | MountFlag.readOnly)
    }

    @Test func readsTmpcopyupAsAnExtensionNotData() {
        let options = MountOptions(["tmpcopyup", "mode=755"])
        #expect(options.copyUp && options.dataString == "mode=755")
    }

    @Test func mapsStatvfsFlagsToTheFlagsAUserNamespaceLocks() {
        // ST_RDONLY | ST_NODEV | ST_RELATIME
        #expect(MountOptions.lockedFlags(statFlags: 0x1 | 0x4 | 0x1000) == MountFlag.readOnly | MountFlag.noDev | MountFlag.relatime)
        #expect(MountOptions.lockedFlags(statFlags: 0) == 0)
    }

    @Test func laterOptionsWin() {
        let options = MountOptions(["ro", "rw", "nodev", "dev", "noatime"])
        #expect(options.flags == MountFlag.noAtime)
        #expect(options.cleared & MountFlag.readOnly != 0)
        #expect(!options.isBind && options.dataString == nil)
    }
}

@Suite struct MountLabelTests {
    @Test func addsTheContextWhenSELinuxIsOn() {
        let label = "system_u:object_r:container_file_t:s0:c1,c2"
        #expect(MountLabel.data("mode=755", type: "tmpfs", label: label, enabled: true) == "mode=755,context=\"\(label)\"")
        #expect(MountLabel.data(nil, type: "mqueue", label: label, enabled: true) == "context=\"\(label)\"")
    }

    @Test func leavesDataAloneOtherwise() {
        #expect(MountLabel.data("mode=755", type: "tmpfs", label: "x", enabled: false) == "mode=755")
        #expect(MountLabel.data(nil, type: "proc", label: "x", enabled: true) == nil)
        #expect(MountLabel.data("a", type: "tmpfs", label: nil, enabled: true) == "a")
    }
}

@Suite struct SignalTests {
    @Test(arguments: [("TERM", 15), ("SIGTERM", 15), ("sigkill", 9), ("9", 9), ("USR1", 10), ("RTMIN", 34), ("RTMIN+2", 36), ("RTMAX", 64), ("RTMAX-1", 63)])
    func parsesNamesAndNumbers(_ name: String, _ number: Int32) {
        #expect(Signals.parse(name) == number)
    }

    @Test(arguments: ["", "0", "65", "FOO", "SIG", "-1", "RTMIN+40"])
    func rejectsUnknownSignals(_ name: String) {
        #expect(Signals.parse(name) == nil)
    }
}

@Suite struct CgroupPathTests {
    let id = try! ContainerID("web")

    @Test func defaultsToTheIdAtTheRoot() throws {
        #expect(try CgroupPath.resolve(nil, id: id, systemd: false) == "/web")
        #expect(try CgroupPath.resolve("", id: id, systemd: false) == "/web")
    }

    @Test func cleansConfiguredPaths() throws {
        #expect(try CgroupPath.resolve("/default/web", id: id, systemd: false) == "/default/web")
        #expect(try CgroupPath.resolve("relative/x", id: id, systemd: false) == "relative/x")
        #expect(try CgroupPath.resolve("../x/./y", id: id, systemd: false) == "x/y")
        #expect(try CgroupPath.resolve("/a/../../b", id: id, systemd: false) == "/b")
    }

    @Test func refusesWhatItCannotManage() {
        #expect(throws: CgroupPathError.self) { try CgroupPath.resolve("/", id: id, systemd: false) }
        #expect(throws: CgroupPathError.self) { try CgroupPath.resolve("/..", id: id, systemd: false) }
        #expect(throws: CgroupPathError.self) { try CgroupPath.resolve("machine.slice:libpod:abc", id: id, systemd: false) }
        #expect(throws: CgroupPathError.self) { try CgroupPath.resolve("..", id: id, systemd: false) }
        #expect(throws: CgroupPathError.self) { try CgroupPath.resolve(nil, id: id, systemd: true) }
        #expect(throws: CgroupPathError.self) { try CgroupPath.resolve("/not/a/slice", id: id, systemd: true) }
    }
}

@Suite struct ContainerRecordTests {
    func record() -> ContainerRecord {
        var record = ContainerRecord(id: "web", bundle: "/b", rootfs: "/b/rootfs", created: "2026-01-01T00:00:00Z")
        record.pid = 42
        record.pidStartTime = 123_456
        record.annotations = ["k": "v"]
        record.cgroupPath = "/web"
        record.cgroups = [CgroupDirectory(path: "/sys/fs/cgroup/memory/web", mountPoint: "/sys/fs/cgroup/memory", controllers: ["memory"])]
        var resources = Resources()
        resources.pids = PidsResources(limit: 10)
        record.resources = resources
        record.owner = "root"
        return record
    }

    @Test func roundTripsThroughStateJSON() throws {
        #expect(try ContainerRecord.decode(record().compactJSON) == record())
    }

    @Test func showsTheSpecStateToHooks() {
        let json = JSONWriter.compact(record().stateJSON(.created, forHooks: true))
        #expect(json == #"{"ociVersion":"1.2.0","id":"web","status":"created","pid":42,"bundle":"/b","annotations":{"k":"v"}}"#)
    }

    @Test func aDeadOrRecycledPidIsStopped() {
        var record = record()
        let store = StateStore(root: "/nonexistent")
        record.pid = getpid()
        record.pidStartTime = 1 // not this process's start time: a recycled pid
        #expect(Lifecycle.status(of: record, store: store) == .stopped)
        record.pidStartTime = ProcessStat.read(getpid())!.startTime
        #expect(Lifecycle.status(of: record, store: store) == .running)
        record.pid = 0
        #expect(Lifecycle.status(of: record, store: store) == .creating)
    }

    @Test func namesUsersFromAPasswdFile() throws {
        let path = "/tmp/srun-passwd-\(getpid())"
        defer { unlink(path) }
        try Files.create(path, "root:x:0:0::/root:/bin/sh\nweb:x:1000:1000::/home/web:/bin/sh\n")
        #expect(Users.name(of: 1000, passwd: path) == "web")
        #expect(Users.name(of: 7, passwd: path) == "7")
        #expect(Users.entry(of: 1000, passwd: path) == Users.Entry(name: "web", home: "/home/web"))
        #expect(Users.entry(of: 0, passwd: path)?.home == "/root")
    }

    @Test func skipsPasswdLinesThatAreShortOrHaveNoNumericUID() throws {
        let path = "/tmp/srun-passwd-short-\(getpid())"
        defer { unlink(path) }
        try Files.create(path, "broken\nodd:x:1x:0::/odd:/bin/sh\n\nshort:x:42\nbig:x:99999999999:0::/big:/bin/sh\n")
        #expect(Users.entry(of: 42, passwd: path) == Users.Entry(name: "short", home: ""))
        #expect(Users.name(of: 1, passwd: path) == "1")
        #expect(Users.entry(of: UInt32(99999999999 % 4294967296), passwd: path) == nil)
    }
}
