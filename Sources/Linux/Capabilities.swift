#if canImport(Glibc)
import Glibc
#endif
import CCap
import CShim
import ASCIIText

/// The calling thread's capability sets, by kernel capability number, through libcap.
public enum CapabilityState {
    /// The highest capability number this kernel knows (read once: it cannot change).
    public static let lastCapability: Int = {
        if let bytes = try? Files.read("/proc/sys/kernel/cap_last_cap"),
           let last = decimal(bytes.prefix { $0 != UInt8(ascii: "\n") }) {
            return Int(last)
        }
        return Int(CAP_LAST_CAP)
    }()

    /// Whether capability `number` is in the bounding set this process runs with.
    public static func inBoundingSet(_ number: Int) -> Bool {
        cap_get_bound(cap_value_t(number)) == 1
    }

    /// Drops every capability but `keep` from the bounding set (needs CAP_SETPCAP).
    public static func limitBoundingSet(to keep: CapabilitySet) throws(SystemError) {
        for number in 0...lastCapability where !keep.contains(number) {
            guard cap_drop_bound(cap_value_t(number)) == 0 else {
                throw SystemError.last("prctl(PR_CAPBSET_DROP)", path: "capability \(number)")
            }
        }
    }

    /// PR_SET_KEEPCAPS: whether the permitted set survives a switch away from uid 0.
    public static func keepAcrossUserSwitch(_ keep: Bool) throws(SystemError) {
        try check("prctl(PR_SET_KEEPCAPS)") { Int32(srun_prctl(SRUN_PR_SET_KEEPCAPS, keep ? 1 : 0, 0, 0, 0)) }
    }

    /// capset(2) with exactly these effective, permitted and inheritable sets.
    public static func set(effective: CapabilitySet, permitted: CapabilitySet, inheritable: CapabilitySet) throws(SystemError) {
        guard let state = cap_init() else { throw SystemError.last("cap_init") }
        defer { cap_free(UnsafeMutableRawPointer(state)) }
        for (flag, numbers) in [(CAP_EFFECTIVE, effective), (CAP_PERMITTED, permitted), (CAP_INHERITABLE, inheritable)] {
            var values = numbers.map { cap_value_t($0) }
            guard values.isEmpty || cap_set_flag(state, flag, Int32(values.count), &values, CAP_SET) == 0 else {
                throw SystemError.last("cap_set_flag")
            }
        }
        guard cap_set_proc(state) == 0 else { throw SystemError.last("capset") }
    }

    /// Clears the ambient set, then raises `numbers` in it (each must be permitted and inheritable).
    public static func setAmbient(_ numbers: CapabilitySet) throws(SystemError) {
        guard cap_reset_ambient() == 0 || errno == EINVAL else { throw SystemError.last("prctl(PR_CAP_AMBIENT_CLEAR_ALL)") }
        for number in numbers {
            guard cap_set_ambient(cap_value_t(number), CAP_SET) == 0 else {
                throw SystemError.last("prctl(PR_CAP_AMBIENT_RAISE)", path: "capability \(number)")
            }
        }
    }
}
