import Runtime

extension Commands {
    /// `srun create`: prints nothing on success; the container waits in `created`.
    static func create(_ call: Invocation) throws -> Int32 {
        try BinarySeal.ensure()
        _ = try Lifecycle.create(createRequest(call), store: call.store, log: call.log)
        return 0
    }

    /// `srun run`: create and start; in the foreground, the container's exit status.
    static func run(_ call: Invocation) throws -> Int32 {
        try BinarySeal.ensure()
        return try Lifecycle.run(createRequest(call), detach: call.flags.bool("detach"), keep: call.flags.bool("keep"),
                          subreaper: !call.flags.bool("no-subreaper"), store: call.store, log: call.log)
    }

    private static func createRequest(_ call: Invocation) throws -> CreateRequest {
        var request = CreateRequest(id: call.containerID, bundle: call.flags.string("bundle") ?? "")
        request.pidFile = call.flags.string("pid-file")
        request.consoleSocket = call.flags.string("console-socket")
        request.noPivot = call.flags.bool("no-pivot")
        request.noNewKeyring = call.flags.bool("no-new-keyring")
        request.preserveFDs = Int32(try call.flags.nonNegativeInt("preserve-fds") ?? 0)
        request.systemdCgroup = call.global.systemdCgroup
        return request
    }
}
