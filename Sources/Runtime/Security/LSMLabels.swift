import ASCIIText
import Linux
import OCI

/// process.apparmorProfile and process.selinuxLabel: checked against the host by `create`,
/// written by the init as its exec attributes (they take effect at the container's exec).
struct LSMLabels: Sendable {
    /// What to write where, relative to /proc.
    struct Write: Equatable, Sendable {
        let attribute: String
        let value: String
    }

    let writes: [Write]

    /// Which security modules this host runs.
    struct Host: Sendable {
        var apparmor: Bool
        var selinux: Bool
        /// Linux 5.8+ has a directory per module; older kernels share attr/exec.
        var apparmorAttributeDirectory: Bool

        static var current: Host {
            let enabled = (try? readText("/sys/module/apparmor/parameters/enabled"))?.hasBytePrefix("Y") ?? false
            return Host(apparmor: enabled, selinux: fileExists("/sys/fs/selinux/enforce"),
                        apparmorAttributeDirectory: isDirectory("/proc/self/attr/apparmor"))
        }
    }

    /// A label asked for on a host without its module is an error, as with runc: the
    /// container would otherwise run unconfined while its config says it is confined.
    /// `host` is only looked at when a label is asked for: most configs have none.
    static func make(_ process: Process, host readHost: @autoclosure () -> Host) throws(ConfigError) -> LSMLabels {
        let profile = process.apparmorProfile ?? "", label = process.selinuxLabel ?? ""
        guard !profile.isEmpty || !label.isEmpty else { return LSMLabels(writes: []) }
        let host = readHost()
        var writes: [Write] = []
        let path = JSONPath.root.key("process")
        if !profile.isEmpty {
            guard host.apparmor else {
                throw ConfigError(path.key("apparmorProfile"), "AppArmor is not enabled on this host; cannot apply profile \(quote(profile))")
            }
            let attribute = host.apparmorAttributeDirectory ? "thread-self/attr/apparmor/exec" : "thread-self/attr/exec"
            writes.append(Write(attribute: attribute, value: "exec " + profile))
        }
        if !label.isEmpty {
            guard host.selinux else {
                throw ConfigError(path.key("selinuxLabel"), "SELinux is not enabled on this host; cannot apply label \(quote(label))")
            }
            writes.append(Write(attribute: "thread-self/attr/exec", value: label))
        }
        return LSMLabels(writes: writes)
    }

    /// In the init, through a verified procfs: a fake /proc/self/attr would leave the
    /// container unconfined without a word (CVE-2019-16884).
    func apply(through proc: ProcFSHandle) throws(SystemError) {
        for write in writes { try proc.write(write.attribute, write.value) }
    }
}
