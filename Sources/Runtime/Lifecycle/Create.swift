#if canImport(Glibc)
import Glibc
#endif
import ASCIIText
import CShim
import Cgroups
import Linux
import OCI

/// What `create` (and `run`) were asked for.
public struct CreateRequest: Sendable {
    public var id: ContainerID
    public var bundle: String
    public var pidFile: String?
    public var consoleSocket: String?
    public var noPivot = false
    public var noNewKeyring = false
    public var preserveFDs: Int32 = 0
    public var systemdCgroup = false
    /// `run`: the init waits for start on the setup channel instead of exec.fifo.
    public var startsOverChannel = false

    public init(id: ContainerID, bundle: String) {
        self.id = id
        self.bundle = bundle
    }
}

/// A container that reached `created`: its init waits at exec.fifo, or on `channel`.
public struct CreatedContainer: Sendable {
    public let record: ContainerRecord
    /// The setup channel, kept open when the init waits for start on it.
    public let channel: MessageChannel?
}

extension Lifecycle {
    /// runtime.md "create": everything is checked before anything is made, and a failure
    /// at any step undoes the ones before it.
    public static func create(_ request: CreateRequest, store: StateStore, log: Logger) throws -> CreatedContainer {
        let bundle = try Bundle.load(request.bundle)
        let spec = bundle.spec
        for warning in spec.warnings { log.warning(warning) }
        // validate() made sure that process and root are there.
        let process = spec.process!
        let linux = spec.linux ?? Linux()
        try checkSupported(spec, request)
        let rootfs = Paths.clean(spec.root!.path.hasBytePrefix("/") ? spec.root!.path : bundle.path + "/" + spec.root!.path)
        guard isDirectory(rootfs) else {
            throw ConfigError(JSONPath.root.key("root").key("path"), "\(rootfs) is not a directory")
        }
        let cgroupPath = try CgroupPath.resolve(linux.cgroupsPath, id: request.id, systemd: request.systemdCgroup)
        let preservedFDs = request.preserveFDs + (listenFDs() ?? 0)
        let extraEnvironment = try checkInheritedDescriptors(preservedFDs)
        let hierarchies = try Hierarchy.mounted()
        let capabilities = try CapabilityPlan.make(process.capabilities, warn: log.warning)
        let labels = try LSMLabels.make(process, host: .current)
        let seccomp = try linux.seccomp.map { try SeccompProfile.compile($0, log: log) }

        let undo = Undo()
        var record = ContainerRecord(id: request.id.description, bundle: bundle.path, rootfs: rootfs, created: Clock.rfc3339Now())
        // Once its init exists the container is destroyed on failure, and then poststop
        // hooks run (runtime.md 12-13): registered first, so that the undo runs them last.
        var initExists = false
        undo.add {
            guard initExists else { return }
            let stopped = JSONWriter.compact(record.stateJSON(.stopped, forHooks: true))
            HookRunner.runReportingFailures(spec.hooks?.poststop ?? [], kind: "poststop", state: stopped, log: log)
        }
        let lock = try store.createDirectory(request.id)
        undo.add { store.remove(request.id) }
        do {
            record.annotations = spec.annotations
            record.owner = Users.name(of: geteuid())
            record.hooks = spec.hooks
            if !request.startsOverChannel {
                // Writable by the container's user, whoever that is on the host; mkfifo obeys the umask, chmod does not.
                try check("mkfifo", path: store.fifoPath(request.id)) { mkfifo(store.fifoPath(request.id), 0o622) }
                try check("chmod", path: store.fifoPath(request.id)) { chmod(store.fifoPath(request.id), 0o622) }
            }

            let own = cgroupPath.hasBytePrefix("/") ? nil : OwnCgroup(procSelfCgroup: try readText("/proc/self/cgroup"))
            let cgroup = ContainerCgroup(path: cgroupPath, hierarchies: hierarchies, own: own)
            // Only the v2 directory has to exist before the clone (CLONE_INTO_CGROUP); the v1 ones
            // are made, and every limit written, while the init creates its network namespace.
            var made = try cgroup.create(where: { $0.isUnified })
            // Someone else's processes: fail without touching them or their cgroup.
            guard cgroup.processes().isEmpty else {
                for directory in made.reversed() { rmdir(directory) }
                throw CgroupPathError(description: "linux.cgroupsPath: cgroup \(cgroupPath) already has processes; is another container using it?")
            }
            undo.add {
                cgroup.signalAll(SIGKILL)
                try? cgroup.destroy()
                for directory in made.reversed() { rmdir(directory) }
            }
            record.cgroupPath = cgroupPath
            record.cgroups = cgroup.hierarchies

            let consoleSocket = try request.consoleSocket.map { try Terminal.connect($0) }
            defer { if let consoleSocket { close(consoleSocket) } }
            let seccompListener = try seccomp?.notifies == true ? SeccompListener.connect(linux.seccomp!.listenerPath!) : nil
            defer { if let seccompListener { close(seccompListener) } }
            let idmappedTrees = try IdmappedMounts.prepare(spec, bundle: bundle.path)
            defer { for fd in idmappedTrees.values { close(fd) } }
            let stateDirectory = try check("open", path: store.directory(request.id)) {
                open(store.directory(request.id), SRUN_O_PATH | O_DIRECTORY | O_CLOEXEC)
            }
            defer { close(stateDirectory) }
            let (parentEnd, childEnd) = try MessageChannel.pair()
            var keepChannel = false
            defer { if !keepChannel { parentEnd.close() } }

            let context = InitContext(
                spec: spec, process: process, linux: linux, rootfs: rootfs, bundle: bundle.path, channel: childEnd,
                stateDirectory: stateDirectory, cgroup: cgroup,
                joins: linux.namespaces.filter { $0.path != nil && $0.type != .pid },
                containerID: request.id.description, noPivot: request.noPivot, noNewKeyring: request.noNewKeyring,
                preservedFDs: preservedFDs,
                extraEnvironment: extraEnvironment, createsUserNamespace: linux.creates(.user),
                consoleSocket: consoleSocket, idmappedTrees: idmappedTrees, startGate: request.startsOverChannel ? .channel : .fifo,
                capabilities: capabilities, seccomp: seccomp, seccompListener: seccompListener, labels: labels)
            let (pid, clonedIntoCgroup) = try cloneInit(context, linux: linux)
            initExists = true
            childEnd.close()
            undo.add {
                Glibc.kill(pid, SIGKILL)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
            }

            // The init joins these only after `go`, so the limits hold from its first step in
            // the container.
            made += try cgroup.create { !$0.isUnified }
            record.cgroupParentsMade = made.filter { !cgroup.directories.contains($0) }
            let resources = linux.resources ?? Resources()
            let driver = cgroup.driver
            try driver.prepare(for: resources)
            try driver.apply(resources, updating: false)
            record.resources = linux.resources

            if linux.creates(.user) {
                try writeIDMaps(pid: pid, linux: linux)
                try cgroup.join(pid, unifiedDone: clonedIntoCgroup)
            }
            record.pid = pid
            record.pidStartTime = ProcessStat.read(pid)?.startTime ?? 0
            // Written only for the hooks that will read them.
            let hooks = spec.hooks ?? Hooks()
            let state = hooks.prestart.isEmpty && hooks.createRuntime.isEmpty && hooks.createContainer.isEmpty
                ? "" : JSONWriter.compact(record.stateJSON(.creating, forHooks: true))
            let createdState = hooks.startContainer.isEmpty ? "" : JSONWriter.compact(record.stateJSON(.created, forHooks: true))
            let listenerMessage = seccompListener == nil ? "" : SeccompListener.message(
                pid: pid, metadata: linux.seccomp?.listenerMetadata, state: record.stateJSON(.created, forHooks: true))
            do {
                try parentEnd.send(InitProtocol.go + state + "\n" + createdState + "\n" + listenerMessage)
            } catch {
                // An init that failed before `go` (making its network namespace) has said why.
                try expect(InitProtocol.ready, from: parentEnd)
                throw error
            }
            // `run` has no exec.fifo to tell created from running, so its state can be written
            // now, while the init sets up; `create` writes it once the init is ready.
            if request.startsOverChannel { try store.save(record) }

            // Device rules once the init has made /dev, so that a rule denying a device the
            // config also lists cannot stop its mknod; mostly while the init goes on (pivot_root,
            // process setup; see initWaitsAfterMounts). prestart and createRuntime hooks come
            // after the rules (as runc), and may allow more (GPU hooks write devices.allow).
            try expect(InitProtocol.mounted, from: parentEnd)
            try driver.applyDevices(DeviceCgroupRules.rules(for: resources.devices))
            try HookRunner.run(spec.hooks?.prestart ?? [], kind: "prestart", state: state)
            try HookRunner.run(spec.hooks?.createRuntime ?? [], kind: "createRuntime", state: state)
            if spec.initWaitsAfterMounts { try parentEnd.send(InitProtocol.proceed) }
            try expect(InitProtocol.ready, from: parentEnd)

            if !request.startsOverChannel { try store.save(record) }
            if let pidFile = request.pidFile {
                try writeAtomically(try Paths.absolute(pidFile), String(pid))
            }
            undo.cancel()
            _ = consume lock
            log.debug("created \(request.id) with init pid \(pid)")
            keepChannel = request.startsOverChannel
            return CreatedContainer(record: record, channel: keepChannel ? parentEnd : nil)
        } catch {
            undo.run()
            throw error
        }
    }

