/// The `linux` object (config-linux.md).
public struct Linux: Equatable, Sendable {
    public var namespaces: [Namespace] = []
    public var uidMappings: [IDMapping] = []
    public var gidMappings: [IDMapping] = []
    /// Keyed by clock: "monotonic", "boottime".
    public var timeOffsets: [String: TimeOffset] = [:]
    public var devices: [Device] = []
    public var cgroupsPath: String?
    public var resources: Resources?
    public var intelRdt: IntelRdt?
    public var sysctl: [String: String] = [:]
    public var seccomp: Seccomp?
    public var rootfsPropagation: Propagation?
    public var maskedPaths: [String] = []
    public var readonlyPaths: [String] = []
    public var mountLabel: String?
    public var personality: Personality?
    public var memoryPolicy: MemoryPolicy?
    /// Host interface name to the device's settings in the container.
    public var netDevices: [String: NetDevice] = [:]

    public init() {}
}

extension Linux: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        namespaces = try o.optional("namespaces")
        uidMappings = try o.optional("uidMappings")
        gidMappings = try o.optional("gidMappings")
        timeOffsets = try o.optional("timeOffsets")
        devices = try o.optional("devices")
        cgroupsPath = try o.optional("cgroupsPath")
        resources = try o.optional("resources")
        intelRdt = try o.optional("intelRdt")
        sysctl = try o.optional("sysctl")
        seccomp = try o.optional("seccomp")
        rootfsPropagation = try o.optional("rootfsPropagation")
        maskedPaths = try o.optional("maskedPaths")
        readonlyPaths = try o.optional("readonlyPaths")
        mountLabel = try o.optional("mountLabel")
        personality = try o.optional("personality")
        memoryPolicy = try o.optional("memoryPolicy")
        netDevices = try o.optional("netDevices")
    }

    /// Field order follows runc's, so `srun spec` prints what `runc spec` prints.
    public var json: JSON {
        var o = JSONObjectBuilder()
        o.setNonEmpty("uidMappings", uidMappings)
        o.setNonEmpty("gidMappings", gidMappings)
        o.setNonEmpty("sysctl", sysctl)
        o.set("resources", resources)
        o.set("cgroupsPath", cgroupsPath)
        o.setNonEmpty("namespaces", namespaces)
        o.setNonEmpty("devices", devices)
        o.set("seccomp", seccomp)
        o.set("rootfsPropagation", rootfsPropagation)
        o.setNonEmpty("maskedPaths", maskedPaths)
        o.setNonEmpty("readonlyPaths", readonlyPaths)
        o.set("mountLabel", mountLabel)
        o.set("intelRdt", intelRdt)
        o.set("personality", personality)
        o.setNonEmpty("timeOffsets", timeOffsets)
        o.set("memoryPolicy", memoryPolicy)
        o.setNonEmpty("netDevices", netDevices)
        return o.json
    }
}

public enum NamespaceType: String, JSONEnum {
    case pid, network, mount, ipc, uts, user, cgroup, time
    public static let noun = "namespace type"
}

/// A namespace to create, or to join when `path` is set.
public struct Namespace: Equatable, Sendable {
    public var type: NamespaceType
    public var path: String?

    public init(type: NamespaceType, path: String? = nil) {
        self.type = type
        self.path = path
    }
}

extension Namespace: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        type = try o.required("type")
        self.path = try o.optional("path")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("type", type)
        o.set("path", path)
        return o.json
    }
}

public enum DeviceType: String, JSONEnum {
    case char = "c", block = "b", unbufferedChar = "u", fifo = "p"
    public static let noun = "device type"
}

/// A device node to create in the container.
public struct Device: Equatable, Sendable {
    public var type: DeviceType
    public var path: String
    public var major: Int64?
    public var minor: Int64?
    public var fileMode: UInt32?
    public var uid: UInt32?
    public var gid: UInt32?

    public init(type: DeviceType, path: String, major: Int64? = nil, minor: Int64? = nil) {
        self.type = type
        self.path = path
        self.major = major
        self.minor = minor
    }
}

