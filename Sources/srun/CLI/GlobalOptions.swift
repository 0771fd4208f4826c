import Runtime

/// The flags before the subcommand, as runc has them.
struct GlobalOptions: Sendable {
    var root = "/run/srun"
    var logger = Logger()
    var systemdCgroup = false
    /// runc's `--rootless true|false|auto`; auto decides from the caller's euid.
    var rootless = "auto"
    var criu: String?

    static let flags: [Flag] = [
        .bool("debug", help: "enable debug logging"),
        .value("log", placeholder: "path", help: "append log lines to this file (default: stderr)"),
        .value("log-format", placeholder: "text|json", help: "log format (default: text)"),
        .value("root", placeholder: "path", help: "directory for container state (default: /run/srun)"),
        .value("criu", placeholder: "path", help: "path to criu, for checkpoint and restore"),
        .bool("systemd-cgroup", help: "manage cgroups through systemd (slice:prefix:name paths)"),
        Flag(names: ["rootless"], kind: .optionalChoice(["true", "false", "auto"]), help: "rootless mode: true, false or auto (default: auto)"),
        .bool("version", "v", help: "print the version"),
    ]

    /// Reads global flags up to the subcommand; returns the subcommand and its arguments.
    static func parse(_ arguments: ArraySlice<String>) throws(UsageError) -> (GlobalOptions, version: Bool, help: Bool, rest: [String]) {
        let (parsed, rest, help) = try FlagParser(flags: flags, flagsEndAfterPositional: 1).parse(arguments)
        var options = GlobalOptions()
        if let root = parsed.string("root") { options.root = root }
        options.logger.path = parsed.string("log")
        if let format = try parsed.choice("log-format", ["text", "json"]) {
            options.logger.format = LogFormat(rawValue: format)!
        }
        options.logger.debugEnabled = parsed.bool("debug")
        options.systemdCgroup = parsed.bool("systemd-cgroup")
        if let rootless = try parsed.choice("rootless", ["true", "false", "auto"]) { options.rootless = rootless }
        options.criu = parsed.string("criu")
        return (options, parsed.bool("version"), help, rest)
    }
}
