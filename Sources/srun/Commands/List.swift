import Linux
import OCI
import Runtime

extension Commands {
    /// `srun list [--format table|json] [--quiet]`, laid out as runc's.
    static func list(_ call: Invocation) throws -> Int32 {
        let format = try call.flags.choice("format", ["table", "json"]) ?? "table"
        let records = call.store.ids().compactMap { id -> (ContainerRecord, ContainerStatus)? in
            guard let containerID = try? ContainerID(id), let record = try? call.store.load(containerID) else { return nil }
            return (record, Lifecycle.status(of: record, store: call.store))
        }
        if call.flags.bool("quiet") {
            Output.stdout(records.map { $0.0.id + "\n" }.joined())
        } else if format == "json" {
            Output.stdout(JSONWriter.compact(.array(records.map { $0.0.stateJSON($0.1) })) + "\n")
        } else {
            let rows = [["ID", "PID", "STATUS", "BUNDLE", "CREATED", "OWNER"]] + records.map { record, status in
                [record.id, String(status == .stopped ? 0 : record.pid), status.rawValue, record.bundle, record.created, record.owner]
            }
            Output.stdout(table(rows))
        }
        return 0
    }

    /// Columns as Go's tabwriter lays them out for runc: at least 12 wide, 3 spaces apart.
    private static func table(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in max(12, rows.map { $0[column].count + 3 }.max() ?? 0) }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined() + "\n"
        }.joined()
    }
}
