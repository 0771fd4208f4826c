#if canImport(Glibc)
import Glibc
#endif
import ASCIIText
import Linux
import OCI

/// A container that srun has no state for.
public struct ContainerNotFound: Error, CustomStringConvertible {
    public let id: String
    public var description: String { "container \"\(id)\" does not exist" }
}

/// An operation not allowed in the container's current status.
public struct WrongStatus: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// `<root>/<id>/`: state.json and, until the container starts, exec.fifo. One directory per container;
/// an exclusive flock on it serialises commands on that container.
public struct StateStore: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    public func directory(_ id: ContainerID) -> String { root + "/" + id.description }
    public func statePath(_ id: ContainerID) -> String { directory(id) + "/state.json" }
    public func fifoPath(_ id: ContainerID) -> String { directory(id) + "/exec.fifo" }

    /// Makes the container's directory; the id is taken if it already exists.
    public func createDirectory(_ id: ContainerID) throws -> ContainerLock {
        try makeDirectories(root, mode: 0o711)
        let path = directory(id)
        guard id.description.utf8.count <= 255 else {
            throw UsageError("container id is \(id.description.utf8.count) bytes long; ids that name a state directory must fit in 255")
        }
        if mkdir(path, 0o711) != 0 {
            if errno == EEXIST { throw UsageError("container \"\(id)\" already exists") }
            throw SystemError.last("mkdir", path: path)
        }
        do {
            return try ContainerLock(path)
        } catch {
            rmdir(path)
            throw error
        }
    }

    public func lock(_ id: ContainerID) throws -> ContainerLock {
        guard isDirectory(directory(id)) else { throw ContainerNotFound(id: id.description) }
        return try ContainerLock(directory(id))
    }

    public func load(_ id: ContainerID) throws -> ContainerRecord {
        let bytes: [UInt8]
        do {
            bytes = try Files.read(statePath(id))
        } catch {
            if error.errno == ENOENT || error.errno == ENOTDIR { throw ContainerNotFound(id: id.description) }
            throw error
        }
        do {
            return try ContainerRecord.decode(bytes)
        } catch {
            throw error.in(statePath(id))
        }
    }

    /// Written to a temporary file and renamed, so a reader sees the old or the new state.
    public func save(_ record: ContainerRecord) throws {
        let id = try ContainerID(record.id)
        try writeAtomically(statePath(id), record.compactJSON)
    }

    public func remove(_ id: ContainerID) {
        removeTree(directory(id))
    }

    /// Ids of the containers under the root, sorted.
    public func ids() -> [String] {
        ((try? listDirectory(root)) ?? []).filter { isDirectory(root + "/" + $0) }.sorted()
    }
}

/// Writes `text` to `path` through a temporary file and rename(2).
public func writeAtomically(_ path: String, _ text: String, mode: mode_t = 0o644) throws(SystemError) {
    let temporary = path + ".tmp-" + decimalString(getpid())
    unlink(temporary)
    try Files.create(temporary, text, mode: mode)
    guard rename(temporary, path) == 0 else {
        let error = SystemError.last("rename", path: path)
        unlink(temporary)
        throw error
    }
}

/// An exclusive flock on a container's directory, held until the value is dropped.
public struct ContainerLock: ~Copyable {
    private let fd: FileDescriptor

    public init(_ directory: String) throws(SystemError) {
        let opened = try FileDescriptor(open: directory, O_RDONLY | O_DIRECTORY)
        let raw = opened.raw
        try check("flock", path: directory) { flock(raw, LOCK_EX) }
        fd = opened
    }
}
