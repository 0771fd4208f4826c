#if canImport(Glibc)
import Glibc
#endif
import CShim
import Linux
import OCI

/// process.terminal: a pty from the container's own devpts. Its master goes to the caller
/// over --console-socket (SCM_RIGHTS, as conmon and the containerd shim expect), its slave
/// becomes /dev/console and the process's controlling terminal and stdio.
enum Terminal {
    /// The init, after pivot_root, with the connected console socket.
    static func setUp(socket: Int32, size: ConsoleSize?) throws {
        var master: Int32 = -1
        var name = [CChar](repeating: 0, count: 128)
        try check("open", path: "/dev/ptmx") { srun_open_pty(&master, &name, name.count) }
        defer { close(master) }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The slave by the master's fd, not by a path a process in the container could swap
        // (CVE-2025-52565); bound onto /dev/console by fd, a console that is a symlink refused.
        let peer = try check("ioctl(TIOCGPTPEER)", path: slavePath) { srun_open_pty_peer(master) }
        defer { close(peer) }
        let root = try InRoot("/")
        _ = try root.makeFile("/dev/console", mode: 0o600)
        let target = try root.open("/dev/console", SRUN_O_PATH, resolve: UInt64(SRUN_RESOLVE_NO_SYMLINKS))
        try Mounts.mount("/proc/self/fd/\(peer)", InRoot.procPath(target), nil, MountFlag.bind, shownAs: "/dev/console")
        // Opened through /dev/console, so that the process's tty(1) names it; it must be the peer.
        let slave = try check("open", path: "/dev/console") { open("/dev/console", O_RDWR | O_CLOEXEC | O_NOFOLLOW) }
        defer { if slave > 2 { close(slave) } }
        guard sameDevice(slave, peer) else {
            throw SystemError("open", path: "/dev/console (not the container's terminal)", errno: EXDEV)
        }
        if let size {
            try check("ioctl(TIOCSWINSZ)", path: slavePath) { srun_set_window_size(slave, UInt16(clamping: size.height), UInt16(clamping: size.width)) }
        }
        try check("sendmsg", path: "console socket") { srun_send_fd(socket, master, slavePath) }
        close(socket)
        try check("ioctl(TIOCSCTTY)", path: slavePath) { srun_set_controlling_terminal(slave) }
        for stdio: Int32 in 0...2 {
            try check("dup2", path: slavePath) { dup2(slave, stdio) }
        }
    }

    /// Two fds of one character device on one devpts.
    private static func sameDevice(_ a: Int32, _ b: Int32) -> Bool {
        var first = stat(), second = stat()
        guard fstat(a, &first) == 0, fstat(b, &second) == 0 else { return false }
        return (first.st_mode & S_IFMT) == S_IFCHR && first.st_rdev == second.st_rdev && first.st_dev == second.st_dev
            && srun_filesystem_type(a) == SRUN_DEVPTS_SUPER_MAGIC
    }

    /// The caller's socket, connected by create while it can still reach the host's path.
    static func connect(_ path: String) throws -> Int32 {
        try check("connect", path: path) { srun_connect_unix(path) }
    }
}
