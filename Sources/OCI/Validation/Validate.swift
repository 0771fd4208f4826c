import ASCIIText

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
        if annotations.keys.contains("") {
            throw ConfigError(JSONPath.root.key("annotations").entry(""), "key must not be empty")
        }
        try hooks?.validate(at: JSONPath.root.key("hooks"))
        let linux = self.linux ?? Linux()
        try linux.validate(at: JSONPath.root.key("linux"))
        try validateNames(namespaces: linux.namespaces)
    }

    /// Any 1.x version: the 1.x line only adds fields, which srun reads or ignores.
    private func validateVersion() throws(ConfigError) {
        // SemVer: a -pre-release or +build suffix does not change which version it is.
        // On bytes: Substring and Character views would page in stdlib code used nowhere else.
        let core = ociVersion.utf8.prefix { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "+") }
        let parts = core.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let numeric = parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
        guard numeric, parts[0].elementsEqual("1".utf8) else {
            throw ConfigError(JSONPath.root.key("ociVersion"), "unsupported version \(quote(ociVersion)), expected 1.x.y")
        }
    }

    private func validateMounts() throws(ConfigError) {
        for (i, mount) in mounts.enumerated() {
            let path = JSONPath.root.key("mounts").index(i)
            // Relative destinations are deprecated but allowed, relative to "/" (see warnings).
            guard !mount.destination.isEmpty else { throw ConfigError(path.key("destination"), "must not be empty") }
            if mount.uidMappings.isEmpty != mount.gidMappings.isEmpty {
                throw ConfigError(path, "uidMappings and gidMappings must be set together")
            }
            if let idmap = mount.options.first(where: { $0 == "idmap" || $0 == "ridmap" }),
               mount.uidMappings.isEmpty, !(linux?.has(.user) ?? false) {
                throw ConfigError(path.key("options"), "\(quote(idmap)) needs uidMappings and gidMappings, or a user namespace in linux.namespaces")
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

extension Spec {
    /// What is allowed but deprecated: the runtime logs these and goes on.
    public var warnings: [String] {
        var found: [String] = []
        for (i, mount) in mounts.enumerated() where !mount.destination.hasBytePrefix("/") && !mount.destination.isEmpty {
            found.append("mounts[\(i)].destination: relative path \(quote(mount.destination)) is deprecated; it is taken as relative to \"/\"")
        }
        return found
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

func requireAbsolute(_ value: String, at path: JSONPath) throws(ConfigError) {
    guard value.hasBytePrefix("/") else {
        throw ConfigError(path, "must be an absolute path, got \(quote(value))")
    }
}

func require<T: Comparable>(_ value: T, in range: ClosedRange<T>, at path: JSONPath) throws(ConfigError) {
    guard range.contains(value) else {
        throw ConfigError(path, "must be in \(range.lowerBound)...\(range.upperBound), got \(value)")
    }
}
