/// `linux.resources`: cgroup limits.
public struct Resources: Equatable, Sendable {
    public var devices: [DeviceRule] = []
    public var memory: MemoryResources?
    public var cpu: CPUResources?
    public var pids: PidsResources?
    public var blockIO: BlockIO?
    public var hugepageLimits: [HugepageLimit] = []
    public var network: NetworkResources?
    /// Keyed by RDMA device name.
    public var rdma: [String: RdmaLimit] = [:]
    /// cgroup v2 files written as given: file name to content.
    public var unified: [String: String] = [:]

    public init() {}
}

extension Resources: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        devices = try o.optional("devices")
        memory = try o.optional("memory")
        cpu = try o.optional("cpu")
        pids = try o.optional("pids")
        blockIO = try o.optional("blockIO")
        hugepageLimits = try o.optional("hugepageLimits")
        network = try o.optional("network")
        rdma = try o.optional("rdma")
        unified = try o.optional("unified")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.setNonEmpty("devices", devices)
        o.set("memory", memory)
        o.set("cpu", cpu)
        o.set("pids", pids)
        o.set("blockIO", blockIO)
        o.setNonEmpty("hugepageLimits", hugepageLimits)
        o.set("network", network)
        o.setNonEmpty("rdma", rdma)
        o.setNonEmpty("unified", unified)
        return o.json
    }
}

public enum DeviceRuleType: String, JSONEnum {
    case all = "a", char = "c", block = "b"
    public static let noun = "device rule type"
}

/// One line of the device cgroup's allow/deny list.
public struct DeviceRule: Equatable, Sendable {
    public var allow: Bool
    public var type: DeviceRuleType?
    public var major: Int64?
    public var minor: Int64?
    /// Some of "r", "w", "m".
    public var access: String?

    public init(allow: Bool, type: DeviceRuleType? = nil, major: Int64? = nil, minor: Int64? = nil, access: String? = nil) {
        self.allow = allow
        self.type = type
        self.major = major
        self.minor = minor
        self.access = access
    }
}

extension DeviceRule: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        allow = try o.required("allow")
        type = try o.optional("type")
        major = try o.optional("major")
        minor = try o.optional("minor")
        access = try o.optional("access")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("allow", allow)
        o.set("type", type)
        o.set("major", major)
        o.set("minor", minor)
        o.set("access", access)
        return o.json
    }
}

public struct MemoryResources: Equatable, Sendable {
    public var limit: Int64?
    public var reservation: Int64?
    public var swap: Int64?
    public var kernel: Int64?
    public var kernelTCP: Int64?
    public var swappiness: UInt64?
    public var disableOOMKiller: Bool?
    public var useHierarchy: Bool?
    public var checkBeforeUpdate: Bool?

    public init() {}
}

extension MemoryResources: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        limit = try o.optional("limit")
        reservation = try o.optional("reservation")
        swap = try o.optional("swap")
        kernel = try o.optional("kernel")
        kernelTCP = try o.optional("kernelTCP")
        swappiness = try o.optional("swappiness")
        disableOOMKiller = try o.optional("disableOOMKiller")
        useHierarchy = try o.optional("useHierarchy")
        checkBeforeUpdate = try o.optional("checkBeforeUpdate")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("limit", limit)
        o.set("reservation", reservation)
        o.set("swap", swap)
        o.set("kernel", kernel)
        o.set("kernelTCP", kernelTCP)
        o.set("swappiness", swappiness)
        o.set("disableOOMKiller", disableOOMKiller)
        o.set("useHierarchy", useHierarchy)
        o.set("checkBeforeUpdate", checkBeforeUpdate)
        return o.json
    }
}

public struct CPUResources: Equatable, Sendable {
    public var shares: UInt64?
    public var quota: Int64?
    public var burst: UInt64?
    public var period: UInt64?
    public var realtimeRuntime: Int64?
    public var realtimePeriod: UInt64?
    public var cpus: String?
    public var mems: String?
    public var idle: Int64?

    public init() {}
}

extension CPUResources: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        shares = try o.optional("shares")
        quota = try o.optional("quota")
        burst = try o.optional("burst")
        period = try o.optional("period")
        realtimeRuntime = try o.optional("realtimeRuntime")
        realtimePeriod = try o.optional("realtimePeriod")
        cpus = try o.optional("cpus")
        mems = try o.optional("mems")
        idle = try o.optional("idle")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("shares", shares)
        o.set("quota", quota)
        o.set("burst", burst)
        o.set("period", period)
        o.set("realtimeRuntime", realtimeRuntime)
        o.set("realtimePeriod", realtimePeriod)
        o.set("cpus", cpus)
        o.set("mems", mems)
        o.set("idle", idle)
        return o.json
    }
}

