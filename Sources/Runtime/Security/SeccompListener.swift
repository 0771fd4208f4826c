#if canImport(Glibc)
import Glibc
#endif
import CShim
import Linux
import OCI

/// linux.seccomp.listenerPath: the notify fd of the container's filter goes to a unix stream
/// socket with the container process state (config-linux.md), one state per connection.
enum SeccompListener {
    /// Connected by `create`, while the host's path is reachable; the init inherits it.
    static func connect(_ path: String) throws -> Int32 {
        do {
            return try check("connect", path: path) { srun_connect_unix(path) }
        } catch {
            throw ConfigError(JSONPath.root.key("linux").key("seccomp").key("listenerPath"), "cannot connect: \(error)")
        }
    }

    /// The container process state: `fds` names the one fd sent with it.
    static func message(pid: Int32, metadata: String?, state: JSON) -> String {
        var o = JSONObjectBuilder()
        o.set("ociVersion", ociSpecVersion)
        o.set("fds", ["seccompFd"])
        o.set("pid", pid)
        o.set("metadata", metadata ?? "")
        o.set("state", state)
        return JSONWriter.compact(o.json)
    }

    /// In the init, right after the filter is loaded.
    static func send(_ message: String, notifyFD: Int32, over socket: Int32) throws(SystemError) {
        defer { close(socket) }
        try check("sendmsg", path: "seccomp listenerPath") { srun_send_fd(socket, notifyFD, message) }
    }
}
