import OCI

/// The device rules a container's cgroup gets: the config's, then the devices every
/// container may use whatever the config says (runc's AllowedDevices: mknod of anything,
/// the standard /dev nodes, ptys, tun), so a config that denies everything first still
/// gets a working /dev.
enum DeviceCgroupRules {
    static func rules(for configured: [DeviceRule]) -> [DeviceRule] {
        // No rules leaves the cgroup as a new one is, allowing what its parent allows; the
        // defaults would allow nothing more.
        configured.isEmpty ? [] : configured + alwaysAllowed
    }

    static let alwaysAllowed: [DeviceRule] = [
        DeviceRule(allow: true, type: .char, access: "m"),
        DeviceRule(allow: true, type: .block, access: "m"),
        DeviceRule(allow: true, type: .char, major: 1, minor: 3, access: "rwm"),    // null
        DeviceRule(allow: true, type: .char, major: 1, minor: 8, access: "rwm"),    // random
        DeviceRule(allow: true, type: .char, major: 1, minor: 7, access: "rwm"),    // full
        DeviceRule(allow: true, type: .char, major: 5, minor: 0, access: "rwm"),    // tty
        DeviceRule(allow: true, type: .char, major: 1, minor: 5, access: "rwm"),    // zero
        DeviceRule(allow: true, type: .char, major: 1, minor: 9, access: "rwm"),    // urandom
        DeviceRule(allow: true, type: .char, major: 136, access: "rwm"),            // /dev/pts/*
        DeviceRule(allow: true, type: .char, major: 5, minor: 2, access: "rwm"),    // ptmx
        DeviceRule(allow: true, type: .char, major: 10, minor: 200, access: "rwm"), // net/tun
    ]
}
