import Cgroups
import Linux
import OCI

/// Everything the container's init needs, fixed before clone: the child only reads it.
struct InitContext {
    let spec: Spec
    let process: Process
    let linux: Linux
    /// The rootfs on the host, absolute.
    let rootfs: String
    /// The bundle directory, absolute: relative bind sources start there.
    let bundle: String
    /// The init's end of the setup channel (see InitProtocol).
    let channel: MessageChannel
    /// The state directory opened O_PATH: exec.fifo stays reachable after pivot_root.
    let stateDirectory: Int32
    let cgroup: ContainerCgroup
    /// Namespaces joined by path in the init (the pid namespace is joined by the parent).
    let joins: [Namespace]
    let containerID: String
    let noPivot: Bool
    /// runc's --no-new-keyring: keep the caller's session keyring instead of a new one.
    let noNewKeyring: Bool
    /// fds 3..<3+preservedFDs pass to the container process.
    let preservedFDs: Int32
    /// LISTEN_FDS/LISTEN_PID when socket activation passes fds through srun.
    let extraEnvironment: [String]
    let createsUserNamespace: Bool
    /// The connected --console-socket, when process.terminal is true.
    let consoleSocket: Int32?
    /// Detached, idmapped trees by mount index, to attach instead of binding.
    let idmappedTrees: [Int: Int32]
    /// Where the init waits for start and reports how exec went.
    let startGate: StartGate
    /// process.capabilities as numbers; nil when the config has none (srun changes none).
    let capabilities: CapabilityPlan?
    /// linux.seccomp compiled by create; the init loads it just before exec.
    let seccomp: SeccompProgram?
    /// The connected listenerPath socket, when the filter notifies.
    let seccompListener: Int32?
    /// AppArmor profile and SELinux label to write as exec attributes.
    let labels: LSMLabels
    /// clone3 put the init in its v2 cgroup already (CLONE_INTO_CGROUP).
    var clonedIntoCgroup = false
}

/// `create` then `start`: exec.fifo, which a later `start` opens. `run`: the setup channel,
/// which the same srun process still holds.
enum StartGate {
    case fifo
    case channel
}

/// The setup conversation between `create` (parent) and the init (child), over a
/// SOCK_SEQPACKET pair. Any step may instead be answered with `error MESSAGE`, after which
/// the sender exits (child) or kills the child and cleans up (parent).
///
/// | step | parent -> init              | init -> parent | between                                   |
/// |------|-----------------------------|----------------|-------------------------------------------|
/// | 1    | `go\nSTATE\nSTATE\nLISTEN`  |                | init joins namespaces, cgroup, mounts     |
/// |      | after id maps (creating,    |                |                                           |
/// |      | created, the seccomp        |                |                                           |
/// |      | listener's message or "")   |                |                                           |
/// | 2    |                             | `mounted`      | parent applies the device rules, runs     |
/// |      |                             |                | prestart and createRuntime hooks          |
/// | 3    | `continue`                  |                | init: createContainer hooks, pivot_root,  |
/// |      | (only when Spec.initWaitsAfterMounts; otherwise the init goes on after 2 while  |
/// |      | the parent works)           |                | process setup                             |
/// | 4    |                             | `ready`        | create records the container, returns     |
///
/// Then the init blocks opening exec.fifo for writing until `start` opens it for reading
/// (with `run`: it waits for `start` on the channel). The init runs startContainer hooks and
/// writes `0`, then execs; a failure after that is written there as text, so `start` reads
/// `0` then EOF (exec closed it) or an error.
enum InitProtocol {
    static let go = "go\n"
    static let mounted = "mounted"
    static let proceed = "continue"
    static let ready = "ready"
    static let errorPrefix = "error "
    static let start = "start"
}

extension Spec {
    /// Whether the config has prestart or createRuntime hooks, which run at protocol step 2.
    var hasRuntimeCreateHooks: Bool {
        !(hooks?.prestart.isEmpty ?? true) || !(hooks?.createRuntime.isEmpty ?? true)
    }

    /// Whether the init waits for `continue` (step 3): for those hooks, and while the device
    /// rules go in when its next steps open devices (a terminal, createContainer hooks), since
    /// v1 takes the rules one write at a time, starting from deny-all.
    var initWaitsAfterMounts: Bool {
        hasRuntimeCreateHooks || process?.terminal == true || !(hooks?.createContainer.isEmpty ?? true)
    }
}

/// The init reported a failure during setup.
public struct InitError: Error, CustomStringConvertible {
    public let description: String
}
