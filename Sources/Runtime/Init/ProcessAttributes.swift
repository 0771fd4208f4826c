#if canImport(Glibc)
import Glibc
#endif
import CShim
import Linux
import OCI

/// linux.personality, process.ioPriority and process.scheduler: attributes of the init that
/// its exec keeps.
enum ProcessAttributes {
    static func apply(_ process: Process, _ linux: Linux) throws {
        if let personality = linux.personality {
            // PER_LINUX and PER_LINUX32 (uname -m then says i686 on x86_64).
            let persona: UInt = personality.domain == .linux ? 0x0000 : 0x0008
            try check("personality", path: personality.domain.rawValue) { srun_personality(persona) }
        }
        if let priority = process.ioPriority {
            let ioClass: Int32
            switch priority.class {
            case .realtime: ioClass = 1
            case .bestEffort: ioClass = 2
            case .idle: ioClass = 3
            }
            try check("ioprio_set", path: "\(priority.class.rawValue) \(priority.priority)") {
                srun_ioprio_set(ioClass, Int32(priority.priority))
            }
        }
        if let scheduler = process.scheduler {
            try check("sched_setattr", path: scheduler.policy.rawValue) {
                srun_sched_setattr(policyNumber(scheduler.policy), scheduler.flags.reduce(0) { $0 | flagBit($1) },
                                   scheduler.nice ?? 0, UInt32(clamping: scheduler.priority ?? 0),
                                   scheduler.runtime ?? 0, scheduler.deadline ?? 0, scheduler.period ?? 0)
            }
        }
    }

    static func policyNumber(_ policy: SchedulerPolicy) -> UInt32 {
        switch policy {
        case .other: return 0
        case .fifo: return 1
        case .roundRobin: return 2
        case .batch: return 3
        case .iso: return 4
        case .idle: return 5
        case .deadline: return 6
        }
    }

    static func flagBit(_ flag: SchedulerFlag) -> UInt64 {
        switch flag {
        case .resetOnFork: return 0x01
        case .reclaim: return 0x02
        case .dlOverrun: return 0x04
        case .keepPolicy: return 0x08
        case .keepParams: return 0x10
        case .utilClampMin: return 0x20
        case .utilClampMax: return 0x40
        }
    }
}
