#if canImport(Glibc)
import Glibc
#endif
import CShim
import Linux
import OCI

/// The container's first process, from clone to exec, in the spec's order of operations.
enum InitProcess {
    static func main(_ c: InitContext) -> Never {
        do {
            try run(c)
        } catch {
            // During setup create hears of it; afterwards only the container's stderr is left.
            do {
                try c.channel.send(InitProtocol.errorPrefix + String(describing: error))
            } catch _ {
                Output.stderr("srun init: \(error)\n")
            }
        }
        Processes.exitChild(1)
    }

    private static func run(_ c: InitContext) throws {
        // Until exec, this process is srun: keep other processes from opening /proc/PID/exe.
        _ = srun_prctl(SRUN_PR_SET_DUMPABLE, 0, 0, 0, 0)
        // Born SCHED_BATCH and moved off srun's CPU (Lifecycle.cloneInit): back to srun's policy and CPUs.
        srun_fork_placement_child()
        closeInheritedDescriptors(c)
        let joinsUser = c.joins.contains { $0.type == .user }
        if !joinsUser { try unshareOwnNamespaces(c) }
        let (state, createdState, listenerMessage) = try awaitGo(c)
        try joinNamespaces(c)
        if joinsUser { try unshareOwnNamespaces(c) }
        // In a new user namespace the init no longer has the rights to move itself: the parent did it.
        if !c.createsUserNamespace { try c.cgroup.joinSelf(unifiedDone: c.clonedIntoCgroup) }
        if c.linux.creates(.cgroup) { try Namespaces.unshare(Namespaces.cgroup) }
        _ = setsid()
        if !c.noNewKeyring {
            // Kernels or seccomp profiles without keyctl: go on with the inherited keyring, as runc does.
            if srun_join_session_keyring(c.containerID) < 0, errno != ENOSYS, errno != EPERM {
                throw SystemError.last("keyctl(KEYCTL_JOIN_SESSION_KEYRING)")
            }
        }

        let rootfs = RootfsSetup(c)
        try rootfs.prepare()
        try c.channel.send(InitProtocol.mounted)
        if c.spec.initWaitsAfterMounts { try expect(InitProtocol.proceed, from: c) }
        try HookRunner.run(c.spec.hooks?.createContainer ?? [], kind: "createContainer", state: state)
        try rootfs.enter()
        if let socket = c.consoleSocket {
            try Terminal.setUp(socket: socket, size: c.process.consoleSize)
        }
        let proc = try ProcFSHandle()
        let setup = ProcessSetup(c)
        try setup.configureKernel(proc)
        // Made after pivot_root, and resolved inside the new root, so no symlink leads it out.
        _ = try InRoot("/").makeDirectories(c.process.cwd)
        try rootfs.finish()
        try ProcessAttributes.apply(c.process, c.linux)

        let privileges = PrivilegeSetup(c)
        try privileges.beforeUserSwitch()
        try setup.switchUser()
        try privileges.afterUserSwitch()
        let environment = setup.environment()
        try setup.enterWorkingDirectory()
        try setup.restrictPrivileges()

        try c.channel.send(InitProtocol.ready)
        if case .fifo = c.startGate { c.channel.close() }
        try waitForStartAndExec(c, state: createdState, environment: environment) { () throws(SystemError) in
            try c.labels.apply(through: proc)
            try privileges.loadSeccomp(listenerMessage: listenerMessage)
        }
    }

    /// Every fd the init inherited from srun is closed but the ones it needs.
    private static func closeInheritedDescriptors(_ c: InitContext) {
        let sockets = [c.consoleSocket, c.seccompListener].compactMap { $0 }
        let keep = ([c.channel.fd, c.stateDirectory] + Array(c.idmappedTrees.values) + sockets).sorted()
        var next = UInt32(3 + c.preservedFDs)
        for fd in keep where UInt32(fd) >= next {
            if UInt32(fd) > next { _ = srun_close_range(next, UInt32(fd) - 1, 0) }
            next = UInt32(fd) + 1
        }
        _ = srun_close_range(next, UInt32.max, 0)
    }

