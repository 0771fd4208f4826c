import Testing
@testable import OCI

/// A minimal valid config with `patch` spliced into its members.
func config(_ extra: String = "", process: String = #""user":{"uid":0,"gid":0},"args":["sh"],"cwd":"/""#) -> String {
    #"{"ociVersion":"1.2.0","root":{"path":"rootfs"},"process":{"# + process + "}" + (extra.isEmpty ? "" : "," + extra) + "}"
}

func decodeError(_ text: String) -> String? {
    do {
        let spec = try Spec.decode(text)
        try spec.validate()
        return nil
    } catch {
        return error.description
    }
}

@Suite struct DecodingTests {
    @Test func decodesTheMinimalConfig() throws {
        let spec = try Spec.decode(config())
        #expect(spec.ociVersion == "1.2.0")
        #expect(spec.root == Root(path: "rootfs"))
        #expect(spec.process?.args == ["sh"])
        #expect(spec.mounts.isEmpty && spec.linux == nil)
    }

    @Test func namesThePathOfAWrongType() {
        #expect(decodeError(config(#""linux":{"resources":{"memory":{"limit":"1g"}}}"#))
            == "config.json: linux.resources.memory.limit: expected an integer, got a string")
        #expect(decodeError(config(#""mounts":[{"destination":"/a"},{"destination":5}]"#))
            == "config.json: mounts[1].destination: expected a string, got a number")
        #expect(decodeError(config(#""annotations":{"a.b":1}"#))
            == #"config.json: annotations["a.b"]: expected a string, got a number"#)
        #expect(decodeError(config(#""linux":[]"#)) == "config.json: linux: expected an object, got an array")
        #expect(decodeError("[]") == "config.json: expected an object, got an array")
    }

    @Test func checksEachIntegerAgainstItsType() {
        #expect(decodeError(config(process: #""user":{"uid":4294967296,"gid":0},"args":["sh"],"cwd":"/""#))
            == "config.json: process.user.uid: expected an integer in 0...4294967295, got 4294967296")
        #expect(decodeError(config(process: #""user":{"uid":-1,"gid":0},"args":["sh"],"cwd":"/""#))
            == "config.json: process.user.uid: expected an integer in 0...4294967295, got -1")
        #expect(decodeError(config(process: #""user":{"uid":1.5,"gid":0},"args":["sh"],"cwd":"/""#))
            == "config.json: process.user.uid: expected an integer, got 1.5")
        #expect(decodeError(config(process: #""user":{"uid":1e3,"gid":0},"args":["sh"],"cwd":"/""#))
            == "config.json: process.user.uid: expected an integer, got 1e3")
        #expect(decodeError(config(#""linux":{"resources":{"blockIO":{"weight":65536}}}"#))
            == "config.json: linux.resources.blockIO.weight: expected an integer in 0...65535, got 65536")
    }

    @Test func keepsTheFullUInt64AndInt64Ranges() throws {
        let spec = try Spec.decode(config(#"""
            "linux":{"resources":{"memory":{"limit":-9223372036854775808}},
            "seccomp":{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["x"],"action":"SCMP_ACT_ERRNO",
            "args":[{"index":0,"value":18446744073709551615,"op":"SCMP_CMP_EQ"}]}]}}
            """#))
        #expect(spec.linux?.resources?.memory?.limit == Int64.min)
        #expect(spec.linux?.seccomp?.syscalls.first?.args.first?.value == UInt64.max)
    }

    @Test func reportsMissingRequiredFields() {
        #expect(decodeError(#"{"root":{"path":"r"}}"#) == "config.json: ociVersion: required field is missing")
        #expect(decodeError(config(process: #""user":{"uid":0,"gid":0},"args":["sh"]"#))
            == "config.json: process.cwd: required field is missing")
        #expect(decodeError(config(#""linux":{"namespaces":[{"path":"/x"}]}"#))
            == "config.json: linux.namespaces[0].type: required field is missing")
    }

    @Test func readsNullAsAbsent() throws {
        let spec = try Spec.decode(config(#""hostname":null,"mounts":null,"linux":{"resources":null}"#))
        #expect(spec.hostname == nil && spec.mounts.isEmpty && spec.linux?.resources == nil)
        #expect(decodeError(#"{"ociVersion":null}"#) == "config.json: ociVersion: required field is missing")
    }

    @Test func ignoresUnknownKeys() throws {
        let spec = try Spec.decode(config(#""future":{"x":1},"linux":{"newThing":[1],"namespaces":[{"type":"pid","extra":true}]}"#))
        #expect(spec.linux?.namespaces == [Namespace(type: .pid)])
    }

    @Test func rejectsUnknownNamesInClosedSets() {
        #expect(decodeError(config(process: #""user":{"uid":0,"gid":0},"args":["sh"],"cwd":"/","capabilities":{"bounding":["CAP_KILL","CAP_FLY"]}"#))
            == #"config.json: process.capabilities.bounding[1]: unknown capability "CAP_FLY""#)
        #expect(decodeError(config(#""linux":{"namespaces":[{"type":"pidx"}]}"#))
            == #"config.json: linux.namespaces[0].type: unknown namespace type "pidx""#)
        #expect(decodeError(config(#""linux":{"rootfsPropagation":"sideways"}"#))
            == #"config.json: linux.rootfsPropagation: unknown propagation "sideways""#)
    }

    @Test func capabilityNumbersFollowTheKernel() {
        #expect(Capability.chown.number == 0)
        #expect(Capability.sysAdmin.number == 21)
        #expect(Capability.checkpointRestore.number == 40)
        #expect(RlimitType.nofile.resource == 7)
        #expect(RlimitType.rttime.resource == 15)
    }

    @Test func exampleSpecIsValid() throws {
        for rootless in [false, true] {
            let spec = Spec.example(rootless: rootless, uid: 1000, gid: 1000)
            try spec.validate()
            #expect(try Spec.decode(spec.indentedJSON) == spec)
        }
        #expect(Spec.example(rootless: true, uid: 1000, gid: 1001).linux?.gidMappings == [IDMapping(containerID: 0, hostID: 1001, size: 1)])
    }
}
