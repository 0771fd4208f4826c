import Linux
import Runtime

extension Commands {
    /// `srun kill [--all] ID [SIGNAL]`: SIGNAL by name (with or without SIG) or number; TERM by default.
    static func kill(_ call: Invocation) throws -> Int32 {
        let name = call.positional.count > 1 ? call.positional[1] : "TERM"
        guard let signal = Signals.parse(name) else {
            throw UsageError("kill: unknown signal \"\(name)\"")
        }
        try Lifecycle.kill(call.containerID, signal: signal, all: call.flags.bool("all"), store: call.store)
        return 0
    }
}
