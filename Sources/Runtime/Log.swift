import Linux
import OCI

public enum LogFormat: String, Sendable {
    case text, json
}

public enum LogLevel: String, Sendable {
    case debug, info, warning, error
}

/// Where srun reports: `--log FILE` in text or JSON lines (managers read errors from
/// there), and stderr for errors and warnings.
public struct Logger: Sendable {
    public var path: String?
    public var format: LogFormat
    public var debugEnabled: Bool

    public init(path: String? = nil, format: LogFormat = .text, debug: Bool = false) {
        self.path = path
        self.format = format
        self.debugEnabled = debug
    }

    public func error(_ message: String) { log(.error, message) }
    public func warning(_ message: String) { log(.warning, message) }
    public func debug(_ message: @autoclosure () -> String) {
        if debugEnabled { log(.debug, message()) }
    }

    public func log(_ level: LogLevel, _ message: String) {
        let plain = "srun: " + (level == .warning ? "warning: " : "") + message + "\n"
        guard let path else {
            // No log file: stderr gets the JSON line itself, as runc does.
            Output.stderr(format == .json || level == .debug ? line(level, message) : plain)
            return
        }
        if level == .error || level == .warning { Output.stderr(plain) }
        do {
            try Files.append(path, line(level, message))
        } catch {
            Output.stderr("srun: cannot write log: \(error)\n")
        }
    }

    /// One line as logrus writes it, so tools that parse runc's log parse srun's.
    public func line(_ level: LogLevel, _ message: String, time: String = Clock.rfc3339Now()) -> String {
        switch format {
        case .json:
            return JSONWriter.compact(.object([
                (key: "level", value: .string(level.rawValue)),
                (key: "msg", value: .string(message)),
                (key: "time", value: .string(time)),
            ])) + "\n"
        case .text:
            var quoted = ""
            JSONWriter.writeString(message, into: &quoted)
            return "time=\"\(time)\" level=\(level.rawValue) msg=\(quoted)\n"
        }
    }
}
