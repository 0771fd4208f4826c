import OCI

/// What `srun features` reports. Truthful by rule: a feature is listed here in the same
/// change that makes srun carry it out, never before. Today srun parses and validates
/// every field of the spec but creates no container yet, so every list is empty and every
/// switch is off; the lifecycle, filesystem, security and cgroup work fills them in.
public enum SupportedFeatures {
    public static var document: Features {
        var features = Features(ociVersionMin: "1.0.0", ociVersionMax: ociSpecVersion)
        features.annotations = [
            // The library srun links, for tools that ask which seccomp features exist.
            "io.github.seccomp.libseccomp.version": Version.libseccomp,
        ]
        return features
    }
}
