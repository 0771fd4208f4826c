/// Semantic checks of a decoded config: everything the spec says MUST be an error, and
/// what runc refuses, found before anything is created. The first problem is thrown.
extension Spec {
    public func validate() throws(ConfigError) {
        try validateVersion()
        guard let root else { throw ConfigError(JSONPath.root.key("root"), "required field is missing") }
        guard !root.path.isEmpty else { throw ConfigError(JSONPath.root.key("root").key("path"), "must not be empty") }
        guard let process else { throw ConfigError(JSONPath.root.key("process"), "required field is missing") }
        try process.validate(at: JSONPath.root.key("process"))
        try validateMounts()
        try hooks?.validate(at: JSONPath.root.key("hooks"))
        let linux = self.linux ?? Linux()
        try linux.validate(at: JSONPath.root.key("linux"))
        try validateNames(namespaces: linux.namespaces)
    }

    /// Any 1.x version: the 1.x line only adds fields, which srun reads or ignores.
    private func validateVersion() throws(ConfigError) {
        let core = ociVersion.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        let numeric = parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
        guard numeric, parts[0] == "1" else {
            throw ConfigError(JSONPath.root.key("ociVersion"), "unsupported version \"\(ociVersion)\", expected 1.x.y")
        }
    }

    private func validateMounts() throws(ConfigError) {
        for (i, mount) in mounts.enumerated() {
            let path = JSONPath.root.key("mounts").index(i)
            try requireAbsolute(mount.destination, at: path.key("destination"))
            if mount.uidMappings.isEmpty != mount.gidMappings.isEmpty {
                throw ConfigError(path, "uidMappings and gidMappings must be set together")
            }
            try IDMapping.validate(mount.uidMappings, at: path.key("uidMappings"))
            try IDMapping.validate(mount.gidMappings, at: path.key("gidMappings"))
        }
    }

    /// hostname and domainname change the host's unless the container has its own UTS namespace.
    private func validateNames(namespaces: [Namespace]) throws(ConfigError) {
        let hasUTS = namespaces.contains { $0.type == .uts }
        for (key, value) in [("hostname", hostname), ("domainname", domainname)] {
            if let value, !value.isEmpty, !hasUTS {
                throw ConfigError(JSONPath.root.key(key), "needs a UTS namespace in linux.namespaces")
            }
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

func requireAbsolute(_ value: String, at path: JSONPath) throws(ConfigError) {
    guard value.hasPrefix("/") else {
        throw ConfigError(path, "must be an absolute path, got \"\(value)\"")
    }
}

func require<T: Comparable>(_ value: T, in range: ClosedRange<T>, at path: JSONPath) throws(ConfigError) {
    guard range.contains(value) else {
        throw ConfigError(path, "must be in \(range.lowerBound)...\(range.upperBound), got \(value)")
    }
}
