#if canImport(Glibc)
import Glibc
#endif

/// One end of a SOCK_SEQPACKET pair: each send is one message, never merged or split.
/// Closed explicitly: after a fork each side closes the end it does not use.
public struct MessageChannel: Sendable {
    public let fd: Int32

    public static func pair() throws(SystemError) -> (MessageChannel, MessageChannel) {
        var fds: [Int32] = [-1, -1]
        try check("socketpair") { socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) }
        return (MessageChannel(fd: fds[0]), MessageChannel(fd: fds[1]))
    }

    public func close() { _ = Glibc.close(fd) }

    public func send(_ message: String) throws(SystemError) {
        let bytes = Array(message.utf8)
        let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw SystemError.last("send") }
    }

    /// The next message; "" when the other end closed.
    public func receive() throws(SystemError) -> String {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n >= 0 { return String(decoding: buffer[0..<n], as: UTF8.self) }
            if errno != EINTR { throw SystemError.last("recv") }
        }
    }
}
