import Linux

/// linux.mountLabel: the SELinux context of the container's mounts, given to the
/// filesystem as `context="LABEL"`. Without SELinux it is ignored, as crun does.
enum MountLabel {
    static var selinuxEnabled: Bool { fileExists("/sys/fs/selinux/enforce") }

    /// The mount's data with the label added where the filesystem takes one (not proc or
    /// sysfs, which carry their own labels, and not bind mounts, which keep the source's).
    /// The host is asked only when there is a label to add.
    static func data(_ data: String?, type: String, label: String?, enabled: Bool? = nil) -> String? {
        guard let label, !label.isEmpty, type != "proc", type != "sysfs", enabled ?? selinuxEnabled else { return data }
        let context = "context=\"\(label)\""
        guard let data, !data.isEmpty else { return context }
        return data + "," + context
    }
}
