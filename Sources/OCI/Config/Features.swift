/// The runtime-spec's features document (features.md): what a runtime implements.
public struct Features: Equatable, Sendable {
    public var ociVersionMin: String
    public var ociVersionMax: String
    public var hooks: [String] = []
    public var mountOptions: [String] = []
    public var linux = LinuxFeatures()
    public var annotations: [String: String] = [:]
    public var potentiallyUnsafeConfigAnnotations: [String] = []

    public init(ociVersionMin: String, ociVersionMax: String) {
        self.ociVersionMin = ociVersionMin
        self.ociVersionMax = ociVersionMax
    }
}

public struct LinuxFeatures: Equatable, Sendable {
    public var namespaces: [NamespaceType] = []
    public var capabilities: [Capability] = []
    public var cgroup = CgroupFeatures()
    public var seccomp = SeccompFeatures()
    public var apparmorEnabled = false
    public var selinuxEnabled = false
    public var intelRdtEnabled = false
    public var idmapMountsEnabled = false
    public var netDevicesEnabled = false

    public init() {}
}

public struct CgroupFeatures: Equatable, Sendable {
    public var v1 = false
    public var v2 = false
    public var systemd = false
    public var systemdUser = false
    public var rdma = false

    public init() {}
}

public struct SeccompFeatures: Equatable, Sendable {
    public var enabled = false
    public var actions: [SeccompAction] = []
    public var operators: [SeccompOperator] = []
    public var archs: [SeccompArch] = []
    public var knownFlags: [SeccompFlag] = []
    public var supportedFlags: [SeccompFlag] = []

    public init() {}
}

extension Features: JSONEncodable {
    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("ociVersionMin", ociVersionMin)
        o.set("ociVersionMax", ociVersionMax)
        o.set("hooks", hooks)
        o.set("mountOptions", mountOptions)
        o.set("linux", linux)
        o.set("annotations", annotations)
        o.set("potentiallyUnsafeConfigAnnotations", potentiallyUnsafeConfigAnnotations)
        return o.json
    }
}

extension LinuxFeatures: JSONEncodable {
    public var json: JSON {
        func enabled(_ on: Bool) -> JSON { .object([(key: "enabled", value: .bool(on))]) }
        var o = JSONObjectBuilder()
        o.set("namespaces", namespaces)
        o.set("capabilities", capabilities)
        o.set("cgroup", cgroup)
        o.set("seccomp", seccomp)
        o.set("apparmor", enabled(apparmorEnabled))
        o.set("selinux", enabled(selinuxEnabled))
        o.set("intelRdt", enabled(intelRdtEnabled))
        o.set("mountExtensions", JSON.object([(key: "idmap", value: enabled(idmapMountsEnabled))]))
        o.set("netDevices", enabled(netDevicesEnabled))
        return o.json
    }
}

extension CgroupFeatures: JSONEncodable {
    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("v1", v1)
        o.set("v2", v2)
        o.set("systemd", systemd)
        o.set("systemdUser", systemdUser)
        o.set("rdma", rdma)
        return o.json
    }
}

extension SeccompFeatures: JSONEncodable {
    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("enabled", enabled)
        o.set("actions", actions)
        o.set("operators", operators)
        o.set("archs", archs)
        o.set("knownFlags", knownFlags)
        o.set("supportedFlags", supportedFlags)
        return o.json
    }
}

extension JSON: JSONEncodable {
    public var json: JSON { self }
}
