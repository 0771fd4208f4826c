/// The spec version srun implements, reported by `--version`, `features` and `state`.
public let ociSpecVersion = "1.2.0"

extension Spec {
    /// What `srun spec` writes: field for field what `runc spec` writes, with srun's
    /// spec version. `rootless` gives `runc spec --rootless`, mapping root in the
    /// container to the caller's ids.
    public static func example(rootless: Bool, uid: UInt32, gid: UInt32) -> Spec {
        var spec = Spec(ociVersion: ociSpecVersion)
        spec.process = exampleProcess()
        spec.root = Root(path: "rootfs", readonly: true)
        spec.hostname = "runc"
        spec.mounts = exampleMounts(rootless: rootless)

        var linux = Linux()
        linux.maskedPaths = [
            "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
            "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi",
        ]
        linux.readonlyPaths = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]
        if rootless {
            linux.uidMappings = [IDMapping(containerID: 0, hostID: uid, size: 1)]
            linux.gidMappings = [IDMapping(containerID: 0, hostID: gid, size: 1)]
            linux.namespaces = [.pid, .ipc, .uts, .mount, .user].map { Namespace(type: $0) }
        } else {
            var resources = Resources()
            resources.devices = [DeviceRule(allow: false, access: "rwm")]
            linux.resources = resources
            linux.namespaces = [.pid, .network, .ipc, .uts, .mount].map { Namespace(type: $0) }
        }
        spec.linux = linux
        return spec
    }

    private static func exampleProcess() -> Process {
        var process = Process(args: ["sh"], cwd: "/")
        process.terminal = true
        process.env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"]
        let defaults: [Capability] = [.auditWrite, .kill, .netBindService]
        var capabilities = Capabilities()
        capabilities.bounding = defaults
        capabilities.effective = defaults
        capabilities.permitted = defaults
        capabilities.ambient = defaults
        process.capabilities = capabilities
        process.rlimits = [Rlimit(type: .nofile, hard: 1024, soft: 1024)]
        process.noNewPrivileges = true
        return process
    }

    private static func exampleMounts(rootless: Bool) -> [Mount] {
        let devptsOptions = ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"] + (rootless ? [] : ["gid=5"])
        // Without a network namespace of its own, a rootless container cannot mount sysfs.
        let sys = rootless
            ? Mount(destination: "/sys", type: "none", source: "/sys", options: ["rbind", "nosuid", "noexec", "nodev", "ro"])
            : Mount(destination: "/sys", type: "sysfs", source: "sysfs", options: ["nosuid", "noexec", "nodev", "ro"])
        return [
            Mount(destination: "/proc", type: "proc", source: "proc"),
            Mount(destination: "/dev", type: "tmpfs", source: "tmpfs", options: ["nosuid", "strictatime", "mode=755", "size=65536k"]),
            Mount(destination: "/dev/pts", type: "devpts", source: "devpts", options: devptsOptions),
            Mount(destination: "/dev/shm", type: "tmpfs", source: "shm", options: ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]),
            Mount(destination: "/dev/mqueue", type: "mqueue", source: "mqueue", options: ["nosuid", "noexec", "nodev"]),
            sys,
            Mount(destination: "/sys/fs/cgroup", type: "cgroup", source: "cgroup", options: ["nosuid", "noexec", "nodev", "relatime", "ro"]),
        ]
    }
}
