#if canImport(Glibc)
import Glibc
#endif
import Linux

/// A temporary directory laid out like a cgroup mount: directories with the files the kernel
/// would show in them, so the drivers can run against it without root or a kernel.
final class FakeCgroupTree {
    let root: String

    init() {
        var template = Array("/tmp/srun-fake-cgroup.XXXXXX".utf8CString)
        root = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    deinit { removeTree(root) }

    /// Makes `relative` (and its parents) with `files`; returns its absolute path.
    @discardableResult
    func directory(_ relative: String, _ files: [String: String] = [:]) -> String {
        let path = root + "/" + relative
        _ = try! makeDirectories(path)
        for (name, content) in files { write(path + "/" + name, content) }
        return path
    }

    func write(_ path: String, _ content: String) {
        unlink(path)
        try! Files.create(path, content)
    }

    /// What the file holds now, as `cat` shows it.
    func read(_ path: String) -> String {
        (try? readText(path)) ?? "<missing>"
    }

    /// Files that exist empty, as a cgroup's writable files look to a test.
    static func empty(_ names: String...) -> [String: String] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, "") })
    }
}
