import Linux
import OCI
import Runtime

extension Commands {
    /// `srun events [--stats] [--interval D] ID`: JSON lines as runc prints them; with
    /// --stats one stats event, else stats every interval (5s) and OOM events until the
    /// container stops.
    static func events(_ call: Invocation) throws -> Int32 {
        let interval = try call.flags.string("interval").map { text throws(UsageError) in try Units.milliseconds(text, flag: "interval") } ?? 5000
        if call.flags.bool("stats") {
            Output.stdout(JSONWriter.compact(try Lifecycle.statsEvent(call.containerID, store: call.store)) + "\n")
            return 0
        }
        try Lifecycle.watchEvents(call.containerID, intervalMilliseconds: interval, store: call.store) { event in
            Output.stdout(JSONWriter.compact(event) + "\n")
        }
        return 0
    }
}
