#if canImport(Glibc)
import Glibc
#endif
import ASCIIText
import Cgroups
import Linux
import OCI

/// A `linux.cgroupsPath` that srun cannot use.
public struct CgroupPathError: Error, CustomStringConvertible {
    public let description: String
}

enum CgroupPath {
    /// The container's cgroup path: the config's, cleaned, absolute ("/a/b", under each
    /// hierarchy's root) or relative ("a/b", under create's own cgroup, as runc has it);
    /// `/<id>` when there is none.
    static func resolve(_ configured: String?, id: ContainerID, systemd: Bool) throws -> String {
        if systemd { try refuseSystemd(configured) }
        guard let configured, !configured.isEmpty else { return "/" + id.description }
        if configured.split(separator: ":", omittingEmptySubsequences: false).count == 3, !configured.hasBytePrefix("/") {
            throw CgroupPathError(description: "linux.cgroupsPath: \"\(configured)\" is a systemd slice:prefix:name path, which needs --systemd-cgroup")
        }
        let relative = !configured.hasBytePrefix("/")
        let path = Paths.clean(configured)
        guard path != "/" else {
            throw CgroupPathError(description: "linux.cgroupsPath: \"\(configured)\" is \(relative ? "srun's own" : "the root") cgroup; a container needs its own")
        }
        return relative ? String(path.dropFirst()) : path
    }

    /// runc's systemd driver asks systemd for a transient scope from "slice:prefix:name".
    /// srun has no systemd driver; say which of the two is the problem.
    private static func refuseSystemd(_ configured: String?) throws -> Never {
        if let configured, !configured.isEmpty, configured.split(separator: ":", omittingEmptySubsequences: false).count != 3 {
            throw CgroupPathError(description: "linux.cgroupsPath: \"\(configured)\" is not of the form slice:prefix:name that --systemd-cgroup takes")
        }
        if !isDirectory("/run/systemd/system") {
            throw CgroupPathError(description: "--systemd-cgroup: systemd is not running on this host (no /run/systemd/system); leave the flag out to use cgroupfs paths")
        }
        throw CgroupPathError(description: "--systemd-cgroup: srun has no systemd cgroup driver; leave the flag out to use cgroupfs paths")
    }
}

extension ContainerRecord {
    /// The container's cgroup as create made it.
    var cgroup: ContainerCgroup {
        guard cgroups.isEmpty, !legacyCgroupDirectories.isEmpty else {
            return ContainerCgroup(path: cgroupPath, directories: cgroups)
        }
        // State written before the hierarchies were recorded: find each one's hierarchy again.
        let mounted = (try? Hierarchy.mounted()) ?? []
        return ContainerCgroup(path: cgroupPath, directories: legacyCgroupDirectories.map { directory in
            let hierarchy = mounted.filter { directory.hasPrefix($0.mountPoint + "/") }.max { $0.mountPoint.count < $1.mountPoint.count }
            return CgroupDirectory(path: directory, mountPoint: hierarchy?.mountPoint ?? "", controllers: hierarchy?.controllers ?? [])
        })
    }
}
