import OCI
import CSeccomp

public enum Version {
    public static let srun = "0.1.0"

    /// The libseccomp linked into this binary, as runc reports it.
    public static var libseccomp: String {
        guard let v = seccomp_version() else { return "unknown" }
        return "\(v.pointee.major).\(v.pointee.minor).\(v.pointee.micro)"
    }

    /// What `--version` prints; docker's `info` reads these lines.
    public static var text: String {
        "srun version \(srun)\nspec: \(ociSpecVersion)\nlibseccomp: \(libseccomp)\n"
    }
}
