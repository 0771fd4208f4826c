#if canImport(Glibc)
import Glibc
#endif

/// Runs a call that returns -1 with errno on failure, retrying on EINTR.
@discardableResult
public func check(_ call: String, path: String? = nil, _ body: () -> Int32) throws(SystemError) -> Int32 {
    while true {
        let result = body()
        if result >= 0 { return result }
        if errno == EINTR { continue }
        throw SystemError.last(call, path: path)
    }
}

/// Writes `text` to an existing file (procfs, sysfs, cgroupfs), in one write.
public func writeExisting(_ path: String, _ text: String) throws(SystemError) {
    let fd = try FileDescriptor(open: path, O_WRONLY)
    try fd.write(Array(text.utf8), path: path)
}

public func readText(_ path: String) throws(SystemError) -> String {
    String(decoding: try Files.read(path), as: UTF8.self)
}

/// mkdir -p; returns the directories it created, outermost first, so a failure can undo them.
/// The leaf is tried first: in the common case it is one system call, not one per component.
@discardableResult
public func makeDirectories(_ path: String, mode: mode_t = 0o755) throws(SystemError) -> [String] {
    if mkdir(path, mode) == 0 { return [path] }
    switch errno {
    case EEXIST:
        return []
    case ENOENT:
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
            throw SystemError.last("mkdir", path: path)
        }
        let created = try makeDirectories(String(path[..<slash]), mode: mode)
        guard mkdir(path, mode) == 0 || errno == EEXIST else { throw SystemError.last("mkdir", path: path) }
        return created + [path]
    default:
        throw SystemError.last("mkdir", path: path)
    }
}

/// rm -rf of a directory srun made itself (a state dir): no symlinks followed.
public func removeTree(_ path: String) {
    guard let dir = opendir(path) else { unlink(path); return }
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
        }
        if name == "." || name == ".." { continue }
        let child = path + "/" + name
        if entry.pointee.d_type == UInt8(DT_DIR) { removeTree(child) } else { unlink(child) }
    }
    closedir(dir)
    rmdir(path)
}

/// Names in a directory, without `.` and `..`.
public func listDirectory(_ path: String) throws(SystemError) -> [String] {
    guard let dir = opendir(path) else { throw SystemError.last("opendir", path: path) }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names
}

public func fileExists(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0
}

public func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
}
