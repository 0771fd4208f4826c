import OCI

/// linux.resources.hugepageLimits on the v1 hugetlb controller, in bytes per page size; the
/// reservation limit too where the kernel has one (5.7+), so reserved pages are held to it.
enum V1Hugetlb {
    static func apply(_ limits: [HugepageLimit], in files: CgroupFiles) throws(CgroupError) {
        for (i, limit) in limits.enumerated() {
            let field = "linux.resources.hugepageLimits[\(i)]"
            let file = "hugetlb.\(limit.pageSize).limit_in_bytes"
            guard files.exists(file) else {
                throw CgroupError(field: field, "\(files.path(file)) does not exist: this host has no \(limit.pageSize) huge pages")
            }
            try files.write(file, String(limit.limit), for: field)
            let reserved = "hugetlb.\(limit.pageSize).rsvd.limit_in_bytes"
            if files.exists(reserved) { try files.write(reserved, String(limit.limit), for: field) }
        }
    }
}
