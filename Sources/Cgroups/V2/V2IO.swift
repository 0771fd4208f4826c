import OCI
import ASCIIText

/// linux.resources.blockIO on the v2 io controller: BFQ's io.bfq.weight where the scheduler
/// is BFQ (same scale as v1), else io.weight (converted); throttling in io.max.
enum V2IO {
    static func apply(_ b: BlockIO, in files: CgroupFiles) throws(CgroupError) {
        let bfq = files.exists("io.bfq.weight")
        if let weight = b.weight, weight != 0 {
            let value = bfq ? decimalString(weight) : decimalString(V2Conversions.ioWeight(blkioWeight: weight))
            try files.write(bfq ? "io.bfq.weight" : "io.weight", value, for: "linux.resources.blockIO.weight")
        }
        if nonZero(b.leafWeight) {
            throw CgroupError(field: "linux.resources.blockIO.leafWeight", "cgroup v2 has no leaf weights")
        }
        for (i, device) in b.weightDevice.enumerated() {
            let field = "linux.resources.blockIO.weightDevice[\(i)]"
            if nonZero(device.leafWeight) { throw CgroupError(field: field + ".leafWeight", "cgroup v2 has no leaf weights") }
            guard let weight = device.weight, weight != 0 else { continue }
            let value = bfq ? decimalString(weight) : decimalString(V2Conversions.ioWeight(blkioWeight: weight))
            try files.write(bfq ? "io.bfq.weight" : "io.weight", "\(device.major):\(device.minor) \(value)", for: field)
        }
        let throttles: [(String, [ThrottleDevice], String)] = [
            ("throttleReadBpsDevice", b.throttleReadBpsDevice, "rbps"), ("throttleWriteBpsDevice", b.throttleWriteBpsDevice, "wbps"),
            ("throttleReadIOPSDevice", b.throttleReadIOPSDevice, "riops"), ("throttleWriteIOPSDevice", b.throttleWriteIOPSDevice, "wiops"),
        ]
        for (name, devices, key) in throttles {
            for (i, device) in devices.enumerated() {
                // v1's rate 0 removes the limit; v2 spells that "max".
                let rate = device.rate == 0 ? "max" : decimalString(device.rate)
                try files.write("io.max", "\(device.major):\(device.minor) \(key)=\(rate)", for: "linux.resources.blockIO.\(name)[\(i)]")
            }
        }
    }
}
