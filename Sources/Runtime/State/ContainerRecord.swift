import Cgroups
import OCI

/// What srun keeps about a container in `<root>/<id>/state.json`.
public struct ContainerRecord: Equatable, Sendable {
    /// The directories of the container's cgroup.
    public var cgroupDirectories: [String] { cgroups.isEmpty ? legacyCgroupDirectories : cgroups.map { $0.path } }

    public var id: String
    /// The init's pid on the host; 0 while the container is still being created.
    public var pid: Int32 = 0
    /// With `pid`, the init's identity: a recycled pid has another start time.
    public var pidStartTime: UInt64 = 0
    public var bundle: String
    public var rootfs: String
    public var created: String
    public var annotations: [String: String] = [:]
    /// The container's cgroup path (absolute, or relative to create's own cgroup) and its
    /// directory in each hierarchy.
    public var cgroupPath: String = ""
    public var cgroups: [CgroupDirectory] = []
    /// What state.json written before `cgroups` existed has instead: the directories alone.
    public var legacyCgroupDirectories: [String] = []
    /// The resources in force: the config's, as `update` changed them since. Kept as JSON and
    /// decoded only by the commands that need them: every command reads the state.
    public var resourcesJSON: JSON?

    public var resources: Resources? {
        get { resourcesJSON.flatMap { try? Resources(json: $0, at: JSONPath.root.key("resources")) } }
        set { resourcesJSON = newValue?.json }
    }
    /// Parents of those that create made (cgroupsPath "/a/b" with no "/a" yet): delete
    /// removes them again when nothing else uses them.
    public var cgroupParentsMade: [String] = []
    public var owner: String = ""
    /// The config's hooks: start and delete run poststart and poststop from here.
    public var hooks: Hooks?

    public init(id: String, bundle: String, rootfs: String, created: String) {
        self.id = id
        self.bundle = bundle
        self.rootfs = rootfs
        self.created = created
    }
}

extension ContainerRecord: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        id = try o.required("id")
        pid = try o.required("pid")
        pidStartTime = try o.optional("pidStartTime") ?? 0
        bundle = try o.required("bundle")
        rootfs = try o.required("rootfs")
        created = try o.required("created")
        annotations = try o.optional("annotations")
        cgroupPath = try o.optional("cgroupPath") ?? ""
        // Element by element rather than through the generic [T] decoder: every command reads
        // the state, and the generic path costs runtime metadata work (time and resident pages).
        if case .array(let items)? = json["cgroups"] {
            for (i, item) in items.enumerated() {
                cgroups.append(try CgroupDirectory(json: item, at: path.key("cgroups").index(i)))
            }
        }
        if cgroups.isEmpty { legacyCgroupDirectories = try o.optional("cgroupDirectories") }
        if let resources = json["resources"], case .object = resources { resourcesJSON = resources }
        cgroupParentsMade = try o.optional("cgroupParentsMade")
        owner = try o.optional("owner") ?? ""
        hooks = try o.optional("hooks")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("ociVersion", ociSpecVersion)
        o.set("id", id)
        o.set("pid", pid)
        o.set("pidStartTime", pidStartTime)
        o.set("bundle", bundle)
        o.set("rootfs", rootfs)
        o.set("created", created)
        o.setNonEmpty("annotations", annotations)
        o.set("cgroupPath", cgroupPath)
        o.set("cgroups", cgroups)
        o.set("resources", resourcesJSON)
        o.setNonEmpty("cgroupParentsMade", cgroupParentsMade)
        o.set("owner", owner)
        o.set("hooks", hooks)
        return o.json
    }
}

/// runtime.md's statuses, plus paused (freezer) for later.
public enum ContainerStatus: String, Sendable {
    case creating, created, running, stopped, paused
}

extension ContainerRecord {
    /// The spec's state object: what hooks read on stdin and `state` prints (runc adds
    /// rootfs, created and owner there).
    public func stateJSON(_ status: ContainerStatus, forHooks: Bool = false) -> JSON {
        var o = JSONObjectBuilder()
        o.set("ociVersion", ociSpecVersion)
        o.set("id", id)
        if forHooks {
            o.set("status", status.rawValue)
            o.set("pid", pid)
        } else {
            // A stopped container has no process any more; runc shows pid 0 too.
            o.set("pid", status == .stopped ? 0 : pid)
            o.set("status", status.rawValue)
        }
        o.set("bundle", bundle)
        if !forHooks {
            o.set("rootfs", rootfs)
            o.set("created", created)
        }
        o.setNonEmpty("annotations", annotations)
        if !forHooks { o.set("owner", owner) }
        return o.json
    }
}
