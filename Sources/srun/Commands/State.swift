import Linux
import OCI
import Runtime

extension Commands {
    /// `srun state ID`: the state JSON, status computed now.
    static func state(_ call: Invocation) throws -> Int32 {
        let record = try call.store.load(call.containerID)
        let status = Lifecycle.status(of: record, store: call.store)
        Output.stdout(JSONWriter.indented(record.stateJSON(status), indent: "  ") + "\n")
        return 0
    }
}
