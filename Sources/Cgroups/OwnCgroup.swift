/// The caller's own cgroups, from /proc/self/cgroup ("ID:CONTROLLERS:PATH" per hierarchy;
/// "0::PATH" for v2): a relative cgroupsPath starts there, as with runc.
public struct OwnCgroup: Sendable {
    /// Path by controller list as the file writes it ("cpu,cpuacct", "name=systemd", "" for v2).
    let paths: [String: String]

    public init(procSelfCgroup text: String) {
        var paths: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            paths[String(fields[1])] = String(fields[2])
        }
        self.paths = paths
    }

    /// The caller's path in `hierarchy`, as seen under its mount point (whose root may be a
    /// subtree: a cgroup namespace, a bind mount).
    func path(in hierarchy: Hierarchy) -> String {
        let key = hierarchy.isUnified ? "" : hierarchy.controllers.sorted().joined(separator: ",")
        let own = paths[key] ?? paths.first { Set($0.key.split(separator: ",").map(String.init)) == Set(hierarchy.controllers) }?.value ?? "/"
        let root = hierarchy.root
        if root == "/" || root.isEmpty { return own }
        if own == root { return "/" }
        return own.hasPrefix(root + "/") ? String(own.dropFirst(root.count)) : own
    }
}
