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

    public init(path: String, hierarchies: [Hierarchy]) {
        self.path = path
        self.directories = hierarchies.map { $0.mountPoint + path }
        self.cpusetDirectories = Set(hierarchies.filter { $0.controllers.contains("cpuset") }.map { $0.mountPoint + path })
    }

    /// A cgroup read back from state: no directory will be created again.
    public init(path: String, directories: [String]) {
        self.path = path
        self.directories = directories
        self.cpusetDirectories = []
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

    /// Moves the calling process in. Done by the single-threaded init itself: writing "0"
    /// avoids a slow wait the kernel can impose on writing another process's pid.
    public func joinSelf() throws(SystemError) {
        for directory in directories {
            try writeExisting(directory + "/cgroup.procs", "0")
        }
    }

    /// Moves another process in, for an init that cannot do it itself (user namespace).
    public func join(_ pid: Int32) throws(SystemError) {
        for directory in directories {
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
