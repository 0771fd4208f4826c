import Runtime

extension Commands {
    /// `srun delete [--force] ID`; deleting an unknown id with --force succeeds.
    static func delete(_ call: Invocation) throws -> Int32 {
        try Lifecycle.delete(call.containerID, force: call.flags.bool("force"), store: call.store, log: call.log)
        return 0
    }
}
