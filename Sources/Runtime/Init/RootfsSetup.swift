#if canImport(Glibc)
import Glibc
#endif
import ASCIIText
import CShim
import Cgroups
import Linux
import OCI

/// The container's filesystem: mounts in config order, /dev, then pivot_root and the
/// finishing touches (propagation, masked and read-only paths, read-only root).
///
/// Every destination is resolved inside the rootfs (InRoot) and mounted on through the fd
/// that resolution gave, so no symlink in the image can send a mkdir or a mount to the host.
struct RootfsSetup {
    let c: InitContext

    init(_ c: InitContext) { self.c = c }

    private var rootfs: String { c.rootfs }

    /// Before pivot_root, still seeing the host's filesystem.
    func prepare() throws {
        // Nothing the container mounts may propagate back to the host.
        try Mounts.mount(nil, "/", nil, MountFlag.slave | MountFlag.recursive)
        try Mounts.mount(rootfs, rootfs, nil, MountFlag.bind | MountFlag.recursive)
        let root = try InRoot(rootfs)
        for (i, mount) in c.spec.mounts.enumerated() {
            try mountEntry(mount, index: i, in: root)
        }
        try DeviceSetup(c, root: root).populate()
    }

    private func mountEntry(_ mount: Mount, index: Int, in root: InRoot) throws {
        var options = MountOptions(mount.options)
        let type = mount.type ?? (options.isBind ? "bind" : "none")
        var source = mount.source ?? type
        let destination = mount.destination
        if type == "bind" { options.isBind = true; options.flags |= MountFlag.bind }
        // Bind sources may be relative to the bundle (config.md).
        if options.isBind, !source.hasBytePrefix("/") { source = c.bundle + "/" + source }

        switch type {
        case "proc", "sysfs":
            // A fake /proc or /sys is how containers have fooled runtimes (CVE-2019-16884): no symlinks on the way.
            guard goesThroughSymlink(destination, in: root) else { break }
            throw ConfigError(JSONPath.root.key("mounts").index(index).key("destination"),
                              "\(quote(destination)) goes through a symlink in the rootfs; refusing to mount \(type) there")
        default:
            break
        }

        switch type {
        case "cgroup", "cgroup2":
            let target = try root.makeDirectories(destination)
            try CgroupMount(c).mount(at: InRoot.procPath(target), destination: destination, in: root, options: options)
            return
        case "sysfs" where !c.linux.has(.network):
            // A sysfs of its own needs a network namespace of its own; otherwise bind the host's, as runc does.
            options.isBind = true
            options.flags |= MountFlag.bind | MountFlag.recursive
            source = "/sys"
        default:
            break
        }
        if options.isBind {
            let target = isDirectory(source) ? try root.makeDirectories(destination) : try root.makeFile(destination)
            if let tree = c.idmappedTrees[index] {
                try check("move_mount", path: destination) { srun_move_mount(tree, target.raw) }
            } else {
                try Mounts.mount(source, InRoot.procPath(target), nil, MountFlag.bind | (options.flags & MountFlag.recursive),
                                 shownAs: destination)
            }
            if options.remountFlags != 0 {
                // The flags go to the new mount, which the path now leads to.
                let mounted = try root.open(destination, SRUN_O_PATH)
                try Mounts.mount(nil, InRoot.procPath(mounted), nil,
                                 MountFlag.bind | MountFlag.remount | options.remountFlags | lockedFlags(of: mounted),
                                 shownAs: destination)
            }
        } else {
            let target = try root.makeDirectories(destination)
            let data = MountLabel.data(options.dataString, type: type, label: c.linux.mountLabel)
            try Mounts.mount(source, InRoot.procPath(target), type, options.flags, data, shownAs: destination)
            if options.copyUp {
                // `target` still names the directory under the new tmpfs: its content is copied up.
                let mounted = try root.open(destination, O_RDONLY | O_DIRECTORY)
                try CopyUp.copy(from: target, to: mounted, path: destination)
            }
        }
        if !options.propagation.isEmpty {
            let mounted = try root.open(destination, SRUN_O_PATH)
            for propagation in options.propagation {
                try Mounts.mount(nil, InRoot.procPath(mounted), nil, propagation, shownAs: destination)
            }
        }
    }

