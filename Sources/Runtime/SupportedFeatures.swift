import CShim
import Linux
import OCI

/// What `srun features` reports. Truthful by rule: a feature is listed here in the same
/// change that makes srun carry it out, never before.
public enum SupportedFeatures {
    public static var document: Features {
        var features = Features(ociVersionMin: "1.0.0", ociVersionMax: ociSpecVersion)
        features.hooks = Hooks.kinds.map { $0.name }
        features.mountOptions = (Array(MountOptions.table.keys) + Array(MountOptions.propagationTable.keys)
            + ["tmpcopyup", "idmap", "ridmap"]).sorted()
        features.linux.idmapMountsEnabled = true
        features.linux.namespaces = NamespaceType.allCases
        let lastCapability = CapabilityState.lastCapability
        features.linux.capabilities = Capability.allCases.filter { $0.number <= lastCapability }
        features.linux.seccomp = seccomp
        // Support in srun (features.md), not whether this host runs the module.
        features.linux.apparmorEnabled = true
        features.linux.selinuxEnabled = true
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

    /// What srun's seccomp code carries out here: every action and operator of the spec, the
    /// architectures libseccomp knows, the flags this kernel takes.
    static var seccomp: SeccompFeatures {
        var seccomp = SeccompFeatures()
        seccomp.enabled = true
        seccomp.actions = SeccompAction.allCases
        seccomp.operators = SeccompOperator.allCases
        seccomp.archs = SeccompArch.allCases.filter { SeccompFilter.architecture(named: SeccompProfile.libseccompName($0)) != nil }
        seccomp.knownFlags = SeccompFlag.allCases
        seccomp.supportedFlags = SeccompFlag.allCases.filter { srun_seccomp_flag_supported(SeccompProfile.flagBit($0)) != 0 }
        return seccomp
    }
}