extension Device: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        type = try o.required("type")
        self.path = try o.required("path")
        major = try o.optional("major")
        minor = try o.optional("minor")
        fileMode = try o.optional("fileMode")
        uid = try o.optional("uid")
        gid = try o.optional("gid")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("path", path)
        o.set("type", type)
        o.set("major", major)
        o.set("minor", minor)
        o.set("fileMode", fileMode)
        o.set("uid", uid)
        o.set("gid", gid)
        return o.json
    }
}

public struct TimeOffset: Equatable, Sendable {
    public var secs: Int64?
    public var nanosecs: UInt32?
}

extension TimeOffset: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        secs = try o.optional("secs")
        nanosecs = try o.optional("nanosecs")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("secs", secs)
        o.set("nanosecs", nanosecs)
        return o.json
    }
}

/// Mount propagation, for rootfsPropagation and the propagation mount options.
public enum Propagation: String, JSONEnum {
    case shared, rshared, slave, rslave, `private`, rprivate, unbindable, runbindable
    public static let noun = "propagation"
}

public enum PersonalityDomain: String, JSONEnum {
    case linux = "LINUX", linux32 = "LINUX32"
    public static let noun = "personality domain"
}

public struct Personality: Equatable, Sendable {
    public var domain: PersonalityDomain
    /// The spec defines no flag yet; any given is an error at validation.
    public var flags: [String] = []
}

extension Personality: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        domain = try o.required("domain")
        flags = try o.optional("flags")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("domain", domain)
        o.setNonEmpty("flags", flags)
        return o.json
    }
}

public enum MemoryPolicyMode: String, JSONEnum {
    case `default` = "MPOL_DEFAULT", bind = "MPOL_BIND", interleave = "MPOL_INTERLEAVE"
    case weightedInterleave = "MPOL_WEIGHTED_INTERLEAVE", preferred = "MPOL_PREFERRED"
    case preferredMany = "MPOL_PREFERRED_MANY", local = "MPOL_LOCAL"
    public static let noun = "memory policy mode"
}

public enum MemoryPolicyFlag: String, JSONEnum {
    case numaBalancing = "MPOL_F_NUMA_BALANCING", relativeNodes = "MPOL_F_RELATIVE_NODES"
    case staticNodes = "MPOL_F_STATIC_NODES"
    public static let noun = "memory policy flag"
}

/// set_mempolicy(2) for the container process.
public struct MemoryPolicy: Equatable, Sendable {
    public var mode: MemoryPolicyMode
    public var nodes: String?
    public var flags: [MemoryPolicyFlag] = []
}

extension MemoryPolicy: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        mode = try o.required("mode")
        nodes = try o.optional("nodes")
        flags = try o.optional("flags")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("mode", mode)
        o.set("nodes", nodes)
        o.setNonEmpty("flags", flags)
        return o.json
    }
}

/// A host network device moved into the container's network namespace.
public struct NetDevice: Equatable, Sendable {
    /// The name inside the container; the host name when unset.
    public var name: String?
}

extension NetDevice: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        name = try o.optional("name")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("name", name)
        return o.json
    }
}

/// Intel RDT (resctrl) class of service and monitoring.
public struct IntelRdt: Equatable, Sendable {
    public var closID: String?
    public var schemata: [String] = []
    public var l3CacheSchema: String?
    public var memBwSchema: String?
    public var enableMonitoring: Bool?
    public var enableCMT: Bool?
    public var enableMBM: Bool?
}

extension IntelRdt: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        closID = try o.optional("closID")
        schemata = try o.optional("schemata")
        l3CacheSchema = try o.optional("l3CacheSchema")
        memBwSchema = try o.optional("memBwSchema")
        enableMonitoring = try o.optional("enableMonitoring")
        enableCMT = try o.optional("enableCMT")
        enableMBM = try o.optional("enableMBM")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("closID", closID)
        o.setNonEmpty("schemata", schemata)
        o.set("l3CacheSchema", l3CacheSchema)
        o.set("memBwSchema", memBwSchema)
        o.set("enableMonitoring", enableMonitoring)
        o.set("enableCMT", enableCMT)
        o.set("enableMBM", enableMBM)
        return o.json
    }
}
