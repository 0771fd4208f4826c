#if canImport(Glibc)
import Glibc
#endif
import Linux

/// The container's cgroup: one directory per mounted hierarchy (v1, hybrid or v2).
public struct ContainerCgroup: Equatable, Sendable {
    /// The container's path inside each hierarchy, absolute: "/default/web".
    public let path: String
    /// The container's directory in every hierarchy.
    public let directories: [String]
    /// Those in a v1 cpuset hierarchy, which need CPUs and memory nodes before a process.
    let cpusetDirectories: Set<String>
    /// The one in the v2 hierarchy (pure v2, or hybrid's "unified"), if it is mounted.
    public let unifiedDirectory: String?

    public init(path: String, hierarchies: [Hierarchy]) {
        self.path = path
        self.directories = hierarchies.map { $0.mountPoint + path }
        self.cpusetDirectories = Set(hierarchies.filter { $0.controllers.contains("cpuset") }.map { $0.mountPoint + path })
        self.unifiedDirectory = hierarchies.first(where: \.isUnified).map { $0.mountPoint + path }
    }

    /// A cgroup read back from state: no directory will be created again.
    public init(path: String, directories: [String]) {
        self.path = path
        self.directories = directories
        self.cpusetDirectories = []
        self.unifiedDirectory = nil
    }

    /// Creates the directories; on failure removes what it made. Returns what it made,
    /// parents included, outermost first.
    @discardableResult
    public func create() throws(SystemError) -> [String] {
        var made: [String] = []
        for directory in directories {
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
                guard let current = try? readText(path), current.allSatisfy(\.isWhitespace) else { continue }
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

    /// Pids in the cgroup (read from the first hierarchy that answers).
    public func processes() -> [Int32] {
        for directory in directories {
            if let text = try? readText(directory + "/cgroup.procs") {
                return text.split(separator: "\n").compactMap { Int32($0) }
            }
        }
        return []
    }

    public func signalAll(_ signal: Int32) {
        for pid in processes() { kill(pid, signal) }
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
