#if canImport(Glibc)
import Glibc
#endif
import CShim
import Linux

/// tmpcopyup: the tree a tmpfs now covers is copied into it (files, directories, symlinks,
/// with modes and owners), so the container sees the image's content, writable.
enum CopyUp {
    /// `source` is the covered directory, opened before the mount; `destination` the tmpfs.
    static func copy(from source: borrowing FileDescriptor, to destination: borrowing FileDescriptor, path: String) throws {
        let readable = try check("open", path: path) { openat(source.raw, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        try copyTree(readable, destination.raw, path: path)
    }

    /// Takes ownership of `from` (closed by closedir).
    private static func copyTree(_ from: Int32, _ to: Int32, path: String) throws {
        guard let dir = fdopendir(from) else {
            close(from)
            throw SystemError.last("fdopendir", path: path)
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            try copyEntry(name, from: dirfd(dir), to: to, path: path + "/" + name)
        }
    }

    private static func copyEntry(_ name: String, from: Int32, to: Int32, path: String) throws {
        var st = stat()
        try check("stat", path: path) { fstatat(from, name, &st, AT_SYMLINK_NOFOLLOW) }
        let mode = st.st_mode & 0o7777
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            if mkdirat(to, name, mode) != 0, errno != EEXIST { throw SystemError.last("mkdir", path: path) }
            let child = try check("open", path: path) { openat(from, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            let target = try check("open", path: path) { openat(to, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            defer { close(target) }
            try copyTree(child, target, path: path)
        case S_IFLNK:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
            let n = readlinkat(from, name, &buffer, buffer.count - 1)
            guard n >= 0 else { throw SystemError.last("readlink", path: path) }
            buffer[n] = 0
            try check("symlink", path: path) { symlinkat(buffer, to, name) }
        case S_IFREG:
            let input = try FileDescriptor(raw: check("open", path: path) { openat(from, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) })
            let output = try FileDescriptor(raw: check("open", path: path) { openat(to, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode) })
            try output.write(input.readAll(path: path), path: path)
        default:
            // Devices, fifos, sockets: made as they are.
            try check("mknod", path: path) { mknodat(to, name, st.st_mode, st.st_rdev) }
        }
        try check("chown", path: path) { fchownat(to, name, st.st_uid, st.st_gid, AT_SYMLINK_NOFOLLOW) }
        if st.st_mode & S_IFMT != S_IFLNK {
            try check("chmod", path: path) { fchmodat(to, name, mode, 0) }
        }
    }
}
