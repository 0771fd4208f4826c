#if canImport(Glibc)
import Glibc
#endif
import CShim
import Linux
import OCI

/// /dev in the container: the default devices every container gets, the config's
/// linux.devices, and the standard links. Device nodes are made with mknod, or bound from
/// the host's /dev inside a user namespace, where mknod is not allowed. Every path is
/// resolved inside the rootfs.
struct DeviceSetup {
    let c: InitContext
    let root: InRoot

    init(_ c: InitContext, root: InRoot) {
        self.c = c
        self.root = root
    }

    static let defaults: [Device] = ([
        ("null", 1, 3), ("zero", 1, 5), ("full", 1, 7), ("random", 1, 8), ("urandom", 1, 9), ("tty", 5, 0),
    ] as [(String, Int64, Int64)]).map { name, major, minor in
        var device = Device(type: .char, path: "/dev/" + name, major: major, minor: minor)
        device.fileMode = 0o666
        device.uid = 0
        device.gid = 0
        return device
    }

    static let links: [(String, String)] = [
        ("/proc/self/fd", "fd"), ("/proc/self/fd/0", "stdin"),
        ("/proc/self/fd/1", "stdout"), ("/proc/self/fd/2", "stderr"), ("pts/ptmx", "ptmx"),
    ]

    /// Only when the config gave /dev a filesystem of its own; a bind of the host's /dev is left alone.
    func populate() throws {
        // The config's modes are meant exactly: no umask while nodes are made.
        let savedMask = umask(0)
        defer { umask(savedMask) }
        let devMount = c.spec.mounts.last { Paths.clean($0.destination) == "/dev" }
        let ownDev = devMount.map { !MountOptions($0.options).isBind && $0.type != "bind" } ?? false
        if ownDev {
            for device in DeviceSetup.defaults where !c.linux.devices.contains(where: { $0.path == device.path }) {
                try create(device)
            }
            let dev = try root.open("/dev", SRUN_O_PATH | O_DIRECTORY)
            var links = DeviceSetup.links
            if fileExists("/proc/kcore") { links.append(("/proc/kcore", "core")) }
            for (target, name) in links where symlinkat(target, dev.raw, name) != 0 && errno != EEXIST {
                throw SystemError.last("symlink", path: "/dev/" + name)
            }
        }
        for device in c.linux.devices { try create(device) }
    }

    private var inUserNamespace: Bool {
        c.createsUserNamespace || c.joins.contains { $0.type == .user }
    }

    private func create(_ device: Device) throws {
        if inUserNamespace {
            let target = try root.makeFile(device.path)
            try Mounts.mount(Paths.clean(device.path), InRoot.procPath(target), nil, MountFlag.bind, shownAs: device.path)
            return
        }
        let kind: mode_t
        switch device.type {
        case .char, .unbufferedChar: kind = S_IFCHR
        case .block: kind = S_IFBLK
        case .fifo: kind = S_IFIFO
        }
        let number = srun_makedev(UInt32(truncatingIfNeeded: device.major ?? 0), UInt32(truncatingIfNeeded: device.minor ?? 0))
        let mode = mode_t(device.fileMode ?? 0o666) & 0o7777
        let parent = try root.makeParent(of: device.path)
        let name = InRoot.lastComponent(device.path)
        if mknodat(parent.raw, name, kind | mode, number) != 0 {
            // A node the rootfs already has is replaced by the configured one.
            guard errno == EEXIST else { throw SystemError.last("mknod", path: device.path) }
            try check("unlink", path: device.path) { unlinkat(parent.raw, name, 0) }
            try check("mknod", path: device.path) { mknodat(parent.raw, name, kind | mode, number) }
        }
        let (uid, gid) = (device.uid ?? 0, device.gid ?? 0)
        if uid != 0 || gid != 0 {
            try check("chown", path: device.path) { fchownat(parent.raw, name, uid, gid, AT_SYMLINK_NOFOLLOW) }
        }
    }
}
