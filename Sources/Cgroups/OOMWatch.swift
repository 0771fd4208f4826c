#if canImport(Glibc)
import Glibc
#endif
import Linux

/// Tells of OOM events in a cgroup: `descriptor` becomes readable when one happens, and
/// `consume` reads it and says whether it was one.
///
/// v1: an eventfd registered with cgroup.event_control for memory.oom_control; the kernel
/// also signals it when the cgroup is removed, which is not an OOM. v2: an inotify watch on
/// memory.events, an OOM when its oom_kill count grew.
public final class OOMWatch {
    public let descriptor: Int32
    private let kind: Kind
    private var killsSeen: UInt64 = 0

    enum Kind {
        case eventfd(controlFile: String)
        case memoryEvents(directory: String)
    }

    init(descriptor: Int32, kind: Kind) {
        self.descriptor = descriptor
        self.kind = kind
        if case .memoryEvents(let directory) = kind { killsSeen = Self.kills(in: directory) ?? 0 }
    }

    deinit { close(descriptor) }

    /// Reads what woke the descriptor (it must be readable); true for an OOM.
    public func consume() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        switch kind {
        case .eventfd(let control):
            return n == 8 && fileExists(control)
        case .memoryEvents(let directory):
            guard let kills = Self.kills(in: directory) else { return false }
            defer { killsSeen = kills }
            return kills > killsSeen
        }
    }

    static func kills(in directory: String) -> UInt64? {
        CgroupFiles(directory).value("oom_kill", in: "memory.events")
    }
}
