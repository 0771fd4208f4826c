#if canImport(Glibc)
import Glibc
#endif
import CShim
import Testing
@testable import Linux
@testable import OCI
@testable import Runtime

@Suite struct SeccompProfileTests {
    private let log = Logger()

    @Test func actionsAreTheKernelsReturnValuesWithErrnoRet() throws {
        let at = JSONPath.root
        #expect(try SeccompProfile.action(.allow, errno: nil, at: at) == 0x7fff_0000)
        #expect(try SeccompProfile.action(.killProcess, errno: nil, at: at) == 0x8000_0000)
        #expect(try SeccompProfile.action(.kill, errno: nil, at: at) == 0)
        #expect(try SeccompProfile.action(.notify, errno: nil, at: at) == 0x7fc0_0000)
        // EPERM when errnoRet is absent, as the spec says.
        #expect(try SeccompProfile.action(.errno, errno: nil, at: at) == 0x0005_0001)
        #expect(try SeccompProfile.action(.errno, errno: 38, at: at) == 0x0005_0026)
        #expect(try SeccompProfile.action(.trace, errno: 3, at: at) == 0x7ff0_0003)
        #expect(throws: ConfigError.self) { try SeccompProfile.action(.errno, errno: 65536, at: at) }
    }

    @Test func maskedEqualTakesTheMaskFromValueAndTheResultFromValueTwo() {
        let condition = SeccompProfile.condition(SeccompArg(index: 1, value: 0o4000, valueTwo: 0o4000, op: .maskedEqual))
        #expect(condition.op == 7 && condition.datumA == 0o4000 && condition.datumB == 0o4000 && condition.index == 1)
        // libseccomp's SCMP_CMP_* numbers, for every operator of the spec.
        let numbers: [SeccompOperator: UInt32] = [.notEqual: 1, .lessThan: 2, .lessOrEqual: 3, .equal: 4,
                                                  .greaterOrEqual: 5, .greaterThan: 6, .maskedEqual: 7]
        for op in SeccompOperator.allCases {
            #expect(SeccompProfile.condition(SeccompArg(index: 0, value: 5, valueTwo: nil, op: op)).op == numbers[op])
        }
    }

    @Test func everyArchitectureNameMapsToLibseccomps() {
        #expect(SeccompProfile.libseccompName(.x86_64) == "x86_64")
        #expect(SeccompProfile.libseccompName(.mipsel64n32) == "mipsel64n32")
        #expect(SeccompFilter.architecture(named: "x86_64") != nil)
        #expect(SeccompFilter.architecture(named: "not-an-arch") == nil)
    }

    @Test func compilesAProgramAndSkipsUnknownSyscalls() throws {
        var seccomp = Seccomp(defaultAction: .allow)
        var rule = SyscallRule(names: ["mkdir", "no_such_syscall"], action: .errno)
        rule.errnoRet = 38
        seccomp.syscalls = [rule]
        let program = try SeccompProfile.compile(seccomp, log: log)
        #expect(!program.bytes.isEmpty && program.bytes.count % 8 == 0)
        #expect(program.flags == 0 && !program.notifies)
    }

    @Test func notifyAsksForAListenerAndTsyncThenNeedsEsrch() throws {
        var seccomp = Seccomp(defaultAction: .allow)
        seccomp.syscalls = [SyscallRule(names: ["mkdir"], action: .notify)]
        seccomp.listenerPath = "/run/listener.sock"
        seccomp.flags = [.tsync]
        let program = try SeccompProfile.compile(seccomp, log: log)
        #expect(program.notifies)
        let expected = UInt32(SRUN_SECCOMP_FILTER_FLAG_NEW_LISTENER | SRUN_SECCOMP_FILTER_FLAG_TSYNC | SRUN_SECCOMP_FILTER_FLAG_TSYNC_ESRCH)
        #expect(program.flags == expected)
    }

    @Test func waitKillableRecvIsDroppedWithoutAListener() throws {
        var seccomp = Seccomp(defaultAction: .allow)
        seccomp.flags = [.waitKillableRecv, .log]
        #expect(try SeccompProfile.compile(seccomp, log: log).flags == UInt32(SRUN_SECCOMP_FILTER_FLAG_LOG))
    }

