#if canImport(Glibc)
import Glibc
#endif

/// An open file descriptor, closed when the value is dropped.
public struct FileDescriptor: ~Copyable {
    public let raw: Int32

    public init(raw: Int32) { self.raw = raw }

    /// Opens with O_CLOEXEC always: no descriptor of srun's may leak into a container.
    public init(open path: String, _ flags: Int32, mode: mode_t = 0) throws(SystemError) {
        // withCString: passing the String itself copies a short one into a new array.
        let fd = path.withCString { Glibc.open($0, flags | O_CLOEXEC, mode) }
        guard fd >= 0 else { throw SystemError.last("open", path: path) }
        raw = fd
    }

    deinit { Glibc.close(raw) }

    public func write(_ bytes: [UInt8], path: String) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBufferPointer { Glibc.write(raw, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if Glibc.errno == EINTR { continue }
                throw SystemError.last("write", path: path)
            }
            offset += n
        }
    }

    public func readAll(path: String) throws(SystemError) -> [UInt8] {
        var result: [UInt8] = []
        // Not zero-filled: files srun reads are mostly a few KiB, and procfs ones report no size.
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = Glibc.read(raw, chunk.baseAddress, chunk.count)
            if n < 0 {
                if Glibc.errno == EINTR { continue }
                throw SystemError.last("read", path: path)
            }
            if n == 0 { return result }
            result.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
        }
    }
}

public enum Files {
    public static func read(_ path: String) throws(SystemError) -> [UInt8] {
        let fd = try FileDescriptor(open: path, O_RDONLY)
        return try fd.readAll(path: path)
    }

    /// Creates `path` and writes it; fails with EEXIST rather than replace a file.
    public static func create(_ path: String, _ text: String, mode: mode_t = 0o644) throws(SystemError) {
        let fd = try FileDescriptor(open: path, O_WRONLY | O_CREAT | O_EXCL, mode: mode)
        try fd.write(Array(text.utf8), path: path)
    }

    /// Appends in one write(2), so that concurrent writers' lines do not interleave.
    public static func append(_ path: String, _ text: String, mode: mode_t = 0o644) throws(SystemError) {
        let fd = try FileDescriptor(open: path, O_WRONLY | O_CREAT | O_APPEND, mode: mode)
        try fd.write(Array(text.utf8), path: path)
    }
}

public enum Output {
    /// Writes to a standard stream, ignoring failures: there is nowhere left to report them.
    public static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0, Glibc.errno == EINTR { continue }
            if n <= 0 { return }
            bytes = bytes.dropFirst(n)
        }
    }

    public static func stdout(_ text: String) { write(text, to: 1) }
    public static func stderr(_ text: String) { write(text, to: 2) }
}
