import Testing
@testable import Runtime
import OCI

@Suite struct ContainerIDTests {
    @Test(arguments: ["a", "A_b+c-d.e", "0", "-x", "+", "_", "abc..def", String(repeating: "x", count: 1024)])
    func acceptsSafeIDs(_ id: String) throws {
        #expect(try ContainerID(id).description == id)
    }

    @Test(arguments: ["", ".", "..", ".hidden", "a/b", "/abs", "a b", "a\nb", "é", "a\u{0}b", "a:b", String(repeating: "x", count: 1025)])
    func rejectsUnsafeIDs(_ id: String) {
        #expect(throws: UsageError.self) { try ContainerID(id) }
    }
}

@Suite struct LoggerTests {
    @Test func writesLogrusJSONLines() {
        let logger = Logger(format: .json)
        #expect(logger.line(.error, "bad \"x\"\n", time: "2026-01-02T03:04:05Z")
            == #"{"level":"error","msg":"bad \"x\"\n","time":"2026-01-02T03:04:05Z"}"# + "\n")
    }

    @Test func writesLogrusTextLines() {
        let logger = Logger(format: .text)
        #expect(logger.line(.warning, "it \"broke\"", time: "2026-01-02T03:04:05Z")
            == #"time="2026-01-02T03:04:05Z" level=warning msg="it \"broke\"""# + "\n")
    }
}

@Suite struct PathsTests {
    @Test func cleansLexically() {
        #expect(Paths.clean("/a/./b//c/../d/") == "/a/b/d")
        #expect(Paths.clean("/../..") == "/")
    }

    @Test func makesRelativePathsAbsolute() throws {
        let path = try Paths.absolute("x/../y")
        #expect(path.hasPrefix("/") && path.hasSuffix("/y"))
    }
}

@Suite struct FeaturesTests {
    /// The document lists what srun carries out and nothing it does not do yet.
    @Test func claimsOnlyWhatIsImplemented() {
        let features = SupportedFeatures.document
        #expect(features.ociVersionMin == "1.0.0" && features.ociVersionMax == "1.2.0")
        #expect(features.hooks == ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"])
        #expect(features.mountOptions.contains("rbind") && features.mountOptions.contains("rslave"))
        #expect(features.mountOptions.contains("tmpcopyup") && features.mountOptions.contains("idmap"))
        #expect(features.linux.idmapMountsEnabled)
        #expect(features.linux.namespaces == NamespaceType.allCases)
        #expect(features.linux.capabilities.contains(.sysAdmin) && features.linux.capabilities.contains(.chown))
        #expect(features.linux.seccomp.enabled && features.linux.seccomp.actions.count == 9)
        #expect(features.linux.apparmorEnabled && features.linux.selinuxEnabled)
        // cgroup drivers for v1 and v2 (hybrid uses both), rdma; no systemd driver.
        #expect(features.linux.cgroup.v1 && features.linux.cgroup.v2 && features.linux.cgroup.rdma)
        #expect(!features.linux.cgroup.systemd && !features.linux.cgroup.systemdUser)
    }

    @Test func versionTextHasRuncsLines() {
        let lines = Version.text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "srun version \(Version.srun)")
        #expect(lines[1] == "spec: 1.2.0")
        #expect(lines[2].hasPrefix("libseccomp: 2."))
    }
}
