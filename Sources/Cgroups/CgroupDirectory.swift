import OCI

/// One directory of a container's cgroup: in a v1 hierarchy, with the controllers that
/// hierarchy was mounted with, or in the v2 hierarchy (no controllers listed).
public struct CgroupDirectory: Equatable, Sendable {
    public let path: String
    /// Where its hierarchy is mounted.
    public let mountPoint: String
    /// v1 controllers ("cpu", "cpuacct", "name=systemd"); empty for v2.
    public let controllers: [String]

    public var isUnified: Bool { controllers.isEmpty }

    public init(path: String, mountPoint: String, controllers: [String]) {
        self.path = path
        self.mountPoint = mountPoint
        self.controllers = controllers
    }
}

extension CgroupDirectory: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        self.path = try o.required("path")
        mountPoint = try o.required("mountPoint")
        controllers = try o.optional("controllers")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("path", path)
        o.set("mountPoint", mountPoint)
        o.setNonEmpty("controllers", controllers)
        return o.json
    }
}
