import Linux

/// One mounted cgroup hierarchy: a v1 hierarchy with its controllers, or the v2 one.
public struct Hierarchy: Equatable, Sendable {
    public let mountPoint: String
    /// The cgroup mounted there ("/" unless the mount is of a subtree).
    public let root: String
    /// v1 controllers of this hierarchy ("cpu", "cpuacct", "name=systemd"); empty for v2.
    public let controllers: [String]
    public var isUnified: Bool { controllers.isEmpty }

    public init(mountPoint: String, root: String = "/", controllers: [String]) {
        self.mountPoint = mountPoint
        self.root = root
        self.controllers = controllers
    }

    /// The hierarchies mounted in this mount namespace, from /proc/self/mountinfo.
    /// Pure v2 gives one; hybrid gives the v1 ones plus cgroup2 (often at .../unified).
    public static func mounted() throws(SystemError) -> [Hierarchy] {
        try parse(mountinfo: readText("/proc/self/mountinfo"))
    }

    static func parse(mountinfo: String) -> [Hierarchy] {
        var found: [Hierarchy] = []
        for line in mountinfo.split(separator: "\n") {
            // "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTS"
            let halves = line.split(separator: " - ", maxSplits: 1)
            guard halves.count == 2 else { continue }
            let before = halves[0].split(separator: " ")
            let after = halves[1].split(separator: " ")
            guard before.count >= 5, after.count >= 3 else { continue }
            let mountPoint = unescape(String(before[4]))
            let root = unescape(String(before[3]))
            guard !found.contains(where: { $0.mountPoint == mountPoint }) else { continue }
            switch after[0] {
            case "cgroup2":
                found.append(Hierarchy(mountPoint: mountPoint, root: root, controllers: []))
            case "cgroup":
                let options = after[2].split(separator: ",").map(String.init)
                let controllers = options.filter(isController)
                found.append(Hierarchy(mountPoint: mountPoint, root: root, controllers: controllers))
            default:
                continue
            }
        }
        return found
    }

    /// Super options of a v1 mount that are not controller names.
    private static let mountOptions: Set<String> = ["rw", "ro", "clone_children", "xattr", "noprefix", "cpuset_v2_mode"]

    private static func isController(_ option: String) -> Bool {
        !mountOptions.contains(option) && !option.hasPrefix("release_agent=")
    }

    /// mountinfo writes space, tab, newline and backslash as octal escapes.
    private static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "\\"), bytes.count >= 3,
               let value = UInt8(String(decoding: bytes.prefix(3), as: UTF8.self), radix: 8) {
                out.append(value)
                bytes = bytes.dropFirst(3)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
