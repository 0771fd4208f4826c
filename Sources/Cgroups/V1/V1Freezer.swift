#if canImport(Glibc)
import Glibc
#endif
import Linux

/// Pause and resume on the v1 freezer controller: freezer.state goes FREEZING until every
/// task stopped, then FROZEN.
enum V1Freezer {
    static func setFrozen(_ frozen: Bool, in files: CgroupFiles) throws(CgroupError) {
        let wanted = frozen ? "FROZEN" : "THAWED"
        // A task that forks while the cgroup freezes can hold it in FREEZING: writing FROZEN
        // again picks up the new task. Give up after 10 s, thawed, rather than half frozen.
        for attempt in 0..<2000 {
            try files.write("freezer.state", wanted, for: "")
            if files.read("freezer.state") == wanted { return }
            usleep(attempt < 100 ? 100 : 5_000)
        }
        try? files.write("freezer.state", "THAWED", for: "")
        throw CgroupError("\(files.path("freezer.state")) stayed \(files.read("freezer.state") ?? "unreadable") instead of \(wanted)")
    }

    static func isFrozen(_ files: CgroupFiles) -> Bool {
        files.read("freezer.state") == "FROZEN"
    }
}
