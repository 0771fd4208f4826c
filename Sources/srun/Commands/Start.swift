import Runtime

extension Commands {
    /// `srun start ID`: runs the process of a created container.
    static func start(_ call: Invocation) throws -> Int32 {
        try Lifecycle.start(call.containerID, store: call.store, log: call.log)
        return 0
    }
}
