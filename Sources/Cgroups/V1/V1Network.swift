import OCI
import ASCIIText

/// linux.resources.network on v1's net_cls (a class id for tc and iptables) and net_prio
/// (a priority per interface); cgroup v2 has neither.
enum V1Network {
    static func applyClassID(_ network: NetworkResources, in files: CgroupFiles) throws(CgroupError) {
        guard let classID = network.classID, classID != 0 else { return }
        try files.write("net_cls.classid", decimalString(classID), for: "linux.resources.network.classID")
    }

    static func applyPriorities(_ network: NetworkResources, in files: CgroupFiles) throws(CgroupError) {
        for (i, entry) in network.priorities.enumerated() {
            try files.write("net_prio.ifpriomap", "\(entry.name) \(entry.priority)", for: "linux.resources.network.priorities[\(i)]")
        }
    }
}