public struct PidsResources: Equatable, Sendable {
    /// Zero or negative means no limit.
    public var limit: Int64?

    public init(limit: Int64? = nil) { self.limit = limit }
}

extension PidsResources: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        limit = try o.optional("limit")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("limit", limit)
        return o.json
    }
}

public struct BlockIO: Equatable, Sendable {
    public var weight: UInt16?
    public var leafWeight: UInt16?
    public var weightDevice: [WeightDevice] = []
    public var throttleReadBpsDevice: [ThrottleDevice] = []
    public var throttleWriteBpsDevice: [ThrottleDevice] = []
    public var throttleReadIOPSDevice: [ThrottleDevice] = []
    public var throttleWriteIOPSDevice: [ThrottleDevice] = []

    public init() {}
}

extension BlockIO: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        weight = try o.optional("weight")
        leafWeight = try o.optional("leafWeight")
        weightDevice = try o.optional("weightDevice")
        throttleReadBpsDevice = try o.optional("throttleReadBpsDevice")
        throttleWriteBpsDevice = try o.optional("throttleWriteBpsDevice")
        throttleReadIOPSDevice = try o.optional("throttleReadIOPSDevice")
        throttleWriteIOPSDevice = try o.optional("throttleWriteIOPSDevice")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("weight", weight)
        o.set("leafWeight", leafWeight)
        o.setNonEmpty("weightDevice", weightDevice)
        o.setNonEmpty("throttleReadBpsDevice", throttleReadBpsDevice)
        o.setNonEmpty("throttleWriteBpsDevice", throttleWriteBpsDevice)
        o.setNonEmpty("throttleReadIOPSDevice", throttleReadIOPSDevice)
        o.setNonEmpty("throttleWriteIOPSDevice", throttleWriteIOPSDevice)
        return o.json
    }
}

public struct WeightDevice: Equatable, Sendable {
    public var major: Int64
    public var minor: Int64
    public var weight: UInt16?
    public var leafWeight: UInt16?
}

extension WeightDevice: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        major = try o.required("major")
        minor = try o.required("minor")
        weight = try o.optional("weight")
        leafWeight = try o.optional("leafWeight")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("major", major)
        o.set("minor", minor)
        o.set("weight", weight)
        o.set("leafWeight", leafWeight)
        return o.json
    }
}

public struct ThrottleDevice: Equatable, Sendable {
    public var major: Int64
    public var minor: Int64
    public var rate: UInt64
}

extension ThrottleDevice: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        major = try o.required("major")
        minor = try o.required("minor")
        rate = try o.required("rate")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("major", major)
        o.set("minor", minor)
        o.set("rate", rate)
        return o.json
    }
}

public struct HugepageLimit: Equatable, Sendable {
    /// "2MB", "1GB", ...
    public var pageSize: String
    public var limit: UInt64
}

extension HugepageLimit: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        pageSize = try o.required("pageSize")
        limit = try o.required("limit")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("pageSize", pageSize)
        o.set("limit", limit)
        return o.json
    }
}

public struct NetworkResources: Equatable, Sendable {
    public var classID: UInt32?
    public var priorities: [InterfacePriority] = []

    public init() {}
}

extension NetworkResources: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        classID = try o.optional("classID")
        priorities = try o.optional("priorities")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("classID", classID)
        o.setNonEmpty("priorities", priorities)
        return o.json
    }
}

public struct InterfacePriority: Equatable, Sendable {
    public var name: String
    public var priority: UInt32
}

extension InterfacePriority: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        name = try o.required("name")
        priority = try o.required("priority")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("name", name)
        o.set("priority", priority)
        return o.json
    }
}

public struct RdmaLimit: Equatable, Sendable {
    public var hcaHandles: UInt32?
    public var hcaObjects: UInt32?
}

extension RdmaLimit: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        hcaHandles = try o.optional("hcaHandles")
        hcaObjects = try o.optional("hcaObjects")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("hcaHandles", hcaHandles)
        o.set("hcaObjects", hcaObjects)
        return o.json
    }
}
