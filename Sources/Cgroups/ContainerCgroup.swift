#if canImport(Glibc)
import Glibc
#endif
import ASCIIText
import Linux

/// The container's cgroup: one directory per mounted hierarchy (v1, hybrid or v2), and the
/// driver that sets its resources, freezes it and reads its statistics.
public struct ContainerCgroup: Equatable, Sendable {
    /// The configured path: absolute ("/default/web"), or relative to the caller's own
    /// cgroup in each hierarchy ("web").
    public let path: String
    public let hierarchies: [CgroupDirectory]

    /// The container's directory in every hierarchy, in mount order.
    public var directories: [String] { hierarchies.map { $0.path } }

    /// The one in the v2 hierarchy (pure v2, or hybrid's "unified"), if it is mounted.
    public var unifiedDirectory: String? { hierarchies.first(where: { $0.isUnified })?.path }

    /// Directories in v1 cpuset hierarchies, which need CPUs and memory nodes before a process.
    var cpusetDirectories: [String] { hierarchies.filter { $0.controllers.contains("cpuset") }.map { $0.path } }

    /// The cgroup `path` names in each of `hierarchies`; a relative path starts at `own`.
    public init(path: String, hierarchies: [Hierarchy], own: OwnCgroup? = nil) {
        self.path = path
        self.hierarchies = hierarchies.map { hierarchy in
            var base = ""
            if !path.hasBytePrefix("/"), let own {
                let ownPath = own.path(in: hierarchy)
                base = ownPath == "/" ? "" : ownPath
            }
            let relative = path.hasBytePrefix("/") ? path : "/" + path
            return CgroupDirectory(path: hierarchy.mountPoint + base + relative, mountPoint: hierarchy.mountPoint, controllers: hierarchy.controllers)
        }
    }

    /// A cgroup read back from state.
    public init(path: String, directories: [CgroupDirectory]) {
        self.path = path
        self.hierarchies = directories
    }

    /// What sets resources, freezes and reads statistics, for this host's layout.
    public var driver: any CgroupDriver {
        var v1: [(controller: String, path: String)] = []
        for directory in hierarchies where !directory.isUnified {
            for controller in directory.controllers where !v1.contains(where: { $0.controller == controller }) {
                v1.append((controller, directory.path))
            }
        }
        guard let unified = hierarchies.first(where: { $0.isUnified }) else { return V1Cgroup(controllerDirectories: v1) }
        if v1.isEmpty { return V2Cgroup(mountPoint: unified.mountPoint, directory: unified.path) }
        return HybridCgroup(v1: V1Cgroup(controllerDirectories: v1),
                            v2: V2Cgroup(mountPoint: unified.mountPoint, directory: unified.path, enablesAll: false))
    }

    /// Whether the cgroup is frozen (paused), read straight from the freezer's file: `state`
    /// and `list` ask it of every container, and need no driver for it.
    public func isFrozen() -> Bool {
        if let freezer = hierarchies.first(where: { $0.controllers.contains("freezer") }) {
            return V1Freezer.isFrozen(CgroupFiles(freezer.path))
        }
        if let unified = hierarchies.first(where: { $0.isUnified }) { return V2Freezer.isFrozen(CgroupFiles(unified.path)) }
        return false
    }

    /// Creates the directories; on failure removes what it made. Returns what it made,
    /// parents included, outermost first.
    @discardableResult
    public func create(where included: (CgroupDirectory) -> Bool = { _ in true }) throws(SystemError) -> [String] {
        var made: [String] = []
        for directory in hierarchies.filter(included).map({ $0.path }) {
            do {
                let created = try makeDirectories(directory)
                made += created
                if cpusetDirectories.contains(directory) { try inheritCpuset(created) }
            } catch {
                for dir in made.reversed() { rmdir(dir) }
                throw error
            }
        }
        return made
    }

    /// A new v1 cpuset cgroup starts with no CPUs and no memory nodes, and refuses
    /// processes until it has some: give each new level its parent's.
    private func inheritCpuset(_ created: [String]) throws(SystemError) {
        for directory in created {
            for file in ["cpuset.cpus", "cpuset.mems"] {
                let path = directory + "/" + file
                guard let current = try? readText(path), current.allSatisfy({ $0.isWhitespace }) else { continue }
                let parent = String(directory[..<directory.lastIndex(of: "/")!])
                try writeExisting(path, try readText(parent + "/" + file))
            }
        }
    }

    /// Moves the calling, single-threaded process in. A v1 hierarchy takes "0" in `tasks`:
    /// moving only the caller's thread skips the global lock whose first use in a while waits
    /// for an RCU grace period (6-15 ms here), which cgroup.procs always takes. The v2 one,
    /// unless the process was cloned into it, takes cgroup.procs.
    public func joinSelf(unifiedDone: Bool) throws(SystemError) {
        for directory in directories {
            if directory == unifiedDirectory {
                if !unifiedDone { try writeExisting(directory + "/cgroup.procs", "0") }
            } else {
                try writeExisting(directory + "/tasks", "0")
            }
        }
    }

    /// Moves another process in, for an init that cannot do it itself (user namespace).
    public func join(_ pid: Int32, unifiedDone: Bool) throws(SystemError) {
        for directory in directories where !(unifiedDone && directory == unifiedDirectory) {
            try writeExisting(directory + "/cgroup.procs", String(pid))
        }
    }

    /// Pids in the cgroup and the cgroups below it, read in the first hierarchy that answers
    /// (every process of the container is in every hierarchy).
    public func processes() -> [Int32] {
        for directory in directories {
            if let pids = Self.processes(under: directory) { return pids }
        }
        return []
    }

    private static func processes(under directory: String) -> [Int32]? {
        guard let text = try? readText(directory + "/cgroup.procs") else { return nil }
        var pids = text.split(separator: "\n").compactMap { Int32($0) }
        for child in subdirectories(of: directory) {
            pids += processes(under: directory + "/" + child) ?? []
        }
        return pids
    }

    /// The child cgroups: the directory entries that are directories (d_type, no stat each).
    private static func subdirectories(of directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            guard entry.pointee.d_type == UInt8(DT_DIR) else { continue }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func signalAll(_ signal: Int32) {
        for pid in processes() { kill(pid, signal) }
    }

    /// Signals every process with the cgroup frozen, so none can fork a new one past the
    /// signal, then thaws it (a frozen process dies or handles the signal once thawed).
    /// Without a freezer, signals them as they are.
    public func signalAllFrozen(_ signal: Int32) {
        let driver = self.driver
        let wasFrozen = isFrozen()
        let frozen = wasFrozen || (try? driver.setFrozen(true)) != nil
        signalAll(signal)
        if frozen, !wasFrozen || signal == SIGKILL { try? driver.setFrozen(false) }
    }

    /// Removes every directory, waiting briefly for exiting processes to leave.
    public func destroy() throws(SystemError) {
        for directory in directories.reversed() {
            var attempts = 0
            while rmdir(directory) != 0 {
                if errno == ENOENT { break }
                guard errno == EBUSY, attempts < 200 else { throw SystemError.last("rmdir", path: directory) }
                attempts += 1
                usleep(5_000)
            }
        }
    }
}
