#if canImport(Glibc)
import Glibc
#endif
import Linux
import OCI

/// A container's cgroup on cgroup v2: one directory, whose controllers are the ones its
/// parent enables in cgroup.subtree_control. Devices and the freezer are part of every v2
/// cgroup (an eBPF program, cgroup.freeze).
public struct V2Cgroup: CgroupDriver {
    /// Where the v2 hierarchy is mounted: controllers are enabled from there down.
    public let mountPoint: String
    public let directory: String
    /// Pure v2 turns on every controller the parent has, as runc does (their statistics need
    /// them); the v2 half of a hybrid layout only the ones no v1 hierarchy has.
    let enablesAll: Bool

    public init(mountPoint: String, directory: String, enablesAll: Bool = true) {
        self.mountPoint = mountPoint
        self.directory = directory
        self.enablesAll = enablesAll
    }

    var files: CgroupFiles { CgroupFiles(directory) }

    /// cgroup.controllers of the container's directory.
    var controllers: Set<String> {
        Set((files.read("cgroup.controllers") ?? "").split(separator: " ").map(String.init))
    }

    public func whyMissing(_ controller: Controller) -> String {
        if controller.v2Name == nil { return "cgroup v2 has no such controller" }
        return "\(controller.v2Name!) is not in \(files.path("cgroup.controllers")) (not on this host, or not enabled in its parent's cgroup.subtree_control)"
    }

    public func has(_ controller: Controller) -> Bool {
        switch controller {
        case .devices, .freezer: return true
        case .netCls, .netPrio: return false
        case .cpuacct: return false
        default: return controller.v2Name.map(controllers.contains) ?? false
        }
    }

    /// Turns on, in every cgroup from the mount point down to the container's parent, the
    /// controllers `resources` need (an error if one cannot be), and, for pure v2, every
    /// other one the parent has where it can.
    public func prepare(for resources: Resources) throws(CgroupError) {
        var needed: [(name: String, field: String)] = []
        for controller in Controller.writeOrder {
            if let name = controller.v2Name, let field = controller.firstSetField(in: resources), !needed.contains(where: { $0.name == name }) {
                needed.append((name, field))
            }
        }
        try enable(needed, all: enablesAll)
    }

    func enable(_ needed: [(name: String, field: String)], all: Bool) throws(CgroupError) {
        guard all || !needed.isEmpty else { return }
        let relative = directory.hasPrefix(mountPoint + "/") ? String(directory.dropFirst(mountPoint.count + 1)) : ""
        var parent = mountPoint
        let levels: [Substring] = Array(relative.split(separator: "/").dropLast()) + [""]
        for component in levels {
            let level = CgroupFiles(parent)
            let available = Set((level.read("cgroup.controllers") ?? "").split(separator: " ").map(String.init))
            let enabled = Set((level.read("cgroup.subtree_control") ?? "").split(separator: " ").map(String.init))
            for want in needed where !available.contains(want.name) {
                throw CgroupError(field: want.field, "needs the \(want.name) cgroup controller, which \(level.path("cgroup.controllers")) does not list")
            }
            let wanted = all ? available : Set(needed.map({ $0.name }))
            let missing = wanted.subtracting(enabled).sorted()
            if !missing.isEmpty {
                do {
                    try level.writeRaw("cgroup.subtree_control", missing.map { "+" + $0 }.joined(separator: " "))
                } catch {
                    // All at once failed (one may not be enableable here): the needed ones, one by one.
                    for want in needed where !enabled.contains(want.name) {
                        do {
                            try level.writeRaw("cgroup.subtree_control", "+" + want.name)
                        } catch {
                            throw level.failure(error, writing: "+" + want.name, to: "cgroup.subtree_control", for: want.field)
                        }
                    }
                }
            }
            if component.isEmpty { break }
            parent += "/" + component
        }
    }

    public func apply(_ controller: Controller, _ r: Resources, updating: Bool) throws(CgroupError) {
        switch controller {
        case .memory: if let memory = r.memory { try V2Memory.apply(memory, in: files, updating: updating) }
        case .cpu: if let cpu = r.cpu { try V2CPU.apply(cpu, in: files) }
        case .cpuset: if let cpu = r.cpu { try V2Cpuset.apply(cpu, in: files) }
        case .pids: if let pids = r.pids { try PidsLimit.apply(pids, in: files) }
        case .blkio: if let blockIO = r.blockIO { try V2IO.apply(blockIO, in: files) }
        case .hugetlb: try HugepageLimits.apply(r.hugepageLimits, in: files, suffix: "max")
        case .rdma: try RdmaLimits.apply(r.rdma, in: files)
        case .devices: try applyDevices(r.devices)
        case .netCls, .netPrio, .cpuacct, .freezer: break
        }
    }

    /// Each file as given; a missing one is blamed on its controller when that is absent.
    public func applyUnified(_ unified: [String: String]) throws(CgroupError) {
        for (file, value) in unified.sorted(by: { $0.key < $1.key }) {
            let field = "linux.resources.unified[\"\(file)\"]"
            do {
                try files.writeRaw(file, value)
            } catch {
                let controller = String(file.prefix(while: { $0 != "." }))
                if error.errno == ENOENT || error.errno == EPERM, controller != "cgroup", !controllers.contains(controller) {
                    throw CgroupError(field: field, "needs the \(controller) cgroup controller: \(controller) is not in \(files.path("cgroup.controllers"))")
                }
                throw files.failure(error, writing: value, to: file, for: field)
            }
        }
    }

    public func applyDevices(_ rules: [DeviceRule]) throws(CgroupError) {
        guard !rules.isEmpty else { return }
        try DeviceFilter(rules).attach(to: directory)
    }

    public func setFrozen(_ frozen: Bool) throws(CgroupError) {
        try V2Freezer.setFrozen(frozen, in: files)
    }

    public func isFrozen() -> Bool { V2Freezer.isFrozen(files) }

    public func collect(_ controller: Controller, into stats: inout CgroupStats) {
        switch controller {
        // cpu.stat is there without the cpu controller too (usage, not throttling).
        case .cpu: V2Stats.cpu(files, into: &stats)
        case .cpuset where has(.cpuset): V2Stats.cpuset(files, into: &stats)
        case .memory where has(.memory): V2Stats.memory(files, into: &stats)
        case .pids where has(.pids): V2Stats.pids(files, into: &stats)
        case .blkio where has(.blkio): V2Stats.io(files, into: &stats)
        case .hugetlb where has(.hugetlb): V2Stats.hugetlb(files, into: &stats)
        default: break
        }
    }

    /// inotify on memory.events: the kernel modifies it on every OOM event.
    public func watchOOM() throws(CgroupError) -> OOMWatch {
        guard has(.memory) else { throw CgroupError("OOM events need the memory cgroup controller: \(whyMissing(.memory))") }
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw CgroupError("inotify_init1: \(String(cString: strerror(errno)))") }
        let watch = OOMWatch(descriptor: fd, kind: .memoryEvents(directory: directory))
        guard inotify_add_watch(fd, files.path("memory.events"), UInt32(IN_MODIFY)) >= 0 else {
            throw CgroupError("inotify_add_watch \(files.path("memory.events")): \(String(cString: strerror(errno)))")
        }
        return watch
    }
}
