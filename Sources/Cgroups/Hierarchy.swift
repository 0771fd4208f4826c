import ASCIIText
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

    /// Byte by byte, and only cgroup lines are split into fields: every create reads this
    /// file, and splitting it as Swift Strings (grapheme by grapheme) took half a millisecond.
    static func parse(mountinfo: String) -> [Hierarchy] {
        var text = mountinfo
        return text.withUTF8 { all in
            var found: [Hierarchy] = []
            var start = 0
            while start < all.count {
                var end = start
                while end < all.count, all[end] != UInt8(ascii: "\n") { end += 1 }
                let line = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end + 1
                guard mentionsCgroup(line), let hierarchy = parse(line: line),
                      !found.contains(where: { $0.mountPoint == hierarchy.mountPoint }) else { continue }
                found.append(hierarchy)
            }
            return found
        }
    }

    /// Whether the line has " - cgroup" (the separator, then a cgroup or cgroup2 type).
    private static func mentionsCgroup(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let marker: StaticString = " - cgroup"
        return marker.withUTF8Buffer { marker in
            guard line.count >= marker.count else { return false }
            for offset in 0...(line.count - marker.count) where line[offset] == marker[0] {
                if (1..<marker.count).allSatisfy({ line[offset + $0] == marker[$0] }) { return true }
            }
            return false
        }
    }

    /// "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTS"
    private static func parse(line: UnsafeBufferPointer<UInt8>) -> Hierarchy? {
        let fields = line.split(separator: UInt8(ascii: " "))
        guard let dash = fields.firstIndex(where: { $0.elementsEqual("-".utf8) }), dash >= 5, fields.count >= dash + 4 else {
            return nil
        }
        let type = fields[dash + 1]
        let isV2 = type.elementsEqual("cgroup2".utf8)
        guard isV2 || type.elementsEqual("cgroup".utf8) else { return nil }
        let mountPoint = unescape(String(decoding: fields[4], as: UTF8.self))
        let root = unescape(String(decoding: fields[3], as: UTF8.self))
        if isV2 { return Hierarchy(mountPoint: mountPoint, root: root, controllers: []) }
        let options = fields[dash + 3].split(separator: UInt8(ascii: ",")).map { String(decoding: $0, as: UTF8.self) }
        return Hierarchy(mountPoint: mountPoint, root: root, controllers: options.filter(isController))
    }

    /// Super options of a v1 mount that are not controller names.
    private static let mountOptions = ["rw", "ro", "clone_children", "xattr", "noprefix", "cpuset_v2_mode"]

    private static func isController(_ option: String) -> Bool {
        !mountOptions.contains(option) && !option.hasBytePrefix("release_agent=")
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
