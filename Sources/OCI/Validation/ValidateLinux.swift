import ASCIIText

extension Linux {
    func validate(at path: JSONPath) throws(ConfigError) {
        try validateNamespaces(at: path.key("namespaces"))
        try validateUserNamespaceMappings(at: path)
        try validateTimeOffsets(at: path.key("timeOffsets"))
        for (i, device) in devices.enumerated() {
            try device.validate(at: path.key("devices").index(i))
        }
        for key in sysctl.keys.sorted() {
            try validateSysctl(key, at: path.key("sysctl").entry(key))
        }
        try resources?.validate(at: path.key("resources"))
        try seccomp?.validate(at: path.key("seccomp"))
        for (i, masked) in maskedPaths.enumerated() { try requireAbsolute(masked, at: path.key("maskedPaths").index(i)) }
        for (i, readonly) in readonlyPaths.enumerated() { try requireAbsolute(readonly, at: path.key("readonlyPaths").index(i)) }
        if let flag = personality?.flags.first {
            throw ConfigError(path.key("personality").key("flags").index(0), "unknown personality flag \(quote(flag))")
        }
        if let nodes = memoryPolicy?.nodes, !nodes.isEmpty {
            try CPUList.validate(nodes, at: path.key("memoryPolicy").key("nodes"))
        }
        try validateNetDevices(at: path.key("netDevices"))
        if let rdt = intelRdt { try rdt.validate(at: path.key("intelRdt")) }
    }

    public func has(_ type: NamespaceType) -> Bool { namespaces.contains { $0.type == type } }

    /// A namespace that srun creates rather than joins.
    public func creates(_ type: NamespaceType) -> Bool { namespaces.contains { $0.type == type && $0.path == nil } }

    private func validateNamespaces(at path: JSONPath) throws(ConfigError) {
        // At most eight: a list is cheaper than a Set's first use.
        var seen: [NamespaceType] = []
        for (i, namespace) in namespaces.enumerated() {
            guard !seen.contains(namespace.type) else {
                throw ConfigError(path.index(i).key("type"), "duplicate namespace type \"\(namespace.type.rawValue)\"")
            }
            seen.append(namespace.type)
            if let nsPath = namespace.path { try requireAbsolute(nsPath, at: path.index(i).key("path")) }
        }
    }

    private func validateUserNamespaceMappings(at path: JSONPath) throws(ConfigError) {
        try IDMapping.validate(uidMappings, at: path.key("uidMappings"))
        try IDMapping.validate(gidMappings, at: path.key("gidMappings"))
        if creates(.user) {
            for (key, mappings) in [("uidMappings", uidMappings), ("gidMappings", gidMappings)] where mappings.isEmpty {
                throw ConfigError(path.key(key), "a new user namespace needs uid and gid mappings")
            }
        } else if !has(.user) {
            for (key, mappings) in [("uidMappings", uidMappings), ("gidMappings", gidMappings)] where !mappings.isEmpty {
                throw ConfigError(path.key(key), "mappings are set but linux.namespaces has no user namespace")
            }
        }
    }

    private func validateTimeOffsets(at path: JSONPath) throws(ConfigError) {
        guard !timeOffsets.isEmpty else { return }
        guard creates(.time) else {
            throw ConfigError(path, "offsets are set but linux.namespaces creates no time namespace")
        }
        for (clock, offset) in timeOffsets.sorted(by: { $0.key < $1.key }) {
            guard clock == "monotonic" || clock == "boottime" else {
                throw ConfigError(path.entry(clock), "unknown clock, expected \"monotonic\" or \"boottime\"")
            }
            if let nanosecs = offset.nanosecs {
                try require(nanosecs, in: 0...999_999_999, at: path.entry(clock).key("nanosecs"))
            }
        }
    }

