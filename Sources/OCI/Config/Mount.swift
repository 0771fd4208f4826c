/// One entry of `mounts`.
public struct Mount: Equatable, Sendable {
    public var destination: String
    public var type: String?
    public var source: String?
    public var options: [String] = []
    /// Per-mount mappings for an idmapped mount.
    public var uidMappings: [IDMapping] = []
    public var gidMappings: [IDMapping] = []

    public init(destination: String, type: String? = nil, source: String? = nil, options: [String] = []) {
        self.destination = destination
        self.type = type
        self.source = source
        self.options = options
    }
}

extension Mount: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        destination = try o.required("destination")
        type = try o.optional("type")
        source = try o.optional("source")
        options = try o.optional("options")
        uidMappings = try o.optional("uidMappings")
        gidMappings = try o.optional("gidMappings")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("destination", destination)
        o.set("type", type)
        o.set("source", source)
        o.setNonEmpty("options", options)
        o.setNonEmpty("uidMappings", uidMappings)
        o.setNonEmpty("gidMappings", gidMappings)
        return o.json
    }
}

/// A range of ids mapped from the container to the host (user namespace or idmapped mount).
public struct IDMapping: Equatable, Sendable {
    public var containerID: UInt32
    public var hostID: UInt32
    public var size: UInt32

    public init(containerID: UInt32, hostID: UInt32, size: UInt32) {
        self.containerID = containerID
        self.hostID = hostID
        self.size = size
    }
}

extension IDMapping: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        containerID = try o.required("containerID")
        hostID = try o.required("hostID")
        size = try o.required("size")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("containerID", containerID)
        o.set("hostID", hostID)
        o.set("size", size)
        return o.json
    }
}
