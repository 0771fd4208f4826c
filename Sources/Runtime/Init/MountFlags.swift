/// mount(2) flag bits (linux/mount.h), spelled out: Swift does not import them reliably.
public enum MountFlag {
    public static let readOnly: UInt = 0x1
    public static let noSuid: UInt = 0x2
    public static let noDev: UInt = 0x4
    public static let noExec: UInt = 0x8
    public static let synchronous: UInt = 0x10
    public static let remount: UInt = 0x20
    public static let mandatoryLock: UInt = 0x40
    public static let dirSync: UInt = 0x80
    public static let noSymFollow: UInt = 0x100
    public static let noAtime: UInt = 0x400
    public static let noDirAtime: UInt = 0x800
    public static let bind: UInt = 0x1000
    public static let move: UInt = 0x2000
    public static let recursive: UInt = 0x4000
    public static let unbindable: UInt = 0x2_0000
    public static let `private`: UInt = 0x4_0000
    public static let slave: UInt = 0x8_0000
    public static let shared: UInt = 0x10_0000
    public static let relatime: UInt = 0x20_0000
    public static let strictAtime: UInt = 0x100_0000
    public static let lazyTime: UInt = 0x200_0000
}

/// A mount's `options` sorted into flags to set, flags to clear, propagation changes and
/// filesystem data, as fstab and runc read them.
public struct MountOptions: Equatable, Sendable {
    public var flags: UInt = 0
    public var cleared: UInt = 0
    public var propagation: [UInt] = []
    public var data: [String] = []
    public var isBind = false
    /// tmpfs: copy what the destination held into the new tmpfs (an OCI extension, as runc).
    public var copyUp = false

    /// option name -> (flag, whether the option clears it instead of setting it)
    static let table: [String: (UInt, Bool)] = [
        "ro": (MountFlag.readOnly, false), "rw": (MountFlag.readOnly, true),
        "nosuid": (MountFlag.noSuid, false), "suid": (MountFlag.noSuid, true),
        "nodev": (MountFlag.noDev, false), "dev": (MountFlag.noDev, true),
        "noexec": (MountFlag.noExec, false), "exec": (MountFlag.noExec, true),
        "sync": (MountFlag.synchronous, false), "async": (MountFlag.synchronous, true),
        "dirsync": (MountFlag.dirSync, false), "remount": (MountFlag.remount, false),
        "mand": (MountFlag.mandatoryLock, false), "nomand": (MountFlag.mandatoryLock, true),
        "noatime": (MountFlag.noAtime, false), "atime": (MountFlag.noAtime, true),
        "nodiratime": (MountFlag.noDirAtime, false), "diratime": (MountFlag.noDirAtime, true),
        "relatime": (MountFlag.relatime, false), "norelatime": (MountFlag.relatime, true),
        "strictatime": (MountFlag.strictAtime, false), "nostrictatime": (MountFlag.strictAtime, true),
        "lazytime": (MountFlag.lazyTime, false), "nolazytime": (MountFlag.lazyTime, true),
        "nosymfollow": (MountFlag.noSymFollow, false), "symfollow": (MountFlag.noSymFollow, true),
        "bind": (MountFlag.bind, false), "rbind": (MountFlag.bind | MountFlag.recursive, false),
    ]

    static let propagationTable: [String: UInt] = [
        "private": MountFlag.private, "rprivate": MountFlag.private | MountFlag.recursive,
        "shared": MountFlag.shared, "rshared": MountFlag.shared | MountFlag.recursive,
        "slave": MountFlag.slave, "rslave": MountFlag.slave | MountFlag.recursive,
        "unbindable": MountFlag.unbindable, "runbindable": MountFlag.unbindable | MountFlag.recursive,
    ]

    public init(_ options: [String]) {
        for option in options {
            if let (flag, clears) = MountOptions.table[option] {
                if clears {
                    flags &= ~flag
                    cleared |= flag
                } else {
                    flags |= flag
                    cleared &= ~flag
                }
                if flag & MountFlag.bind != 0 { isBind = true }
            } else if let propagation = MountOptions.propagationTable[option] {
                self.propagation.append(propagation)
            } else if option == "tmpcopyup" {
                copyUp = true
            } else if option == "idmap" || option == "ridmap" {
                // Prepared by create before the clone (IdmappedMounts); nothing for mount(2).
                continue
            } else {
                data.append(option)
            }
        }
    }

    /// statvfs's f_flag bits and the mount flags a user namespace locks on a mount: a bind
    /// remount inside one must keep them or the kernel refuses it.
    static let lockedStatFlags: [(UInt, UInt)] = [
        (0x1, MountFlag.readOnly), (0x2, MountFlag.noSuid), (0x4, MountFlag.noDev), (0x8, MountFlag.noExec),
        (0x400, MountFlag.noAtime), (0x800, MountFlag.noDirAtime), (0x1000, MountFlag.relatime),
    ]

    /// The locked flags of a mount, from its statvfs f_flag.
    public static func lockedFlags(statFlags: UInt) -> UInt {
        lockedStatFlags.reduce(0) { statFlags & $1.0 != 0 ? $0 | $1.1 : $0 }
    }

    /// Flags other than bind/rec that a bind mount only gets through a remount.
    public var remountFlags: UInt { flags & ~(MountFlag.bind | MountFlag.recursive | MountFlag.remount) }

    public var dataString: String? { data.isEmpty ? nil : data.joined(separator: ",") }
}