    /// In a user namespace the flags of a bound mount are locked: a remount keeps them.
    private func lockedFlags(of mount: borrowing FileDescriptor) -> UInt {
        guard c.createsUserNamespace || c.joins.contains(where: { $0.type == .user }) else { return 0 }
        var info = statvfs()
        guard fstatvfs(mount.raw, &info) == 0 else { return 0 }
        return MountOptions.lockedFlags(statFlags: UInt(info.f_flag))
    }

    private func goesThroughSymlink(_ path: String, in root: InRoot) -> Bool {
        do {
            _ = try root.open(path, SRUN_O_PATH, resolve: UInt64(SRUN_RESOLVE_NO_SYMLINKS))
            return false
        } catch {
            // ENOENT: nothing there yet, it will be a directory srun makes.
            return error.errno == ELOOP
        }
    }

    /// pivot_root into the rootfs (or MS_MOVE and chroot with --no-pivot).
    func enter() throws {
        try check("chdir", path: rootfs) { chdir(rootfs) }
        if c.noPivot {
            try Mounts.mount(rootfs, "/", nil, MountFlag.move)
            try check("chroot", path: rootfs) { chroot(".") }
        } else {
            // pivot_root(".", "."): the old root ends up on top of "."; detaching it leaves the new one.
            // Everything was made rslave in prepare(), so the detach does not reach the host.
            // (A mount(MS_SLAVE) on "." here would hit the new root, not the old one on top of
            // it, and undo the propagation the config asked for.)
            try check("pivot_root", path: rootfs) { srun_pivot_root(".", ".") }
            try Mounts.unmount(".", Int32(MNT_DETACH))
        }
        try check("chdir", path: "/") { chdir("/") }
    }

    /// After pivot_root: what must apply to the final tree.
    func finish() throws {
        if let propagation = c.linux.rootfsPropagation,
           let flag = MountOptions.propagationTable[propagation.rawValue] {
            try Mounts.mount(nil, "/", nil, flag)
        }
        let null = NullDevice()
        var emptyDirectory: String?
        for path in c.linux.maskedPaths { try mask(path, with: null, emptyDirectory: &emptyDirectory) }
        for path in c.linux.readonlyPaths { try makeReadOnly(path) }
        if c.spec.root?.readonly == true {
            try Mounts.mount(nil, "/", nil, MountFlag.bind | MountFlag.remount | MountFlag.readOnly | MountFlag.recursive)
        }
    }

    /// A directory is hidden under an empty read-only tmpfs, a file under /dev/null. The first
    /// masked directory gets the tmpfs and the others a bind of it (read-only too): one
    /// superblock to make, and to tear down when the container ends, instead of one each.
    private func mask(_ path: String, with null: NullDevice, emptyDirectory: inout String?) throws {
        var st = stat()
        guard stat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            // The bind fails only where a later mask hid the first directory (a parent listed
            // after its child): then this one gets a tmpfs of its own.
            if let emptyDirectory, (try? Mounts.mount(emptyDirectory, path, nil, MountFlag.bind)) != nil { return }
            try Mounts.mount("tmpfs", path, "tmpfs", MountFlag.readOnly, "size=0k")
            emptyDirectory = path
            return
        }
        try Mounts.mount(try null.source(masking: path), path, nil, MountFlag.bind)
    }

    private func makeReadOnly(_ path: String) throws {
        guard fileExists(path) else { return }
        try Mounts.mount(path, path, nil, MountFlag.bind | MountFlag.recursive)
        try Mounts.mount(nil, path, nil, MountFlag.bind | MountFlag.remount | MountFlag.readOnly | MountFlag.recursive)
    }
}

/// A `cgroup` mount: the container's own cgroups, read-only unless the options say rw.
struct CgroupMount {
    let c: InitContext

    init(_ c: InitContext) { self.c = c }