    private static func checkSupported(_ spec: Spec, _ request: CreateRequest) throws {
        if spec.process?.terminal != true, request.consoleSocket != nil {
            throw UsageError("--console-socket is only for a process with a terminal (process.terminal is not true)")
        }
        if spec.process?.terminal == true, request.consoleSocket == nil {
            // runc proxies a terminal for a foreground run itself; srun does not yet.
            throw UsageError("process.terminal is true: --console-socket is required")
        }
    }

    /// Preserved fds (--preserve-fds and socket activation's) must really be open, or srun's
    /// own fds could take their numbers and leak into the container (its held handle on its
    /// own binary is never the caller's).
    private static func checkInheritedDescriptors(_ preserve: Int32) throws -> [String] {
        for fd in 3..<(3 + preserve) where fcntl(fd, F_GETFD) < 0 || fd == BinarySeal.heldMount {
            throw UsageError("--preserve-fds \(preserve): fd \(fd) is not open")
        }
        guard let count = listenFDs() else { return [] }
        return ["LISTEN_FDS=\(count)", "LISTEN_PID=1"]
    }

    /// Sockets passed by systemd-style activation, for srun itself (LISTEN_PID is its pid).
    static func listenFDs() -> Int32? {
        guard let text = getenv("LISTEN_FDS").map({ String(cString: $0) }), let count = Int32(text), count > 0,
              let pid = getenv("LISTEN_PID").map({ String(cString: $0) }), Int32(pid) == getpid() else {
            return nil
        }
        return count
    }

