#if canImport(Glibc)
import Glibc
#endif
import Linux
import Testing
@testable import Cgroups
@testable import OCI

@Suite struct DeviceRuleSetTests {
    func rules(_ json: String) -> [DeviceRule] { try! [DeviceRule].decode(json) }

    @Test func denyAllThenAllowsIsAnAllowList() {
        let set = DeviceRuleSet(rules(#"[{"allow":false,"access":"rwm"},{"allow":true,"type":"c","major":1,"minor":3,"access":"rw"},{"allow":true,"type":"c","major":136,"access":"rwm"}]"#))
        #expect(!set.defaultAllow)
        #expect(set.allows(type: .char, major: 1, minor: 3, access: [.read, .write]))
        #expect(!set.allows(type: .char, major: 1, minor: 3, access: .mknod))
        #expect(!set.allows(type: .block, major: 1, minor: 3, access: .read))
        #expect(set.allows(type: .char, major: 136, minor: 7, access: .read))
        #expect(!set.allows(type: .char, major: 1, minor: 5, access: .read))
    }

    @Test func allowAllThenDeniesIsADenyList() {
        let set = DeviceRuleSet(rules(#"[{"allow":true,"access":"rwm"},{"allow":false,"type":"b","major":8,"minor":0,"access":"w"}]"#))
        #expect(set.defaultAllow)
        #expect(set.allows(type: .block, major: 8, minor: 0, access: .read))
        #expect(!set.allows(type: .block, major: 8, minor: 0, access: [.read, .write]))
        #expect(set.allows(type: .char, major: 8, minor: 0, access: .write))
    }

    @Test func laterRulesMergeRemoveAndReset() {
        var set = DeviceRuleSet(rules(#"[{"allow":false,"access":"rwm"},{"allow":true,"type":"c","major":1,"minor":3,"access":"r"},{"allow":true,"type":"c","major":1,"minor":3,"access":"w"}]"#))
        #expect(set.exceptions.count == 1)
        #expect(set.allows(type: .char, major: 1, minor: 3, access: [.read, .write]))
        set.apply(DeviceRule(allow: false, type: .char, major: 1, minor: 3, access: "r"))
        #expect(!set.allows(type: .char, major: 1, minor: 3, access: .read))
        #expect(set.allows(type: .char, major: 1, minor: 3, access: .write))
        set.apply(DeviceRule(allow: false, type: .char, major: 1, minor: 3, access: "w"))
        #expect(set.exceptions.isEmpty)
        set.apply(DeviceRule(allow: true, type: .all))
        #expect(set == DeviceRuleSet([]))
    }
}

@Suite struct DeviceFilterTests {
    @Test func encodesInstructionsAsTheKernelReadsThem() {
        #expect(BPFInstruction.loadWord(dst: 2, src: 1, offset: 4).encoded == 0x0000_0000_0004_1261)
        #expect(BPFInstruction.moveImmediate(dst: 0, 1).encoded == 0x0000_0001_0000_00b7)
        #expect(BPFInstruction.jumpIfNotEqual(dst: 4, 136, 3).encoded == 0x0000_0088_0003_0455)
        #expect(BPFInstruction.andImmediate(dst: 1, -8).encoded == 0xffff_fff8_0000_0157)
        #expect(BPFInstruction.exit.encoded == 0x95)
    }

    @Test func oneBlockPerExceptionThenTheDefault() {
        let filter = DeviceFilter([DeviceRule(allow: false), DeviceRule(allow: true, type: .char, major: 1, minor: 3, access: "rw")])
        let code = filter.instructions
        // prologue 6; type, major, minor, mov, and, jump, verdict, exit = 8; default 2
        #expect(code.count == 6 + 8 + 2)
        // type test skips to the next block: 5 more tests/ops + verdict + exit past it.
        #expect(code[6] == BPFInstruction.jumpIfNotEqual(dst: 3, 2, 7).encoded)
        #expect(code[12] == BPFInstruction.moveImmediate(dst: 0, 1).encoded)
        #expect(code[14] == BPFInstruction.moveImmediate(dst: 0, 0).encoded)
    }

    /// Loads and attaches for real where it can: a cgroup2 mount (hybrid's "unified" here) takes
    /// an eBPF device program whatever controllers it has. A shell moved into the cgroup may
    /// then read /dev/zero but not /dev/null.
    @Test func attachedFilterDecidesWhatProcessesInTheCgroupOpen() throws {
        let mounted = (try? Hierarchy.mounted()) ?? []
        guard geteuid() == 0, let unified = mounted.first(where: \.isUnified) else { return }
        let directory = unified.mountPoint + "/srun-device-filter-test-\(getpid())"
        try #require(mkdir(directory, 0o755) == 0)
        defer { rmdir(directory) }
        let rules = [DeviceRule(allow: false), DeviceRule(allow: true, type: .char, major: 1, minor: 5, access: "rwm")]
        try DeviceFilter(rules).attach(to: directory)
        let (status, denied) = try Processes.output(of: ["sh", "-c", "echo $$ > \(directory)/cgroup.procs && head -c 1 /dev/null; echo null=$?"])
        #expect(status == .exited(0))
        #expect(denied.contains("Operation not permitted") && denied.hasSuffix("null=1\n"))
        let (_, allowed) = try Processes.output(of: ["sh", "-c", "echo $$ > \(directory)/cgroup.procs && head -c 1 /dev/zero | wc -c"])
        #expect(allowed.hasSuffix("1\n"))
    }
}
