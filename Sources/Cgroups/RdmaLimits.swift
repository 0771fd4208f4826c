import OCI

/// linux.resources.rdma: one rdma.max line per device, on v1 and v2 alike.
enum RdmaLimits {
    static func apply(_ rdma: [String: RdmaLimit], in files: CgroupFiles) throws(CgroupError) {
        for (device, limit) in rdma.sorted(by: { $0.key < $1.key }) {
            try files.write("rdma.max", line(device, limit), for: "linux.resources.rdma[\"\(device)\"]")
        }
    }

    /// "mlx4_0 hca_handle=2 hca_object=2000"; a limit left out stays as it is.
    static func line(_ device: String, _ limit: RdmaLimit) -> String {
        var line = device
        if let handles = limit.hcaHandles { line += " hca_handle=\(handles)" }
        if let objects = limit.hcaObjects { line += " hca_object=\(objects)" }
        return line
    }
}
