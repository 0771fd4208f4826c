#if canImport(Glibc)
import Glibc
#endif
import Linux
import OCI

/// The files of one cgroup directory: values written in one write(2) each, as the kernel
/// wants them, and read back as text, numbers or key-value tables.
struct CgroupFiles: Sendable {
    let directory: String

    init(_ directory: String) { self.directory = directory }

    func path(_ file: String) -> String { directory + "/" + file }

    func exists(_ file: String) -> Bool { fileExists(path(file)) }

    /// Writes an existing file (a cgroup file is never created); `field` is the config
    /// field the value came from, for the error.
    func write(_ file: String, _ value: String, for field: String) throws(CgroupError) {
        do {
            try writeRaw(file, value)
        } catch {
            throw failure(error, writing: value, to: file, for: field)
        }
    }

    /// For callers that decide on the errno themselves. Opened as `echo VALUE > FILE` opens
    /// it: the kernel takes each write as one command, and a fake tree of regular files (the
    /// unit tests') keeps the last value, as a cgroup file shows it.
    func writeRaw(_ file: String, _ value: String) throws(SystemError) {
        let fd = try FileDescriptor(open: path(file), O_WRONLY | O_TRUNC)
        try fd.write(Array(value.utf8), path: path(file))
    }

    func failure(_ error: SystemError, writing value: String, to file: String, for field: String) -> CgroupError {
        if error.errno == ENOENT {
            return CgroupError(field: field, "\(path(file)) does not exist: this kernel or controller has no such setting")
        }
        return CgroupError(field: field, "writing \(quote(value)) to \(path(file)): \(String(cString: strerror(error.errno)))")
    }

    /// The file's text without the whitespace around it (the kernel ends values with "\n").
    func read(_ file: String) -> String? {
        guard let bytes = try? Files.read(path(file)) else { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0a || byte == 0x09 || byte == 0x0d }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// A number; "max" (v2's unlimited) reads as UInt64.max.
    func number(_ file: String) -> UInt64? {
        guard let text = read(file) else { return nil }
        return text == "max" ? UInt64.max : UInt64(text)
    }

    /// A number that must be there, for a decision that depends on it.
    func requiredNumber(_ file: String, for field: String) throws(CgroupError) -> UInt64 {
        guard let value = number(file) else { throw CgroupError(field: field, "cannot read a number from \(path(file))") }
        return value
    }

    /// "key value" lines (memory.stat, cpu.stat, memory.events) in file order.
    func table(_ file: String) -> [(key: String, value: UInt64)] {
        guard let text = read(file) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = UInt64(parts[1]) else { return nil }
            return (String(parts[0]), value)
        }
    }

    func value(_ key: String, in file: String) -> UInt64? {
        table(file).first { $0.key == key }?.value
    }

    /// Lines of whitespace-separated fields.
    func rows(_ file: String) -> [[Substring]] {
        guard let text = read(file) else { return [] }
        return text.split(separator: "\n").map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }) }
    }

    func files() -> [String] { (try? listDirectory(directory)) ?? [] }
}
