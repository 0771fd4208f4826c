import OCI

/// What `srun features` reports. Truthful by rule: a feature is listed here in the same
/// change that makes srun carry it out, never before.
public enum SupportedFeatures {
    public static var document: Features {
        var features = Features(ociVersionMin: "1.0.0", ociVersionMax: ociSpecVersion)
        features.hooks = Hooks.kinds.map(\.name)
        features.mountOptions = (Array(MountOptions.table.keys) + Array(MountOptions.propagationTable.keys)
            + ["tmpcopyup", "idmap", "ridmap"]).sorted()
        features.linux.idmapMountsEnabled = true
        features.linux.namespaces = NamespaceType.allCases
        // Drivers for v1, v2 and hybrid layouts, rdma limits; no systemd cgroup driver.
        features.linux.cgroup.v1 = true
        features.linux.cgroup.v2 = true
        features.linux.cgroup.rdma = true
        features.annotations = [
            // The library srun links, for tools that ask which seccomp features exist.
            "io.github.seccomp.libseccomp.version": Version.libseccomp,
        ]
        return features
    }
}
