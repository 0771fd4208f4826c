/// The container process (config.md "process").
public struct Process: Equatable, Sendable {
    public var terminal: Bool?
    public var consoleSize: ConsoleSize?
    public var user: User
    public var args: [String] = []
    /// Windows only; kept so that a config survives a round trip.
    public var commandLine: String?
    public var env: [String] = []
    public var cwd: String
    public var capabilities: Capabilities?
    public var rlimits: [Rlimit] = []
    public var noNewPrivileges: Bool?
    public var apparmorProfile: String?
    public var oomScoreAdj: Int?
    public var scheduler: Scheduler?
    public var selinuxLabel: String?
    public var ioPriority: IOPriority?
    public var execCPUAffinity: ExecCPUAffinity?

    public init(user: User = User(), args: [String], cwd: String) {
        self.user = user
        self.args = args
        self.cwd = cwd
    }
}

extension Process: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        terminal = try o.optional("terminal")
        consoleSize = try o.optional("consoleSize")
        user = try o.required("user")
        args = try o.optional("args")
        commandLine = try o.optional("commandLine")
        env = try o.optional("env")
        cwd = try o.required("cwd")
        capabilities = try o.optional("capabilities")
        rlimits = try o.optional("rlimits")
        noNewPrivileges = try o.optional("noNewPrivileges")
        apparmorProfile = try o.optional("apparmorProfile")
        oomScoreAdj = try o.optional("oomScoreAdj")
        scheduler = try o.optional("scheduler")
        selinuxLabel = try o.optional("selinuxLabel")
        ioPriority = try o.optional("ioPriority")
        execCPUAffinity = try o.optional("execCPUAffinity")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("terminal", terminal)
        o.set("consoleSize", consoleSize)
        o.set("user", user)
        o.setNonEmpty("args", args)
        o.set("commandLine", commandLine)
        o.setNonEmpty("env", env)
        o.set("cwd", cwd)
        o.set("capabilities", capabilities)
        o.setNonEmpty("rlimits", rlimits)
        o.set("noNewPrivileges", noNewPrivileges)
        o.set("apparmorProfile", apparmorProfile)
        o.set("oomScoreAdj", oomScoreAdj)
        o.set("scheduler", scheduler)
        o.set("selinuxLabel", selinuxLabel)
        o.set("ioPriority", ioPriority)
        o.set("execCPUAffinity", execCPUAffinity)
        return o.json
    }
}

public struct ConsoleSize: Equatable, Sendable {
    public var height: UInt
    public var width: UInt
}

extension ConsoleSize: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        height = try o.required("height")
        width = try o.required("width")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("height", height)
        o.set("width", width)
        return o.json
    }
}

public struct User: Equatable, Sendable {
    public var uid: UInt32
    public var gid: UInt32
    public var umask: UInt32?
    public var additionalGids: [UInt32] = []
    /// Windows only.
    public var username: String?

    public init(uid: UInt32 = 0, gid: UInt32 = 0) {
        self.uid = uid
        self.gid = gid
    }
}

extension User: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        uid = try o.required("uid")
        gid = try o.required("gid")
        umask = try o.optional("umask")
        additionalGids = try o.optional("additionalGids")
        username = try o.optional("username")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("uid", uid)
        o.set("gid", gid)
        o.set("umask", umask)
        o.setNonEmpty("additionalGids", additionalGids)
        o.set("username", username)
        return o.json
    }
}

/// The five capability sets; names are checked at decoding (the spec says MUST error).
public struct Capabilities: Equatable, Sendable {
    public var bounding: [Capability] = []
    public var effective: [Capability] = []
    public var inheritable: [Capability] = []
    public var permitted: [Capability] = []
    public var ambient: [Capability] = []

    public init() {}
}

extension Capabilities: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        bounding = try o.optional("bounding")
        effective = try o.optional("effective")
        inheritable = try o.optional("inheritable")
        permitted = try o.optional("permitted")
        ambient = try o.optional("ambient")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.setNonEmpty("bounding", bounding)
        o.setNonEmpty("effective", effective)
        o.setNonEmpty("inheritable", inheritable)
        o.setNonEmpty("permitted", permitted)
        o.setNonEmpty("ambient", ambient)
        return o.json
    }
}

public struct Rlimit: Equatable, Sendable {
    public var type: RlimitType
    public var hard: UInt64
    public var soft: UInt64

    public init(type: RlimitType, hard: UInt64, soft: UInt64) {
        self.type = type
        self.hard = hard
        self.soft = soft
    }
}

extension Rlimit: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        type = try o.required("type")
        hard = try o.required("hard")
        soft = try o.required("soft")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("type", type)
        o.set("hard", hard)
        o.set("soft", soft)
        return o.json
    }
}

public struct IOPriority: Equatable, Sendable {
    public var `class`: IOPriorityClass
    public var priority: Int
}

extension IOPriority: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        `class` = try o.required("class")
        priority = try o.required("priority")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("class", `class`)
        o.set("priority", priority)
        return o.json
    }
}

/// sched_setattr(2) parameters.
public struct Scheduler: Equatable, Sendable {
    public var policy: SchedulerPolicy
    public var nice: Int32?
    public var priority: Int32?
    public var flags: [SchedulerFlag] = []
    public var runtime: UInt64?
    public var deadline: UInt64?
    public var period: UInt64?
}

extension Scheduler: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        policy = try o.required("policy")
        nice = try o.optional("nice")
        priority = try o.optional("priority")
        flags = try o.optional("flags")
        runtime = try o.optional("runtime")
        deadline = try o.optional("deadline")
        period = try o.optional("period")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("policy", policy)
        o.set("nice", nice)
        o.set("priority", priority)
        o.setNonEmpty("flags", flags)
        o.set("runtime", runtime)
        o.set("deadline", deadline)
        o.set("period", period)
        return o.json
    }
}

/// CPU lists (`0-3,7`) for the exec'd process: before and after it joins the cgroup.
public struct ExecCPUAffinity: Equatable, Sendable {
    public var initial: String?
    public var final: String?
}

extension ExecCPUAffinity: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        initial = try o.optional("initial")
        final = try o.optional("final")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("initial", initial)
        o.set("final", final)
        return o.json
    }
}
