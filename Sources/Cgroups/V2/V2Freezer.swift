#if canImport(Glibc)
import Glibc
#endif

/// Pause and resume on cgroup v2: cgroup.freeze, done once cgroup.events says "frozen 1".
enum V2Freezer {
    static func setFrozen(_ frozen: Bool, in files: CgroupFiles) throws(CgroupError) {
        try files.write("cgroup.freeze", frozen ? "1" : "0", for: "")
        let wanted: UInt64 = frozen ? 1 : 0
        for attempt in 0..<2000 {
            if files.value("frozen", in: "cgroup.events") == wanted { return }
            usleep(attempt < 100 ? 100 : 5_000)
        }
        if frozen { try? files.write("cgroup.freeze", "0", for: "") }
        throw CgroupError("\(files.path("cgroup.events")) did not report frozen \(wanted) in 10 s")
    }

    static func isFrozen(_ files: CgroupFiles) -> Bool {
        files.read("cgroup.freeze") == "1"
    }
}
