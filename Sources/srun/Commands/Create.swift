import Runtime

extension Commands {
    /// `srun create`: the config is read and checked now, before anything exists on the
    /// host; building the container is the lifecycle work.
    static func create(_ call: Invocation) throws -> Int32 {
        try checkCreateOptions(call)
        let bundle = try Bundle.load(call.flags.string("bundle") ?? "")
        call.log.debug("create \(call.containerID): config of \(bundle.path) is valid")
        throw NotImplemented(command: "create")
    }

    /// `srun run`: as create, then start.
    static func run(_ call: Invocation) throws -> Int32 {
        try checkCreateOptions(call)
        let bundle = try Bundle.load(call.flags.string("bundle") ?? "")
        call.log.debug("run \(call.containerID): config of \(bundle.path) is valid")
        throw NotImplemented(command: "run")
    }

    private static func checkCreateOptions(_ call: Invocation) throws(UsageError) {
        _ = try call.flags.nonNegativeInt("preserve-fds")
    }
}
