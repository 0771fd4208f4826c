import OCI

/// linux.resources.hugepageLimits on the v2 hugetlb controller: hugetlb.<size>.max, and the
/// reservation limit where the kernel has one.
enum V2Hugetlb {
    static func apply(_ limits: [HugepageLimit], in files: CgroupFiles) throws(CgroupError) {
        for (i, limit) in limits.enumerated() {
            let field = "linux.resources.hugepageLimits[\(i)]"
            let file = "hugetlb.\(limit.pageSize).max"
            guard files.exists(file) else {
                throw CgroupError(field: field, "\(files.path(file)) does not exist: this host has no \(limit.pageSize) huge pages")
            }
            try files.write(file, String(limit.limit), for: field)
            let reserved = "hugetlb.\(limit.pageSize).rsvd.max"
            if files.exists(reserved) { try files.write(reserved, String(limit.limit), for: field) }
        }
    }
}
