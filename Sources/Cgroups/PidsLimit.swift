import OCI
import ASCIIText

/// linux.resources.pids.limit: pids.max on v1 and v2 alike; negative is no limit.
enum PidsLimit {
    static func apply(_ pids: PidsResources, in files: CgroupFiles) throws(CgroupError) {
        guard let limit = pids.limit, limit != 0 else { return }
        try files.write("pids.max", limit > 0 ? decimalString(limit) : "max", for: "linux.resources.pids.limit")
    }
}
