import Linux
import OCI
import Runtime

extension Commands {
    /// `srun features`: the features.md document, indented as runc prints it.
    static func features(_ call: Invocation) throws -> Int32 {
        Output.stdout(JSONWriter.indented(SupportedFeatures.document.json, indent: "    ") + "\n")
        return 0
    }
}
