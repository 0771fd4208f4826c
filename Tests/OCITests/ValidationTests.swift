import Foundation
import Testing
@testable import OCI

@Suite struct ValidationTests {
    @Test(arguments: ["1.0.0", "1.2.0", "1.0.2-dev", "1.3.0-rc.1"])
    func acceptsEveryOneDotXVersion(_ version: String) {
        #expect(decodeError(config().replacingFirst("1.2.0", with: version)) == nil)
    }

    @Test(arguments: ["2.0.0", "0.9.0", "1.0", "1", "", "v1.0.0", "1.x.0"])
    func rejectsOtherVersions(_ version: String) {
        #expect(decodeError(config().replacingFirst("1.2.0", with: version))
            == "config.json: ociVersion: unsupported version \"\(version)\", expected 1.x.y")
    }

    @Test func requiresRootAndProcess() {
        #expect(decodeError(#"{"ociVersion":"1.2.0","process":{"user":{"uid":0,"gid":0},"args":["sh"],"cwd":"/"}}"#)
            == "config.json: root: required field is missing")
        #expect(decodeError(#"{"ociVersion":"1.2.0","root":{"path":"r"}}"#) == "config.json: process: required field is missing")
    }

    @Test func checksIDMappings() {
        let userns = #""namespaces":[{"type":"user"}]"#
        #expect(decodeError(config(#""linux":{\#(userns),"uidMappings":[{"containerID":0,"hostID":1000,"size":10}],"gidMappings":[{"containerID":0,"hostID":1000,"size":10},{"containerID":5,"hostID":2000,"size":10}]}"#))
            == "config.json: linux.gidMappings[1]: range overlaps linux.gidMappings[0]")
        #expect(decodeError(config(#""linux":{\#(userns),"uidMappings":[{"containerID":4294967295,"hostID":0,"size":2}],"gidMappings":[{"containerID":0,"hostID":0,"size":1}]}"#))
            == "config.json: linux.uidMappings[0]: range goes past 4294967295")
        #expect(decodeError(config(#""linux":{\#(userns),"uidMappings":[{"containerID":0,"hostID":0,"size":1}]}"#))
            == "config.json: linux.gidMappings: a new user namespace needs uid and gid mappings")
        #expect(decodeError(config(#""linux":{"uidMappings":[{"containerID":0,"hostID":0,"size":1}]}"#))
            == "config.json: linux.uidMappings: mappings are set but linux.namespaces has no user namespace")
        #expect(decodeError(config(#""linux":{"namespaces":[{"type":"user","path":"/proc/1/ns/user"}]}"#)) == nil)
    }

    @Test func sysctlsMustBelongToTheContainersNamespaces() {
        let ns = #""namespaces":[{"type":"network"},{"type":"ipc"},{"type":"uts"}]"#
        #expect(decodeError(config(#""linux":{\#(ns),"sysctl":{"net.ipv4.ip_forward":"1","kernel.shmmax":"1","fs.mqueue.msg_max":"1","kernel.domainname":"x"}}"#)) == nil)
        #expect(decodeError(config(#""linux":{"sysctl":{"net.ipv4.ip_forward":"1"}}"#))
            == #"config.json: linux.sysctl["net.ipv4.ip_forward"]: needs a network namespace in linux.namespaces"#)
        #expect(decodeError(config(#""linux":{\#(ns),"sysctl":{"kernel.panic":"1"}}"#))
            == #"config.json: linux.sysctl["kernel.panic"]: not namespaced: setting it would change the host"#)
        #expect(decodeError(config(#""linux":{\#(ns),"sysctl":{"net.ipv4....x":"1"}}"#))
            == #"config.json: linux.sysctl["net.ipv4....x"]: invalid sysctl name"#)
    }

    @Test func cpuListsUseTheKernelSyntax() {
        for good in ["0", "0-3", "0-3,7", "1,2,3", "0-0"] {
            #expect(decodeError(config(#""linux":{"resources":{"cpu":{"cpus":"\#(good)"}}}"#)) == nil)
        }
        for bad in ["a", "3-1", "0-", ",1", "1,,2", "-1", "0-1-2"] {
            #expect(decodeError(config(#""linux":{"resources":{"cpu":{"cpus":"\#(bad)"}}}"#))
                == "config.json: linux.resources.cpu.cpus: expected a list such as \"0-3,7\", got \"\(bad)\"")
        }
    }

    @Test func cgroupFileNamesCannotEscape() {
        #expect(decodeError(config(#""linux":{"resources":{"unified":{"../../release_agent":"x"}}}"#))
            == #"config.json: linux.resources.unified["../../release_agent"]: invalid name "../../release_agent""#)
        #expect(decodeError(config(#""linux":{"intelRdt":{"closID":".."}}"#))
            == #"config.json: linux.intelRdt.closID: invalid name "..""#)
    }

    @Test func devicesNeedNumbersExceptFifos() {
        #expect(decodeError(config(#""linux":{"devices":[{"type":"p","path":"/dev/f"}]}"#)) == nil)
        #expect(decodeError(config(#""linux":{"devices":[{"type":"c","path":"/dev/x","major":1}]}"#))
            == #"config.json: linux.devices[0]: major and minor are required for device type "c""#)
        #expect(decodeError(config(#""linux":{"devices":[{"type":"c","path":"dev/x","major":1,"minor":3}]}"#))
            == #"config.json: linux.devices[0].path: must be an absolute path, got "dev/x""#)
    }

    @Test func processLimitsAreChecked() {
        let base = #""user":{"uid":0,"gid":0},"args":["sh"],"cwd":"/""#
        #expect(decodeError(config(process: base + #","oomScoreAdj":1001"#))
            == "config.json: process.oomScoreAdj: must be in -1000...1000, got 1001")
        #expect(decodeError(config(process: base + #","rlimits":[{"type":"RLIMIT_NOFILE","hard":1,"soft":2}]"#))
            == "config.json: process.rlimits[0]: soft limit 2 exceeds hard limit 1")
        #expect(decodeError(config(process: base + #","env":["=x"]"#))
            == #"config.json: process.env[0]: expected KEY=value, got "=x""#)
        #expect(decodeError(config(process: base + #","ioPriority":{"class":"IOPRIO_CLASS_BE","priority":8}"#))
            == "config.json: process.ioPriority.priority: must be in 0...7, got 8")
    }

    @Test func seccompRulesAreChecked() {
        #expect(decodeError(config(#""linux":{"seccomp":{"defaultAction":"SCMP_ACT_NOTIFY","listenerPath":"/s"}}"#))
            == "config.json: linux.seccomp.defaultAction: SCMP_ACT_NOTIFY cannot be the default action")
        #expect(decodeError(config(#""linux":{"seccomp":{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["x"],"action":"SCMP_ACT_ERRNO","args":[{"index":6,"value":0,"op":"SCMP_CMP_EQ"}]}]}}"#))
            == "config.json: linux.seccomp.syscalls[0].args[0].index: must be in 0...5, got 6")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
