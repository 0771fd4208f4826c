#if canImport(Glibc)
import Glibc
#endif
import Linux
import OCI

extension Lifecycle {
    /// runtime.md "start": only from `created`. Releases the init through exec.fifo and
    /// reads what it reports: `0` then EOF when exec happened, an error otherwise.
    public static func start(_ id: ContainerID, store: StateStore, log: Logger) throws {
        let lock = try store.lock(id)
        let record = try store.load(id)
        let current = status(of: record, store: store)
        guard current == .created else {
            throw WrongStatus("cannot start container \"\(id)\": it is \(current.rawValue), not created")
        }
        guard let process = try initProcess(record) else {
            throw WrongStatus("cannot start container \"\(id)\": its init has exited")
        }
        let report = try releaseInit(fifo: store.fifoPath(id), process: process)
        unlink(store.fifoPath(id))
        try finishStart(record, report: report, log: log)
        _ = consume lock
    }

    /// start for the container `run` just created: the init waits on the setup channel.
    static func start(_ created: CreatedContainer, log: Logger) throws {
        let channel = created.channel!
        defer { channel.close() }
        try channel.send(InitProtocol.start)
        var report = ""
        while true {
            let message = try channel.receive()
            if message.isEmpty { break }
            report += message
        }
        try finishStart(created.record, report: report, log: log)
    }

    /// The init reports `0` and then closes its end by exec; anything else is its error.
    private static func finishStart(_ record: ContainerRecord, report: String, log: Logger) throws {
        guard report == "0" else {
            let reason = report.isEmpty ? "the container's init exited before it could start" : String(report.drop { $0 == "0" })
            throw InitError(description: reason)
        }
        guard let hooks = record.hooks?.poststart, !hooks.isEmpty else { return }
        let state = JSONWriter.compact(record.stateJSON(.running, forHooks: true))
        HookRunner.runReportingFailures(hooks, kind: "poststart", state: state, log: log)
    }

    /// Opens the fifo for reading and collects what the init writes until it closes its
    /// end (by exec or by exiting); gives up as soon as the init is gone.
    private static func releaseInit(fifo path: String, process: ProcessHandle) throws -> String {
        let fifo = try FileDescriptor(open: path, O_RDONLY | O_NONBLOCK)
        var report: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        // Without a pidfd to poll, look at the init every 10 ms.
        let watched = [fifo.raw] + (process.descriptor.map { [$0] } ?? [])
        let timeout: Int32 = process.descriptor == nil ? 10 : -1
        while true {
            let ready = try Processes.poll(watched, timeoutMilliseconds: timeout)
            let n = buffer.withUnsafeMutableBytes { read(fifo.raw, $0.baseAddress, $0.count) }
            if n > 0 {
                report += buffer[0..<n]
                continue
            }
            if n == 0, ready.contains(fifo.raw) { break }
            if n < 0, errno != EAGAIN, errno != EINTR { throw SystemError.last("read", path: path) }
            if !ready.contains(fifo.raw), process.hasEnded { break }
        }
        return String(decoding: report, as: UTF8.self)
    }
}
