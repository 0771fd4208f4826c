#if canImport(Glibc)
import Glibc
#endif
import CShim
import OCI

/// A cgroup v2 device filter: an eBPF program (BPF_PROG_TYPE_CGROUP_DEVICE) that answers
/// each device access of the cgroup's processes with what the rules leave in force.
///
/// The program reads the context (access type in the high half of the first word, device
/// type in the low half, then major and minor), tries each exception in turn, and returns the
/// default when none matched:
///
///     r2 = ctx->access_type; r3 = r2 & 0xffff; r2 >>= 16; r4 = ctx->major; r5 = ctx->minor
///     per exception: if type, major or minor differ, skip; if the access bits do not
///                    match, skip; r0 = verdict; exit
///     r0 = default; exit
struct DeviceFilter {
    let rules: DeviceRuleSet

    init(_ rules: [DeviceRule]) { self.rules = DeviceRuleSet(rules) }

    /// The program, one 8-byte instruction per element.
    var instructions: [UInt64] {
        var program: [BPFInstruction] = [
            .loadWord(dst: 2, src: 1, offset: 0),
            .moveRegister(dst: 3, src: 2),
            .andImmediate(dst: 3, 0xffff),
            .shiftRightImmediate(dst: 2, 16),
            .loadWord(dst: 4, src: 1, offset: 4),
            .loadWord(dst: 5, src: 1, offset: 8),
        ]
        for exception in rules.exceptions {
            var tests: [(Int16) -> BPFInstruction] = []
            if let type = exception.type { tests.append { .jumpIfNotEqual(dst: 3, Int32(type == .block ? 1 : 2), $0) } }
            if let major = exception.major { tests.append { .jumpIfNotEqual(dst: 4, Int32(bitPattern: major), $0) } }
            if let minor = exception.minor { tests.append { .jumpIfNotEqual(dst: 5, Int32(bitPattern: minor), $0) } }
            // Default deny: an exception allows when it has every bit asked for (asked & ~have == 0).
            // Default allow: an exception denies when it has any bit asked for (asked & have != 0).
            let mask = rules.defaultAllow ? exception.access.rawValue : ~exception.access.rawValue
            let accessTest: [(Int16) -> BPFInstruction] = [
                { _ in .moveRegister(dst: 1, src: 2) },
                { _ in .andImmediate(dst: 1, mask) },
                rules.defaultAllow ? { .jumpIfEqual(dst: 1, 0, $0) } : { .jumpIfNotEqual(dst: 1, 0, $0) },
            ]
            let block = tests + accessTest
            // Each jump skips to the next exception: past the rest of the block and the two
            // instructions that return the verdict.
            for (i, make) in block.enumerated() {
                program.append(make(Int16(block.count - 1 - i + 2)))
            }
            program.append(.moveImmediate(dst: 0, rules.defaultAllow ? 0 : 1))
            program.append(.exit)
        }
        program.append(.moveImmediate(dst: 0, rules.defaultAllow ? 1 : 0))
        program.append(.exit)
        return program.map { $0.encoded }
    }

    /// Loads the program and attaches it to the cgroup `directory` (next to any a parent's
    /// manager attached: every program must allow).
    func attach(to directory: String) throws(CgroupError) {
        let code = instructions
        var program = code.withUnsafeBufferPointer { srun_bpf_load_device_filter($0.baseAddress, UInt32($0.count), nil, 0) }
        if program < 0 {
            let loadErrno = errno
            var log = [CChar](repeating: 0, count: 16_384)
            program = code.withUnsafeBufferPointer { srun_bpf_load_device_filter($0.baseAddress, UInt32($0.count), &log, UInt32(log.count)) }
            if program < 0 {
                let verifier = String(decoding: log.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                throw CgroupError(field: "linux.resources.devices",
                                  "loading the device filter (bpf BPF_PROG_LOAD): \(String(cString: strerror(loadErrno)))\(verifier.isEmpty ? "" : ": " + verifier)")
            }
        }
        defer { close(program) }
        let cgroup = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard cgroup >= 0 else {
            throw CgroupError(field: "linux.resources.devices", "open \(directory): \(String(cString: strerror(errno)))")
        }
        defer { close(cgroup) }
        guard srun_bpf_attach_device_filter(cgroup, program) == 0 else {
            throw CgroupError(field: "linux.resources.devices",
                              "attaching the device filter to \(directory) (bpf BPF_PROG_ATTACH): \(String(cString: strerror(errno)))")
        }
    }
}

/// The few eBPF instructions a device filter needs (linux/bpf.h encodings).
enum BPFInstruction: Equatable {
    case loadWord(dst: UInt8, src: UInt8, offset: Int16)
    case moveRegister(dst: UInt8, src: UInt8)
    case moveImmediate(dst: UInt8, Int32)
    case andImmediate(dst: UInt8, Int32)
    case shiftRightImmediate(dst: UInt8, Int32)
    case jumpIfEqual(dst: UInt8, Int32, Int16)
    case jumpIfNotEqual(dst: UInt8, Int32, Int16)
    case exit

    /// struct bpf_insn { u8 code; u8 dst_reg:4, src_reg:4; s16 off; s32 imm; }, little-endian.
    var encoded: UInt64 {
        func insn(_ code: UInt8, dst: UInt8 = 0, src: UInt8 = 0, off: Int16 = 0, imm: Int32 = 0) -> UInt64 {
            UInt64(code) | UInt64(dst & 0xf | (src & 0xf) << 4) << 8
                | UInt64(UInt16(bitPattern: off)) << 16 | UInt64(UInt32(bitPattern: imm)) << 32
        }
        switch self {
        case .loadWord(let dst, let src, let offset): return insn(0x61, dst: dst, src: src, off: offset)  // LDX|MEM|W
        case .moveRegister(let dst, let src): return insn(0xbf, dst: dst, src: src)                       // ALU64|MOV|X
        case .moveImmediate(let dst, let value): return insn(0xb7, dst: dst, imm: value)                  // ALU64|MOV|K
        case .andImmediate(let dst, let value): return insn(0x57, dst: dst, imm: value)                   // ALU64|AND|K
        case .shiftRightImmediate(let dst, let value): return insn(0x77, dst: dst, imm: value)            // ALU64|RSH|K
        case .jumpIfEqual(let dst, let value, let offset): return insn(0x15, dst: dst, off: offset, imm: value)     // JMP|JEQ|K
        case .jumpIfNotEqual(let dst, let value, let offset): return insn(0x55, dst: dst, off: offset, imm: value)  // JMP|JNE|K
        case .exit: return insn(0x95)                                                                     // JMP|EXIT
        }
    }
}