    /// Returns the init's pid, and whether it was born in its v2 cgroup.
    private static func cloneInit(_ context: InitContext, linux: Linux) throws -> (Int32, Bool) {
        var flags: Int32 = 0
        // cgroup: unshared by the init once it is in its cgroup. time: prepared below. Others
        // the init makes itself (InitProcess.unsharedNamespaces).
        let skipped: [NamespaceType] = [.cgroup, .time] + InitProcess.unsharedNamespaces(linux)
        for namespace in linux.namespaces where namespace.path == nil && !skipped.contains(namespace.type) {
            flags |= NamespaceFlags.flag(namespace.type)
        }
        // A pid namespace joined by path applies to children only: join it for the clone, then return.
        var restorePid: FileDescriptor?
        if let pidPath = linux.namespaces.first(where: { $0.type == .pid && $0.path != nil })?.path {
            restorePid = try FileDescriptor(open: "/proc/self/ns/pid", O_RDONLY)
            try Namespaces.join(pidPath, Namespaces.pid)
        }
        // A new time namespace takes its offsets before any process is in it: srun unshares it
        // for its children, writes the offsets, clones the init into it, then returns.
        var restoreTime: FileDescriptor?
        if linux.creates(.time) {
            restoreTime = try FileDescriptor(open: "/proc/self/ns/time", O_RDONLY)
            try Namespaces.unshare(Namespaces.time)
            try writeExisting("/proc/self/timens_offsets", timeOffsets(linux))
        }
        // Forking a multithreaded Swift process can deadlock the child on a runtime lock.
        assert((try? listDirectory("/proc/self/task").count) == 1, "srun must be single-threaded when it clones")
        fflush(nil)
        // The init makes its namespaces on another CPU while srun makes the cgroups, instead of
        // taking srun's CPU (see srun_fork_placement_begin).
        srun_fork_placement_begin()
        let (pid, intoCgroup) = fork(context, flags: flags)
        let cloneErrno = errno
        srun_fork_placement_parent(pid)
        if let restore = restorePid { _ = srun_setns(restore.raw, Namespaces.pid) }
        if let restore = restoreTime { _ = srun_setns(restore.raw, Namespaces.time) }
        guard pid > 0 else { throw SystemError("clone", errno: cloneErrno) }
        return (pid, intoCgroup)
    }

