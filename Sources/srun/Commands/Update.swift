#if canImport(Glibc)
import Glibc
#endif
import Linux
import OCI
import Runtime

extension Commands {
    /// `srun update [--resources FILE|-] [runc's flags] ID`: with --resources, the JSON of
    /// linux.resources (from stdin for "-", as docker sends it); otherwise the flags. As with
    /// runc, a field left out or zero keeps its value.
    static func update(_ call: Invocation) throws -> Int32 {
        let changes: Resources
        if let source = call.flags.string("resources") {
            let bytes = try source == "-" ? FileDescriptor(raw: dup(0)).readAll(path: "stdin") : Files.read(source)
            changes = try Resources.decodeDocument(bytes, document: source == "-" ? "stdin" : source)
        } else {
            changes = try resourcesFromFlags(call.flags)
        }
        try Lifecycle.update(call.containerID, with: changes, store: call.store)
        return 0
    }

    private static func resourcesFromFlags(_ flags: ParsedFlags) throws -> Resources {
        if flags.string("l3-cache-schema") != nil || flags.string("mem-bw-schema") != nil {
            throw UsageError("update: srun does not support Intel RDT (--l3-cache-schema, --mem-bw-schema)")
        }
        var r = Resources()
        var memory = MemoryResources()
        func bytes(_ flag: String) throws(UsageError) -> Int64? { try flags.string(flag).map { text throws(UsageError) in try Units.bytes(text, flag: flag) } }
        memory.limit = try bytes("memory")
        memory.reservation = try bytes("memory-reservation")
        memory.swap = try bytes("memory-swap")
        memory.kernel = try bytes("kernel-memory")
        memory.kernelTCP = try bytes("kernel-memory-tcp")
        if memory != MemoryResources() { r.memory = memory }

        var cpu = CPUResources()
        func number<T: FixedWidthInteger>(_ flag: String, _ type: T.Type) throws(UsageError) -> T? {
            try flags.string(flag).map { text throws(UsageError) in try Units.integer(text, flag: flag, as: T.self) }
        }
        cpu.shares = try number("cpu-share", UInt64.self)
        cpu.quota = try number("cpu-quota", Int64.self)
        cpu.period = try number("cpu-period", UInt64.self)
        cpu.realtimeRuntime = try number("cpu-rt-runtime", Int64.self)
        cpu.realtimePeriod = try number("cpu-rt-period", UInt64.self)
        cpu.cpus = flags.string("cpuset-cpus")
        cpu.mems = flags.string("cpuset-mems")
        if cpu != CPUResources() { r.cpu = cpu }

        if let limit = try number("pids-limit", Int64.self) { r.pids = PidsResources(limit: limit) }
        if let weight = try number("blkio-weight", UInt16.self) {
            var blockIO = BlockIO()
            blockIO.weight = weight
            r.blockIO = blockIO
        }
        return r
    }
}
