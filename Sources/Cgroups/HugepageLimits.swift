import OCI
import ASCIIText

/// linux.resources.hugepageLimits on the hugetlb controller, per page size, and the
/// reservation limit too where the kernel has one (5.7+), so reserved pages are held to it.
/// v1 and v2 differ only in the files' last part: `limit_in_bytes` and `max`.
enum HugepageLimits {
    static func apply(_ limits: [HugepageLimit], in files: CgroupFiles, suffix: String) throws(CgroupError) {
        for (i, limit) in limits.enumerated() {
            let field = "linux.resources.hugepageLimits[\(i)]"
            let file = "hugetlb.\(limit.pageSize).\(suffix)"
            guard files.exists(file) else {
                throw CgroupError(field: field, "\(files.path(file)) does not exist: this host has no \(limit.pageSize) huge pages")
            }
            try files.write(file, decimalString(limit.limit), for: field)
            let reserved = "hugetlb.\(limit.pageSize).rsvd.\(suffix)"
            if files.exists(reserved) { try files.write(reserved, decimalString(limit.limit), for: field) }
        }
    }
}
