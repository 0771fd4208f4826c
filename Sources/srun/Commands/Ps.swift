import Linux
import OCI
import Runtime

extension Commands {
    /// `srun ps [--format table|json] ID [-- ps options]`: the host's `ps` lines of the
    /// container's processes, or their pids as a JSON array.
    static func ps(_ call: Invocation) throws -> Int32 {
        let format = try call.flags.choice("format", ["table", "json"]) ?? "table"
        var options = Array(call.positional.dropFirst())
        if options.first == "--" { options.removeFirst() }
        if format == "json" {
            guard options.isEmpty else { throw UsageError("ps: --format json takes no ps options") }
            let pids = try Lifecycle.processIDs(call.containerID, store: call.store)
            Output.stdout(JSONWriter.compact(.array(pids.map { .number(String($0)) })) + "\n")
        } else {
            Output.stdout(try Lifecycle.psTable(call.containerID, options: options, store: call.store))
        }
        return 0
    }
}
