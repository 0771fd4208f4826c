import Linux

/// linux.mountLabel: the SELinux context of the container's mounts, given to the
/// filesystem as `context="LABEL"`. Without SELinux it is ignored, as crun does.
enum MountLabel {
    static var selinuxEnabled: Bool { fileExists("/sys/fs/selinux/enforce") }

    /// The mount's data with the label added where the filesystem takes one (not proc or
    /// sysfs, which carry their own labels, and not bind mounts, which keep the source's).
    static func data(_ data: String?, type: String, label: String?, enabled: Bool = selinuxEnabled) -> String? {
        guard enabled, let label, !label.isEmpty, type != "proc", type != "sysfs" else { return data }
        let context = "context=\"\(label)\""
        guard let data, !data.isEmpty else { return context }
        return data + "," + context
    }
}