    @Test func theListenerMessageIsTheContainerProcessState() throws {
        let state = JSON.object([(key: "id", value: .string("c1"))])
        let message = SeccompListener.message(pid: 42, metadata: "m", state: state)
        let parsed = try JSONParser.parse(message)
        guard case .object(let fields) = parsed else { Issue.record("not an object"); return }
        #expect(fields.map(\.key) == ["ociVersion", "fds", "pid", "metadata", "state"])
        #expect(fields[1].value == .array([.string("seccompFd")]))
        #expect(fields[2].value == .number("42"))
    }
}

@Suite struct CapabilityPlanTests {
    @Test func absentCapabilitiesChangeNothing() throws {
        #expect(try CapabilityPlan.make(nil, warn: { _ in }) == nil)
    }

    @Test func ambientKeepsOnlyWhatIsPermittedAndInheritable() throws {
        var caps = Capabilities()
        caps.bounding = [.kill, .netBindService]
        caps.permitted = [.kill, .netBindService]
        caps.inheritable = [.netBindService]
        caps.ambient = [.kill, .netBindService]
        let plan = try #require(try CapabilityPlan.make(caps, warn: { _ in }))
        #expect(plan.ambient == [Capability.netBindService.number])
        #expect(plan.bounding == [5, 10])
        #expect(plan.effective.isEmpty)
    }

    @Test func aCapabilityOutsideTheHostsBoundingSetIsAnErrorNamingIt() throws {
        guard let missing = Capability.allCases.first(where: {
            $0.number <= CapabilityState.lastCapability && !CapabilityState.inBoundingSet($0.number)
        }) else { return }  // this host's bounding set is full: nothing to refuse
        var caps = Capabilities()
        caps.effective = [.kill, missing]
        #expect {
            _ = try CapabilityPlan.make(caps, warn: { _ in })
        } throws: { error in
            (error as? ConfigError)?.description.contains("process.capabilities.effective[1]: \(missing.rawValue)") == true
        }
    }
}

@Suite struct LSMLabelsTests {
    private func process(apparmor: String? = nil, selinux: String? = nil) -> Process {
        var process = Process(args: ["sh"], cwd: "/")
        process.apparmorProfile = apparmor
        process.selinuxLabel = selinux
        return process
    }

    @Test func aLabelWithoutItsModuleIsAnError() throws {
        let none = LSMLabels.Host(apparmor: false, selinux: false, apparmorAttributeDirectory: false)
        #expect(throws: ConfigError.self) { try LSMLabels.make(process(apparmor: "p"), host: none) }
        #expect(throws: ConfigError.self) { try LSMLabels.make(process(selinux: "l"), host: none) }
        #expect(try LSMLabels.make(process(), host: none).writes.isEmpty)
    }

    @Test func writesTheExecAttributesOfEachModule() throws {
        let modern = LSMLabels.Host(apparmor: true, selinux: true, apparmorAttributeDirectory: true)
        #expect(try LSMLabels.make(process(apparmor: "docker-default"), host: modern).writes
                == [.init(attribute: "thread-self/attr/apparmor/exec", value: "exec docker-default")])
        let old = LSMLabels.Host(apparmor: true, selinux: false, apparmorAttributeDirectory: false)
        #expect(try LSMLabels.make(process(apparmor: "p"), host: old).writes == [.init(attribute: "thread-self/attr/exec", value: "exec p")])
        #expect(try LSMLabels.make(process(selinux: "system_u:system_r:container_t:s0"), host: modern).writes
                == [.init(attribute: "thread-self/attr/exec", value: "system_u:system_r:container_t:s0")])
    }
}

@Suite struct BinarySealTests {
    @Test func aMemfdSealedAgainstWritesIsSealedAndAPlainOneIsNot() throws {
        let memfd = srun_memfd_create("seal-test", UInt32(SRUN_MFD_CLOEXEC | SRUN_MFD_ALLOW_SEALING))
        try #require(memfd >= 0)
        defer { close(memfd) }
        _ = write(memfd, "x", 1)
        #expect(!BinarySeal.isSealed(memfd))
        #expect(fcntl(memfd, SRUN_F_ADD_SEALS, SRUN_F_SEAL_WRITE) == 0)
        #expect(BinarySeal.isSealed(memfd))
    }

    @Test func aFileOnAWritableFilesystemIsNotSealed() throws {
        let fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        // The test binary lives in .build, which is writable.
        #expect(!BinarySeal.isSealed(fd))
    }
}
