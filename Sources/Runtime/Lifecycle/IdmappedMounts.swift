#if canImport(Glibc)
import Glibc
#endif
import ASCIIText
import CShim
import Linux
import OCI

/// idmap/ridmap bind mounts are prepared by `create` before the clone, where srun still has
/// every privilege: a detached copy of the source, idmapped through a user namespace that
/// holds the mount's mappings (or the container's). The init attaches it inside the rootfs.
enum IdmappedMounts {
    /// Mount index to the detached tree's fd, inherited by the init.
    static func prepare(_ spec: Spec, bundle: String) throws -> [Int: Int32] {
        var trees: [Int: Int32] = [:]
        do {
            for (i, mount) in spec.mounts.enumerated() {
                guard let option = mount.options.last(where: { $0 == "idmap" || $0 == "ridmap" }) else { continue }
                let linux = spec.linux ?? Linux()
                let uids = mount.uidMappings.isEmpty ? linux.uidMappings : mount.uidMappings
                let gids = mount.gidMappings.isEmpty ? linux.gidMappings : mount.gidMappings
                var source = mount.source ?? ""
                if !source.hasBytePrefix("/") { source = bundle + "/" + source }
                trees[i] = try idmappedTree(source, recursive: option == "ridmap", uids: uids, gids: gids)
            }
        } catch {
            for fd in trees.values { close(fd) }
            throw error
        }
        return trees
    }

    private static func idmappedTree(_ source: String, recursive: Bool, uids: [IDMapping], gids: [IDMapping]) throws -> Int32 {
        let userns = try userNamespace(uids: uids, gids: gids)
        defer { close(userns) }
        let tree = try check("open_tree", path: source) { srun_open_tree_clone(source, recursive ? 1 : 0) }
        guard srun_mount_setattr_idmap(tree, recursive ? 1 : 0, userns) == 0 else {
            let error = SystemError.last("mount_setattr(MOUNT_ATTR_IDMAP)", path: source)
            close(tree)
            throw error
        }
        return tree
    }

    /// A user namespace with these mappings: a child is cloned into a new one, given the
    /// maps, and its namespace kept open after it exits.
    private static func userNamespace(uids: [IDMapping], gids: [IDMapping]) throws -> Int32 {
        let (parentEnd, childEnd) = try MessageChannel.pair()
        let pid = srun_clone3(UInt64(UInt32(bitPattern: Namespaces.user)), -1, nil)
        if pid == 0 {
            // Waits for the parent to be done with it: EOF when the parent's end closes.
            parentEnd.close()
            _ = try? childEnd.receive()
            Processes.exitChild(0)
        }
        childEnd.close()
        defer {
            parentEnd.close()
            var status: Int32 = 0
            if pid > 0 { waitpid(pid, &status, 0) }
        }
        guard pid > 0 else { throw SystemError.last("clone3(CLONE_NEWUSER)") }
        func format(_ mappings: [IDMapping]) -> String {
            mappings.map { "\($0.containerID) \($0.hostID) \($0.size)\n" }.joined()
        }
        try writeExisting("/proc/\(pid)/uid_map", format(uids))
        try writeExisting("/proc/\(pid)/setgroups", "deny")
        try writeExisting("/proc/\(pid)/gid_map", format(gids))
        return try check("open", path: "/proc/\(pid)/ns/user") { open("/proc/\(pid)/ns/user", O_RDONLY | O_CLOEXEC) }
    }
}