    /// clone3 straight into the v2 cgroup where it can, plain clone3, then clone (kernels
    /// before 5.7 and 5.3). The child never returns from here.
    private static func fork(_ context: InitContext, flags: Int32) -> (Int32, Bool) {
        var context = context
        let cgroupFD = context.cgroup.unifiedDirectory.map { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } ?? -1
        defer { if cgroupFD >= 0 { close(cgroupFD) } }
        if cgroupFD >= 0 {
            context.clonedIntoCgroup = true
            let pid = srun_clone3(UInt64(UInt32(bitPattern: flags)), cgroupFD, nil)
            if pid == 0 { InitProcess.main(context) }
            if pid > 0 || (errno != EINVAL && errno != E2BIG && errno != ENOSYS) { return (pid, true) }
            context.clonedIntoCgroup = false
        }
        var pid = srun_clone3(UInt64(UInt32(bitPattern: flags)), -1, nil)
        if pid == 0 { InitProcess.main(context) }
        if pid < 0 && errno == ENOSYS {
            pid = srun_clone_fork(UInt(UInt32(bitPattern: flags)))
            if pid == 0 { InitProcess.main(context) }
        }
        return (pid, false)
    }

    /// timens_offsets lines: "monotonic SECS NANOSECS".
    private static func timeOffsets(_ linux: Linux) -> String {
        linux.timeOffsets.sorted { $0.key < $1.key }.map { clock, offset in
            "\(clock) \(offset.secs ?? 0) \(offset.nanosecs ?? 0)\n"
        }.joined()
    }

    private static func writeIDMaps(pid: Int32, linux: Linux) throws {
        func format(_ mappings: [IDMapping]) -> String {
            mappings.map { "\($0.containerID) \($0.hostID) \($0.size)\n" }.joined()
        }
        try writeExisting("/proc/\(pid)/uid_map", format(linux.uidMappings))
        try writeExisting("/proc/\(pid)/gid_map", format(linux.gidMappings))
    }

    private static func expect(_ word: String, from channel: MessageChannel) throws {
        let message = try channel.receive()
        if message == word { return }
        if message.hasPrefix(InitProtocol.errorPrefix) {
            throw InitError(description: String(message.dropFirst(InitProtocol.errorPrefix.count)))
        }
        throw InitError(description: message.isEmpty ? "container init exited during setup" : "unexpected message from init: \(message)")
    }
}

/// The container lifecycle of runtime.md: create, start, state, kill, delete.
public enum Lifecycle {}
