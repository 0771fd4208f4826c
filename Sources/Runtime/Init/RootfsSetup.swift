#if canImport(Glibc)
import Glibc
#endif
import CShim
import Cgroups
import Linux
import OCI

/// The container's filesystem: mounts in config order, /dev, then pivot_root and the
/// finishing touches (propagation, masked and read-only paths, read-only root).
///
/// Destinations are joined to the rootfs lexically here; resolving them symlink-safely
/// inside the rootfs is the filesystem work that follows.
struct RootfsSetup {
    let c: InitContext

    init(_ c: InitContext) { self.c = c }

    private var rootfs: String { c.rootfs }

    func target(_ destination: String) -> String {
        rootfs + Paths.clean(destination)
    }

    /// Before pivot_root, still seeing the host's filesystem.
    func prepare() throws {
        // Nothing the container mounts may propagate back to the host.
        try Mounts.mount(nil, "/", nil, MountFlag.slave | MountFlag.recursive)
        try Mounts.mount(rootfs, rootfs, nil, MountFlag.bind | MountFlag.recursive)
        for mount in c.spec.mounts {
            try mountEntry(mount)
        }
        try DeviceSetup(c, rootfs: rootfs).populate()
    }

    private func mountEntry(_ mount: Mount) throws {
        var options = MountOptions(mount.options)
        let type = mount.type ?? (options.isBind ? "bind" : "none")
        let source = mount.source ?? type
        let destination = target(mount.destination)
        if type == "bind" { options.isBind = true; options.flags |= MountFlag.bind }

        switch type {
        case "cgroup", "cgroup2":
            try makeDirectories(destination)
            try CgroupMount(c).mount(at: destination, options: options)
            return
        case "sysfs" where !c.linux.has(.network):
            // A sysfs of its own needs a network namespace of its own; otherwise bind the host's, as runc does.
            options.isBind = true
            options.flags |= MountFlag.bind | MountFlag.recursive
            try makeDirectories(destination)
            try bind("/sys", destination, options)
            return
        default:
            break
        }
        if options.isBind {
            try makeTarget(destination, like: source)
            try bind(source, destination, options)
        } else {
            try makeDirectories(destination)
            try Mounts.mount(source, destination, type, options.flags, options.dataString)
        }
        for propagation in options.propagation {
            try Mounts.mount(nil, destination, nil, propagation)
        }
    }

    /// A bind mount takes its flags only from a remount of the new mount.
    private func bind(_ source: String, _ destination: String, _ options: MountOptions) throws {
        try Mounts.mount(source, destination, nil, MountFlag.bind | (options.flags & MountFlag.recursive))
        if options.remountFlags != 0 {
            try Mounts.mount(nil, destination, nil, MountFlag.bind | MountFlag.remount | options.remountFlags)
        }
    }

    /// A file for a file, a directory for anything else.
    private func makeTarget(_ destination: String, like source: String) throws {
        var st = stat()
        if stat(source, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR {
            let parent = String(destination[..<destination.lastIndex(of: "/")!])
            try makeDirectories(parent.isEmpty ? "/" : parent)
            let fd = open(destination, O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
            if fd >= 0 { close(fd) } else if errno != EISDIR { throw SystemError.last("open", path: destination) }
        } else {
            try makeDirectories(destination)
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
            try check("pivot_root", path: rootfs) { srun_pivot_root(".", ".") }
            try Mounts.mount(nil, ".", nil, MountFlag.slave | MountFlag.recursive)
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
        for path in c.linux.maskedPaths { try mask(path) }
        for path in c.linux.readonlyPaths { try makeReadOnly(path) }
        if c.spec.root?.readonly == true {
            try Mounts.mount(nil, "/", nil, MountFlag.bind | MountFlag.remount | MountFlag.readOnly | MountFlag.recursive)
        }
    }

    /// A directory is hidden under an empty read-only tmpfs, a file under /dev/null.
    private func mask(_ path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            try Mounts.mount("tmpfs", path, "tmpfs", MountFlag.readOnly, "size=0k")
        } else {
            try Mounts.mount("/dev/null", path, nil, MountFlag.bind)
        }
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

    func mount(at destination: String, options: MountOptions) throws {
        let readOnly = options.cleared & MountFlag.readOnly == 0
        let flags = MountFlag.noSuid | MountFlag.noDev | MountFlag.noExec | (readOnly ? MountFlag.readOnly : 0)
        let hierarchies = try Hierarchy.mounted()
        if hierarchies.count == 1, hierarchies[0].isUnified {
            try Mounts.mount("cgroup2", destination, "cgroup2", flags)
            return
        }
        // v1 and hybrid: a tmpfs holding one bind of the container's cgroup per hierarchy.
        try Mounts.mount("tmpfs", destination, "tmpfs", MountFlag.noSuid | MountFlag.noDev | MountFlag.noExec, "mode=755")
        var targets: [String] = []
        for (hierarchy, directory) in zip(hierarchies, c.cgroup.directories) {
            let name = String(hierarchy.mountPoint.split(separator: "/").last ?? "unified")
            let target = destination + "/" + name
            try makeDirectories(target)
            try Mounts.mount(directory, target, nil, MountFlag.bind)
            targets.append(target)
        }
        // One mount_setattr for the whole tree; a remount per mount where the kernel lacks it (before 5.12).
        if srun_mount_setattr_recursive(destination, UInt64(flags)) == 0 { return }
        guard errno == ENOSYS else { throw SystemError.last("mount_setattr", path: destination) }
        for target in targets + (readOnly ? [destination] : []) {
            try Mounts.mount(nil, target, nil, MountFlag.bind | MountFlag.remount | flags)
        }
    }
}
