import OCI
import ASCIIText

/// linux.resources.blockIO on the v1 blkio controller: proportional weights (CFQ's
/// blkio.weight, or BFQ's blkio.bfq.weight) and throttling, per device "MAJOR:MINOR VALUE".
enum V1BlockIO {
    static func apply(_ b: BlockIO, in files: CgroupFiles) throws(CgroupError) {
        let bfq = files.exists("blkio.bfq.weight")
        let weightFile = bfq ? "blkio.bfq.weight" : "blkio.weight"
        let weightDeviceFile = bfq ? "blkio.bfq.weight_device" : "blkio.weight_device"
        func requireWeights(_ field: String) throws(CgroupError) {
            guard bfq || files.exists("blkio.weight") else {
                throw CgroupError(field: field, "\(files.directory) has neither blkio.weight nor blkio.bfq.weight: no I/O scheduler here (CFQ or BFQ) does proportional weights")
            }
        }
        if let weight = b.weight, weight != 0 {
            try requireWeights("linux.resources.blockIO.weight")
            try files.write(weightFile, decimalString(weight), for: "linux.resources.blockIO.weight")
        }
        if let leafWeight = b.leafWeight, leafWeight != 0 {
            try files.write("blkio.leaf_weight", decimalString(leafWeight), for: "linux.resources.blockIO.leafWeight")
        }
        for (i, device) in b.weightDevice.enumerated() {
            let field = "linux.resources.blockIO.weightDevice[\(i)]"
            if let weight = device.weight, weight != 0 {
                try requireWeights(field)
                try files.write(weightDeviceFile, "\(device.major):\(device.minor) \(weight)", for: field)
            }
            if let leafWeight = device.leafWeight, leafWeight != 0 {
                try files.write("blkio.leaf_weight_device", "\(device.major):\(device.minor) \(leafWeight)", for: field)
            }
        }
        let throttles: [(String, [ThrottleDevice], String)] = [
            ("throttleReadBpsDevice", b.throttleReadBpsDevice, "blkio.throttle.read_bps_device"),
            ("throttleWriteBpsDevice", b.throttleWriteBpsDevice, "blkio.throttle.write_bps_device"),
            ("throttleReadIOPSDevice", b.throttleReadIOPSDevice, "blkio.throttle.read_iops_device"),
            ("throttleWriteIOPSDevice", b.throttleWriteIOPSDevice, "blkio.throttle.write_iops_device"),
        ]
        for (name, devices, file) in throttles {
            for (i, device) in devices.enumerated() {
                // A rate of 0 removes the device's limit.
                try files.write(file, "\(device.major):\(device.minor) \(device.rate)", for: "linux.resources.blockIO.\(name)[\(i)]")
            }
        }
    }
}
