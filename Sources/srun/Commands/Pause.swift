import Runtime

extension Commands {
    /// `srun pause ID`: freezes every process of the container.
    static func pause(_ call: Invocation) throws -> Int32 {
        try Lifecycle.pause(call.containerID, store: call.store)
        return 0
    }

    /// `srun resume ID`: thaws a paused container.
    static func resume(_ call: Invocation) throws -> Int32 {
        try Lifecycle.resume(call.containerID, store: call.store)
        return 0
    }
}
