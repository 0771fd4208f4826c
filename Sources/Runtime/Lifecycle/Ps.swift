import Cgroups
import Linux

/// `ps` could not be run, or printed what srun cannot read.
public struct PsError: Error, CustomStringConvertible {
    public let description: String
}

extension Lifecycle {
    /// The pids of every process in the container's cgroup.
    public static func processIDs(_ id: ContainerID, store: StateStore) throws -> [Int32] {
        try store.load(id).cgroup.processes()
    }

    /// runc's `ps ID [ps options]`: the host's `ps` run with the options (`-ef` by default),
    /// its header, and its lines whose PID column is a process of the container.
    public static func psTable(_ id: ContainerID, options: [String], store: StateStore) throws -> String {
        let pids = Set(try processIDs(id, store: store))
        let (status, output) = try Processes.output(of: ["ps"] + (options.isEmpty ? ["-ef"] : options))
        guard status == .exited(0) else {
            throw PsError(description: "ps \((options.isEmpty ? ["-ef"] : options).joined(separator: " ")) failed (\(status)): \(output)")
        }
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first, let column = header.split(separator: " ").firstIndex(of: "PID") else {
            throw PsError(description: "ps printed no PID column; give it options that show one (-o pid,...)")
        }
        lines.removeFirst()
        var table = String(header) + "\n"
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: " ")
            guard column < fields.count, let pid = Int32(fields[column]) else {
                throw PsError(description: "cannot read a pid in column \(column + 1) of: \(line)")
            }
            if pids.contains(pid) { table += line + "\n" }
        }
        return table
    }
}
