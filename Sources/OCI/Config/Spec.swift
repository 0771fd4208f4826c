/// A bundle's config.json: the runtime-spec's top-level object (config.md).
///
/// Non-Linux platform objects (solaris, windows, vm, zos) are ignored like any unknown key.
public struct Spec: Equatable, Sendable {
    public var ociVersion: String
    public var process: Process?
    public var root: Root?
    public var hostname: String?
    public var domainname: String?
    public var mounts: [Mount] = []
    public var hooks: Hooks?
    public var annotations: [String: String] = [:]
    public var linux: Linux?

    public init(ociVersion: String) {
        self.ociVersion = ociVersion
    }
}

extension Spec: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        ociVersion = try o.required("ociVersion")
        process = try o.optional("process")
        root = try o.optional("root")
        hostname = try o.optional("hostname")
        domainname = try o.optional("domainname")
        mounts = try o.optional("mounts")
        hooks = try o.optional("hooks")
        annotations = try o.optional("annotations")
        linux = try o.optional("linux")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("ociVersion", ociVersion)
        o.set("process", process)
        o.set("root", root)
        o.set("hostname", hostname)
        o.set("domainname", domainname)
        o.setNonEmpty("mounts", mounts)
        o.set("hooks", hooks)
        o.setNonEmpty("annotations", annotations)
        o.set("linux", linux)
        return o.json
    }
}

/// The container's root filesystem on the host.
public struct Root: Equatable, Sendable {
    public var path: String
    public var readonly: Bool?

    public init(path: String, readonly: Bool? = nil) {
        self.path = path
        self.readonly = readonly
    }
}

extension Root: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        self.path = try o.required("path")
        readonly = try o.optional("readonly")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("path", path)
        o.set("readonly", readonly)
        return o.json
    }
}