    /// Only sysctls that live in one of the container's own namespaces may be set,
    /// else the container would change the host (runc's rule).
    private func validateSysctl(_ key: String, at path: JSONPath) throws(ConfigError) {
        let components = key.split(separator: ".", omittingEmptySubsequences: false)
        guard !components.contains(where: { $0.isEmpty || $0 == ".." || $0.hasBytePrefix("/") || $0.hasByteSuffix("/") }) else {
            throw ConfigError(path, "invalid sysctl name")
        }
        let ipc = [
            "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
            "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
        ]
        let needed: NamespaceType
        if ipc.contains(key) || key.hasBytePrefix("fs.mqueue.") {
            needed = .ipc
        } else if key.hasBytePrefix("net.") {
            needed = .network
        } else if key == "kernel.hostname" || key == "kernel.domainname" {
            needed = .uts
        } else {
            throw ConfigError(path, "not namespaced: setting it would change the host")
        }
        guard has(needed) else {
            throw ConfigError(path, "needs a \(needed.rawValue) namespace in linux.namespaces")
        }
    }

    private func validateNetDevices(at path: JSONPath) throws(ConfigError) {
        guard !netDevices.isEmpty else { return }
        guard creates(.network) else {
            throw ConfigError(path, "devices are set but linux.namespaces creates no network namespace")
        }
        for (hostName, device) in netDevices.sorted(by: { $0.key < $1.key }) {
            try requireInterfaceName(hostName, at: path.entry(hostName))
            if let name = device.name { try requireInterfaceName(name, at: path.entry(hostName).key("name")) }
        }
    }
}

/// A name used as one path component under a kernel filesystem (cgroup file, resctrl group).
func requireFileName(_ name: String, at path: JSONPath) throws(ConfigError) {
    guard !name.isEmpty, name != ".", name != "..", !name.contains("/") else {
        throw ConfigError(path, "invalid name \(quote(name))")
    }
}

/// The kernel's rule for interface names (dev_valid_name).
func requireInterfaceName(_ name: String, at path: JSONPath) throws(ConfigError) {
    let valid = (1...15).contains(name.utf8.count) && name != "." && name != ".."
        && !name.contains(where: { $0 == "/" || $0 == ":" || $0.isWhitespace })
    guard valid else { throw ConfigError(path, "invalid network interface name \(quote(name))") }
}

extension IDMapping {
    /// Sizes above zero, ranges inside 32 bits, and no two ranges overlapping on either side.
    static func validate(_ mappings: [IDMapping], at path: JSONPath) throws(ConfigError) {
        for (i, mapping) in mappings.enumerated() {
            guard mapping.size > 0 else {
                throw ConfigError(path.index(i).key("size"), "must be greater than zero")
            }
            guard UInt64(mapping.containerID) + UInt64(mapping.size) <= 1 << 32,
                  UInt64(mapping.hostID) + UInt64(mapping.size) <= 1 << 32 else {
                throw ConfigError(path.index(i), "range goes past 4294967295")
            }
            for j in 0..<i {
                let other = mappings[j]
                if overlaps(mapping.containerID, other.containerID, mapping.size, other.size)
                    || overlaps(mapping.hostID, other.hostID, mapping.size, other.size) {
                    throw ConfigError(path.index(i), "range overlaps \(path.index(j))")
                }
            }
        }
    }

    private static func overlaps(_ a: UInt32, _ b: UInt32, _ sizeA: UInt32, _ sizeB: UInt32) -> Bool {
        UInt64(a) < UInt64(b) + UInt64(sizeB) && UInt64(b) < UInt64(a) + UInt64(sizeA)
    }
}

extension Device {
    func validate(at path: JSONPath) throws(ConfigError) {
        try requireAbsolute(self.path, at: path.key("path"))
        if type != .fifo, major == nil || minor == nil {
            throw ConfigError(path, "major and minor are required for device type \"\(type.rawValue)\"")
        }
        if let fileMode { try require(fileMode, in: 0...0o7777, at: path.key("fileMode")) }
    }
}

extension IntelRdt {
    func validate(at path: JSONPath) throws(ConfigError) {
        if let closID { try requireFileName(closID, at: path.key("closID")) }
        for (key, schema, prefix) in [("l3CacheSchema", l3CacheSchema, "L3:"), ("memBwSchema", memBwSchema, "MB:")] {
            guard let schema else { continue }
            guard schema.hasPrefix(prefix) else {
                throw ConfigError(path.key(key), "must start with \(quote(prefix)), got \(quote(schema))")
            }
            guard !schema.contains("\n") else { throw ConfigError(path.key(key), "must be one line, got \(quote(schema))") }
        }
    }
}
