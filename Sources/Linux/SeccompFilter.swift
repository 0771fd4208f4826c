#if canImport(Glibc)
import Glibc
#endif
import CSeccomp
import CShim

/// A seccomp filter built with libseccomp, then exported as a BPF program: `create` builds
/// it before the clone, so the container's init only has one system call to make (load).
public final class SeccompFilter {
    private let context: scmp_filter_ctx

    /// One argument comparison of a rule.
    public struct Condition: Sendable {
        public var index: UInt32
        /// SCMP_CMP_NE ... SCMP_CMP_MASKED_EQ (1-7).
        public var op: UInt32
        public var datumA: UInt64
        public var datumB: UInt64

        public init(index: UInt32, op: UInt32, datumA: UInt64, datumB: UInt64) {
            self.index = index
            self.op = op
            self.datumA = datumA
            self.datumB = datumB
        }
    }

    public init(defaultAction: UInt32) throws(SystemError) {
        guard let context = seccomp_init(defaultAction) else {
            throw SystemError("seccomp_init", path: "default action \(defaultAction)", errno: EINVAL)
        }
        self.context = context
    }

    deinit { seccomp_release(context) }

    /// libseccomp's token for an architecture name ("x86_64"), nil when it does not know it.
    public static func architecture(named name: String) -> UInt32? {
        let token = seccomp_arch_resolve_name(name)
        return token == 0 ? nil : token
    }

    /// The native number of a syscall, nil when libseccomp does not know the name.
    public static func syscall(named name: String) -> Int32? {
        let number = seccomp_syscall_resolve_name(name)
        return number == __NR_SCMP_ERROR ? nil : number
    }

    /// Adds an architecture; the native one is always there already.
    public func add(architecture token: UInt32) throws(SystemError) {
        let result = seccomp_arch_add(context, token)
        guard result == 0 || result == -EEXIST else { throw SystemError("seccomp_arch_add", path: "arch \(token)", errno: -result) }
    }

    /// Adds a rule; returns false when libseccomp refuses it as redundant (its action is the default).
    @discardableResult
    public func add(action: UInt32, syscall number: Int32, conditions: [Condition]) throws(SystemError) -> Bool {
        var comparisons = conditions.map {
            scmp_arg_cmp(arg: $0.index, op: scmp_compare(rawValue: $0.op), datum_a: $0.datumA, datum_b: $0.datumB)
        }
        let result = seccomp_rule_add_array(context, action, number, UInt32(comparisons.count), &comparisons)
        if result == -EACCES { return false }
        guard result == 0 else { throw SystemError("seccomp_rule_add", path: "syscall \(number)", errno: -result) }
        return true
    }

    /// The filter as a classic BPF program (struct sock_filter entries, 8 bytes each).
    public func program() throws(SystemError) -> [UInt8] {
        let fd = try check("memfd_create") { srun_memfd_create("srun-seccomp", UInt32(SRUN_MFD_CLOEXEC)) }
        defer { close(fd) }
        let result = seccomp_export_bpf(context, fd)
        guard result == 0 else { throw SystemError("seccomp_export_bpf", errno: -result) }
        let size = Int(lseek(fd, 0, SEEK_END))
        var bytes = [UInt8](repeating: 0, count: size)
        guard pread(fd, &bytes, size, 0) == size else { throw SystemError.last("read", path: "seccomp program") }
        return bytes
    }

    /// Installs `program` on the calling thread; the notify fd when `flags` asks for a listener.
    public static func load(_ program: [UInt8], flags: UInt32) throws(SystemError) -> Int32 {
        try check("seccomp(SECCOMP_SET_MODE_FILTER)") {
            program.withUnsafeBytes { srun_seccomp_load(flags, $0.baseAddress, $0.count) }
        }
    }
}