    /// `target` is where to mount (a /proc/self/fd path); `destination` its path in the rootfs.
    func mount(at target: String, destination: String, in root: InRoot, options: MountOptions) throws {
        let readOnly = options.cleared & MountFlag.readOnly == 0
        let flags = MountFlag.noSuid | MountFlag.noDev | MountFlag.noExec | (readOnly ? MountFlag.readOnly : 0)
        // The hierarchies create found (this mount namespace began as a copy of its own).
        let hierarchies = c.cgroup.hierarchies
        if hierarchies.count == 1, hierarchies[0].isUnified {
            try Mounts.mount("cgroup2", target, "cgroup2", flags, shownAs: destination)
            return
        }
        // v1 and hybrid: a tmpfs with one mount per hierarchy. In a cgroup namespace of its own
        // the init mounts the hierarchies themselves, which the namespace scopes to its cgroup;
        // otherwise (and in a user namespace, which may not mount v1) it binds its cgroup dirs.
        try Mounts.mount("tmpfs", target, "tmpfs", MountFlag.noSuid | MountFlag.noDev | MountFlag.noExec, "mode=755", shownAs: destination)
        // The tmpfs is new and nothing else can reach it yet: its directories need no walk.
        let tree = try root.open(destination, SRUN_O_PATH | O_DIRECTORY)
        let scoped = c.linux.creates(.cgroup) && !c.createsUserNamespace && !c.joins.contains { $0.type == .user }
        var binds: [String] = []
        for hierarchy in hierarchies {
            let name = String(hierarchy.mountPoint.split(separator: "/").last ?? "unified")
            let bind = try Self.makeDirectory(name, in: tree, shownAs: destination + "/" + name)
            if !scoped {
                try Mounts.mount(hierarchy.path, InRoot.procPath(bind), nil, MountFlag.bind, shownAs: destination + "/" + name)
            } else if hierarchy.isUnified {
                try Mounts.mount("cgroup2", InRoot.procPath(bind), "cgroup2", flags, shownAs: destination + "/" + name)
            } else {
                // Named hierarchies ("name=systemd") mount with "none"; controllers by name.
                let data = hierarchy.controllers.map { $0.hasBytePrefix("name=") ? "none," + $0 : $0 }.joined(separator: ",")
                try Mounts.mount("cgroup", InRoot.procPath(bind), "cgroup", flags, data, shownAs: destination + "/" + name)
            }
            binds.append(destination + "/" + name)
        }
        // One mount_setattr for the whole tree; a remount per mount where the kernel lacks it (before 5.12).
        if srun_mount_setattr_recursive(InRoot.procPath(tree), UInt64(flags)) == 0 { return }
        guard errno == ENOSYS else { throw SystemError.last("mount_setattr", path: destination) }
        for path in binds + (readOnly ? [destination] : []) {
            let mounted = try root.open(path, SRUN_O_PATH)
            try Mounts.mount(nil, InRoot.procPath(mounted), nil, MountFlag.bind | MountFlag.remount | flags, shownAs: path)
        }
    }

    private static func makeDirectory(_ name: String, in tree: borrowing FileDescriptor, shownAs path: String) throws -> FileDescriptor {
        _ = try check("mkdir", path: path) { mkdirat(tree.raw, name, 0o755) }
        return FileDescriptor(raw: try check("open", path: path) {
            openat(tree.raw, name, SRUN_O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        })
    }
}

/// The image controls /dev/null until the masks are on: files are masked only with the real null
/// device (CVE-2025-31133), bound through the fd that was checked when /proc is there to name it.
/// Opened and checked once, for the first file that needs it.
private final class NullDevice {
    private var fd: Int32 = -1
    private var checkedSource: String?

    func source(masking path: String) throws -> String {
        if let checkedSource { return checkedSource }
        if fd < 0 {
            let null = try check("open", path: "/dev/null") { open("/dev/null", SRUN_O_PATH | O_CLOEXEC) }
            var device = stat()
            guard fstat(null, &device) == 0, (device.st_mode & S_IFMT) == S_IFCHR, device.st_rdev == srun_makedev(1, 3) else {
                close(null)
                throw InitError(description: "maskedPaths: /dev/null in the container is not the null device; refusing to mask \(path) with it")
            }
            fd = null
        }
        let checked = "/proc/self/fd/" + decimalString(fd)
        let source = fileExists(checked) ? checked : "/dev/null"
        checkedSource = source
        return source
    }

    deinit { if fd >= 0 { close(fd) } }
}
