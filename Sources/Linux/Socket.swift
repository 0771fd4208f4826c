#if canImport(Glibc)
import Glibc
#endif

/// One end of a SOCK_SEQPACKET pair: each send is one message, never merged or split.
/// Closed explicitly: after a fork each side closes the end it does not use.
public struct MessageChannel: Sendable {
    public let fd: Int32

    /// `stream` gives a byte stream instead, for a peer that reads as from a pipe.
    public static func pair(stream: Bool = false) throws(SystemError) -> (MessageChannel, MessageChannel) {
        var fds: [Int32] = [-1, -1]
        let type = stream ? Int32(SOCK_STREAM.rawValue) : Int32(SOCK_SEQPACKET.rawValue)
        try check("socketpair") { socketpair(AF_UNIX, type | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) }
        return (MessageChannel(fd: fds[0]), MessageChannel(fd: fds[1]))
    }

    public func close() { _ = Glibc.close(fd) }

    /// MSG_NOSIGNAL: a peer that went away is an error here, never a SIGPIPE.
    public func send(_ message: String) throws(SystemError) {
        var bytes = Array(message.utf8)[...]
        repeat {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                throw SystemError.last("send")
            }
            bytes = bytes.dropFirst(sent)
        } while !bytes.isEmpty
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
