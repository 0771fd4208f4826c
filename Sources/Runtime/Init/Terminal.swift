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
        let slavePath = String(cString: name)
        _ = try InRoot("/").makeFile("/dev/console", mode: 0o600)
        try Mounts.mount(slavePath, "/dev/console", nil, MountFlag.bind)
        // Opened through /dev/console, so that the process's tty(1) names it.
        let slave = try check("open", path: "/dev/console") { open("/dev/console", O_RDWR | O_CLOEXEC) }
        defer { if slave > 2 { close(slave) } }
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

    /// The caller's socket, connected by create while it can still reach the host's path.
    static func connect(_ path: String) throws -> Int32 {
        try check("connect", path: path) { srun_connect_unix(path) }
    }
}
