#if canImport(Glibc)
import Glibc
#endif
import Linux
import OCI
import Runtime

extension Commands {
    /// `srun spec [--bundle B] [--rootless]`: writes runc's example config.json.
    static func spec(_ call: Invocation) throws -> Int32 {
        let bundle = call.flags.string("bundle") ?? "."
        let path = (bundle.isEmpty ? "." : bundle) + "/config.json"
        let spec = Spec.example(rootless: call.flags.bool("rootless"), uid: geteuid(), gid: getegid())
        do {
            try Files.create(path, spec.indentedJSON)
        } catch {
            guard error.errno == EEXIST else { throw error }
            throw UsageError("spec: \(path) exists; remove it first")
        }
        return 0
    }
}