    /// The state for hooks while creating, and once created (for startContainer), and the
    /// seccomp listener's message.
    private static func awaitGo(_ c: InitContext) throws -> (creating: String, created: String, listener: String) {
        let message = try c.channel.receive()
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        guard message.hasPrefix(InitProtocol.go), lines.count == 4 else { throw InitError(description: "setup aborted by srun") }
        return (String(lines[1]), String(lines[2]), String(lines[3]))
    }

    private static func expect(_ word: String, from c: InitContext) throws {
        guard try c.channel.receive() == word else { throw InitError(description: "setup aborted by srun") }
    }

    /// New namespaces the init makes itself instead of being cloned into them. A network
    /// namespace takes most of a millisecond to make: made by the init before `go`, it overlaps
    /// srun's making of the cgroups. When the config joins a user namespace, every new namespace
    /// is made after that join, so that the joined namespace owns it (all but pid, which only
    /// clone can give, and cgroup and time, which have their own moments).
    static func unsharedNamespaces(_ linux: Linux) -> [NamespaceType] {
        let joinsUser = linux.namespaces.contains { $0.type == .user && $0.path != nil }
        let types: [NamespaceType] = joinsUser ? [.mount, .uts, .ipc, .network] : [.network]
        return types.filter { linux.creates($0) }
    }

    private static func unshareOwnNamespaces(_ c: InitContext) throws {
        let flags = unsharedNamespaces(c.linux).reduce(Int32(0)) { $0 | NamespaceFlags.flag($1) }
        if flags != 0 { try Namespaces.unshare(flags) }
    }

    /// The user namespace first: joining it decides what the others may be joined with.
    private static func joinNamespaces(_ c: InitContext) throws {
        let ordered = c.joins.filter { $0.type == .user } + c.joins.filter { $0.type != .user }
        for namespace in ordered {
            try Namespaces.join(namespace.path!, NamespaceFlags.flag(namespace.type))
        }
        if c.createsUserNamespace || c.joins.contains(where: { $0.type == .user }) {
            try check("setresgid") { srun_setresgid(0) }
            try check("setresuid") { srun_setresuid(0) }
        }
    }

    /// `lastSteps` run after everything else, just before execve: the filter goes in there.
    private static func waitForStartAndExec(_ c: InitContext, state: String, environment: [String],
                                            lastSteps: () throws(SystemError) -> Void) throws -> Never {
        // argv, envp and the PATH candidates are ready before start, which then waits less.
        let program = PreparedExec(args: c.process.args, env: environment)
        let report: Int32
        switch c.startGate {
        case .fifo:
            report = try check("open", path: "exec.fifo") { openat(c.stateDirectory, "exec.fifo", O_WRONLY | O_CLOEXEC) }
        case .channel:
            guard try c.channel.receive() == InitProtocol.start else { Processes.exitChild(1) }
            report = c.channel.fd
        }
        close(c.stateDirectory)
        func fail(_ message: String) -> Never {
            _ = message.withCString { write(report, $0, strlen($0)) }
            Processes.exitChild(127)
        }
        do {
            try HookRunner.run(c.spec.hooks?.startContainer ?? [], kind: "startContainer", state: state)
        } catch {
            fail(String(describing: error))
        }
        _ = write(report, "0", 1)
        prepareDescriptorsForExec(c)
        var empty = sigset_t()
        sigemptyset(&empty)
        sigprocmask(SIG_SETMASK, &empty, nil)
        do {
            try lastSteps()
        } catch {
            fail(String(describing: error))
        }
        fail(String(describing: program.run()))
    }

    /// Preserved fds lose close-on-exec; every other fd above them gains it (CVE-2024-21626).
    private static func prepareDescriptorsForExec(_ c: InitContext) {
        for fd in 3..<(3 + c.preservedFDs) { _ = fcntl(fd, F_SETFD, 0) }
        _ = srun_close_range(UInt32(3 + c.preservedFDs), UInt32.max, SRUN_CLOSE_RANGE_CLOEXEC)
    }
}

enum NamespaceFlags {
    static func flag(_ type: NamespaceType) -> Int32 {
        switch type {
        case .pid: return Namespaces.pid
        case .network: return Namespaces.network
        case .mount: return Namespaces.mount
        case .ipc: return Namespaces.ipc
        case .uts: return Namespaces.uts
        case .user: return Namespaces.user
        case .cgroup: return Namespaces.cgroup
        case .time: return Namespaces.time
        }
    }
}
