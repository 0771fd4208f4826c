#if canImport(Glibc)
import Glibc
#endif
import CShim
import Linux
import OCI

/// A container's cgroup on cgroup v1: a directory in each hierarchy, each with the
/// controllers its hierarchy was mounted with ("cpu" and "cpuacct" share one when mounted
/// together).
public struct V1Cgroup: CgroupDriver {
    /// Each controller with the container's directory in that controller's hierarchy. A list:
    /// a dozen entries, and a Dictionary would page in stdlib code srun needs nowhere else.
    let controllerDirectories: [(controller: String, path: String)]

    public init(controllerDirectories: [(controller: String, path: String)]) {
        self.controllerDirectories = controllerDirectories
    }

    func directory(_ controller: Controller) -> String? {
        controllerDirectories.first { $0.controller == controller.rawValue }?.path
    }

    func files(_ controller: Controller) -> CgroupFiles? {
        directory(controller).map(CgroupFiles.init)
    }

    public func whyMissing(_ controller: Controller) -> String {
        "no cgroup v1 hierarchy has it mounted"
    }

    public func prepare(for resources: Resources) throws(CgroupError) {}

    public func has(_ controller: Controller) -> Bool {
        directory(controller) != nil
    }

    public func apply(_ controller: Controller, _ r: Resources, updating: Bool) throws(CgroupError) {
        guard let files = files(controller) else { return }
        switch controller {
        case .memory: if let memory = r.memory { try V1Memory.apply(memory, in: files, updating: updating) }
        case .cpu: if let cpu = r.cpu { try V1CPU.apply(cpu, in: files) }
        case .cpuset: if let cpu = r.cpu { try V1Cpuset.apply(cpu, in: files) }
        case .pids: if let pids = r.pids { try PidsLimit.apply(pids, in: files) }
        case .blkio: if let blockIO = r.blockIO { try V1BlockIO.apply(blockIO, in: files) }
        case .hugetlb: try HugepageLimits.apply(r.hugepageLimits, in: files, suffix: "limit_in_bytes")
        case .netCls: if let network = r.network { try V1Network.applyClassID(network, in: files) }
        case .netPrio: if let network = r.network { try V1Network.applyPriorities(network, in: files) }
        case .rdma: try RdmaLimits.apply(r.rdma, in: files)
        case .devices: try V1Devices.apply(r.devices, in: files)
        case .cpuacct, .freezer: break
        }
    }

    public func applyUnified(_ files: [String: String]) throws(CgroupError) {
        throw CgroupError(field: "linux.resources.unified", "cgroup v2 files need a cgroup v2 hierarchy, and this host has only cgroup v1")
    }

    public func applyDevices(_ rules: [DeviceRule]) throws(CgroupError) {
        guard !rules.isEmpty else { return }
        guard let files = files(.devices) else {
            throw CgroupError(field: "linux.resources.devices", "needs the devices cgroup controller: \(whyMissing(.devices))")
        }
        try V1Devices.apply(rules, in: files)
    }

    public func setFrozen(_ frozen: Bool) throws(CgroupError) {
        guard let files = files(.freezer) else {
            throw CgroupError("pausing needs the freezer cgroup controller: \(whyMissing(.freezer))")
        }
        try V1Freezer.setFrozen(frozen, in: files)
    }

    public func isFrozen() -> Bool {
        files(.freezer).map(V1Freezer.isFrozen) ?? false
    }

    public func collect(_ controller: Controller, into stats: inout CgroupStats) {
        guard let files = files(controller) else { return }
        switch controller {
        case .cpu: V1Stats.cpu(files, into: &stats)
        case .cpuacct: V1Stats.cpuacct(files, into: &stats)
        case .cpuset: V1Stats.cpuset(files, into: &stats)
        case .memory: V1Stats.memory(files, into: &stats)
        case .pids: V1Stats.pids(files, into: &stats)
        case .blkio: V1Stats.blkio(files, into: &stats)
        case .hugetlb: V1Stats.hugetlb(files, into: &stats)
        default: break
        }
    }

    /// An eventfd that the kernel signals on OOM, registered through cgroup.event_control as
    /// "<eventfd> <fd of memory.oom_control>".
    public func watchOOM() throws(CgroupError) -> OOMWatch {
        guard let files = files(.memory) else {
            throw CgroupError("OOM events need the memory cgroup controller: \(whyMissing(.memory))")
        }
        let control = files.path("memory.oom_control")
        let event = srun_eventfd_nonblocking()
        guard event >= 0 else { throw CgroupError("eventfd: \(String(cString: strerror(errno)))") }
        let watch = OOMWatch(descriptor: event, kind: .eventfd(controlFile: control))
        do {
            let oomControl = try FileDescriptor(open: control, O_RDONLY)
            try files.writeRaw("cgroup.event_control", "\(event) \(oomControl.raw)")
        } catch {
            throw CgroupError("registering for OOM events in \(files.directory): \(error)")
        }
        return watch
    }
}
