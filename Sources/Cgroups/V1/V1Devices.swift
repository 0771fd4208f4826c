import ASCIIText
import OCI

/// linux.resources.devices on the v1 devices controller: each rule, in the config's order,
/// a line of devices.allow or devices.deny. A rule for all devices ("a") resets the list to
/// allow-all or deny-all; later rules make exceptions to it.
enum V1Devices {
    static func apply(_ rules: [DeviceRule], in files: CgroupFiles) throws(CgroupError) {
        for (i, rule) in rules.enumerated() {
            try files.write(rule.allow ? "devices.allow" : "devices.deny", rule.v1Line, for: "linux.resources.devices[" + decimalString(i) + "]")
        }
    }
}

extension DeviceRule {
    /// "c 1:3 rwm", "a *:* rwm": a missing or negative number is any.
    var v1Line: String {
        func number(_ value: Int64?) -> String { value.map { $0 < 0 ? "*" : decimalString($0) } ?? "*" }
        return "\((type ?? .all).rawValue) \(number(major)):\(number(minor)) \(access ?? "rwm")"
    }
}
