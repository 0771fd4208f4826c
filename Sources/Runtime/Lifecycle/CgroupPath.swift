import Cgroups
import Linux
import OCI

/// A `linux.cgroupsPath` that srun cannot use.
public struct CgroupPathError: Error, CustomStringConvertible {
    public let description: String
}

enum CgroupPath {
    /// The container's path in every hierarchy: the config's, absolute, or `/<id>` as runc's default.
    static func resolve(_ configured: String?, id: ContainerID, systemd: Bool) throws -> String {
        if systemd {
            throw CgroupPathError(description: "--systemd-cgroup: the systemd cgroup driver is not implemented yet")
        }
        guard let configured, !configured.isEmpty else { return "/" + id.description }
        if configured.split(separator: ":").count == 3, !configured.hasPrefix("/") {
            throw CgroupPathError(description: "linux.cgroupsPath: \"\(configured)\" is a systemd slice:prefix:name path; srun manages cgroupfs paths")
        }
        let path = Paths.clean(configured)
        guard path != "/" else {
            throw CgroupPathError(description: "linux.cgroupsPath: \"\(configured)\" is the root cgroup; a container needs its own")
        }
        return path
    }
}
