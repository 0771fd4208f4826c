/// Every runc subcommand, with runc's flags. Each `run` is one function in Commands/.
enum CommandTable {
    static let consoleSocket = Flag.value("console-socket", placeholder: "path", help: "unix socket that receives the pty master (SCM_RIGHTS)")
    static let pidFile = Flag.value("pid-file", placeholder: "path", help: "write the container process's pid to this file")
    static let bundle = Flag.value("bundle", "b", placeholder: "path", help: "bundle directory (default: current directory)")
    static let noPivot = Flag.bool("no-pivot", help: "do not use pivot_root (for a rootfs on a ramdisk)")
    static let noNewKeyring = Flag.bool("no-new-keyring", help: "do not create a new session keyring")
    static let preserveFds = Flag.value("preserve-fds", placeholder: "N", help: "pass N extra fds (from 3) to the container")
    static let detach = Flag.bool("detach", "d", help: "detach from the container's process")
    static let format = Flag.value("format", "f", placeholder: "table|json", help: "output format")
    static let criuCommon: [Flag] = [
        .value("image-path", placeholder: "path", help: "checkpoint image directory"),
        .value("work-path", placeholder: "path", help: "directory for criu logs and work files"),
        .bool("tcp-established", help: "allow open tcp connections"),
        .bool("ext-unix-sk", help: "allow external unix sockets"),
        .bool("shell-job", help: "allow shell jobs"),
        .bool("lazy-pages", help: "use userfaultfd to lazily restore memory pages"),
        .bool("file-locks", help: "handle file locks"),
        .value("manage-cgroups-mode", placeholder: "soft|full|strict|ignore", help: "cgroups mode"),
        .list("empty-ns", placeholder: "type", help: "create a namespace, but do not restore its properties"),
        .bool("auto-dedup", help: "enable auto deduplication of memory images"),
    ]

    static let all: [Command] = [
        Command(name: "checkpoint", summary: "checkpoint a running container", usage: "[command options] <container-id>",
                arity: .id, flags: criuCommon + [
                    .value("parent-path", placeholder: "path", help: "path for previous criu image files in pre-dump"),
                    .bool("leave-running", help: "leave the process running after checkpointing"),
                    .value("status-fd", placeholder: "fd", help: "criu writes \\0 to this fd once lazy-pages is ready"),
                    .value("page-server", placeholder: "address:port", help: "address of the page server"),
                    .bool("pre-dump", help: "dump the container's memory without stopping it"),
                ], run: Commands.notImplemented("checkpoint")),
        Command(name: "create", summary: "create a container", usage: "[command options] <container-id>",
                arity: .id, flags: [bundle, consoleSocket, pidFile, noPivot, noNewKeyring, preserveFds],
                run: Commands.create),
        Command(name: "delete", summary: "delete a container and the resources it holds", usage: "[command options] <container-id>",
                arity: .id, flags: [.bool("force", "f", help: "kill the container first if it is running")],
                run: Commands.delete),
        Command(name: "events", summary: "display container events such as OOM notifications, cpu, memory and IO usage statistics",
                usage: "[command options] <container-id>", arity: .id, flags: [
                    .value("interval", placeholder: "duration", help: "interval between stats (default: 5s)"),
                    .bool("stats", help: "print the container's stats once and exit"),
                ], run: Commands.events),
        Command(name: "exec", summary: "execute a new process inside the container",
                usage: "[command options] <container-id> <command> [command options]  ||  -p process.json <container-id>",
                arity: .idThen(min: 0, max: nil), flags: [
                    consoleSocket,
                    .value("cwd", placeholder: "path", help: "working directory in the container"),
                    .list("env", "e", placeholder: "KEY=value", help: "set an environment variable"),
                    .bool("tty", "t", help: "allocate a pseudo-TTY"),
                    .value("user", "u", placeholder: "uid[:gid]", help: "user and group to run as"),
                    .list("additional-gids", "g", placeholder: "gid", help: "additional group"),
                    .value("process", "p", placeholder: "path", help: "process.json with the process to run"),
                    detach, pidFile,
                    .value("process-label", placeholder: "label", help: "SELinux label of the process"),
                    .value("apparmor", placeholder: "profile", help: "AppArmor profile of the process"),
                    .bool("no-new-privs", help: "set no_new_privs for the process"),
                    .list("cap", "c", placeholder: "CAP_NAME", help: "add a capability to the process"),
                    preserveFds,
                    .list("cgroup", placeholder: "[controller:]path", help: "run in this sub-cgroup of the container"),
                    .bool("ignore-paused", help: "allow exec in a paused container"),
                ], run: Commands.notImplemented("exec")),
        Command(name: "features", summary: "show the features this runtime implements", usage: "",
                arity: .none, flags: [], run: Commands.features),
        Command(name: "kill", summary: "send a signal to the container's init process (default: SIGTERM)",
                usage: "[command options] <container-id> [signal]", arity: .idThen(min: 0, max: 1),
                flags: [.bool("all", "a", help: "send the signal to every process of the container")],
                run: Commands.kill),
        Command(name: "list", summary: "list the containers under the root", usage: "[command options]",
                arity: .none, flags: [format, .bool("quiet", "q", help: "print only the container ids")],
                run: Commands.list),
        Command(name: "pause", summary: "suspend every process of the container", usage: "<container-id>",
                arity: .id, flags: [], run: Commands.pause),
        Command(name: "ps", summary: "show the processes running inside the container",
                usage: "[command options] <container-id> [ps options]", arity: .idThen(min: 0, max: nil),
                flags: [format], run: Commands.ps),
        Command(name: "restore", summary: "restore a container from a checkpoint", usage: "[command options] <container-id>",
                arity: .id, flags: criuCommon + [
                    consoleSocket, bundle, detach, pidFile, noPivot,
                    .bool("no-subreaper", help: "do not make srun a subreaper of the process"),
                    .value("lsm-profile", placeholder: "type:label", help: "LSM profile for the restored process"),
                    .value("lsm-mount-context", placeholder: "context", help: "SELinux mount context"),
                ], run: Commands.notImplemented("restore")),
        Command(name: "resume", summary: "resume every process of a paused container", usage: "<container-id>",
                arity: .id, flags: [], run: Commands.resume),
        Command(name: "run", summary: "create and start a container", usage: "[command options] <container-id>",
                arity: .id, flags: [
                    bundle, consoleSocket, detach,
                    .bool("keep", help: "keep the container after it exits"),
                    pidFile,
                    .bool("no-subreaper", help: "do not make srun a subreaper of the process"),
                    noPivot, noNewKeyring, preserveFds,
                ], run: Commands.run),
        Command(name: "spec", summary: "create a new specification file", usage: "[command options]",
                arity: .none, flags: [bundle, .bool("rootless", help: "a spec for a rootless container")],
                run: Commands.spec),
        Command(name: "start", summary: "start the user process of a created container", usage: "<container-id>",
                arity: .id, flags: [], run: Commands.start),
        Command(name: "state", summary: "print the state of a container", usage: "<container-id>",
                arity: .id, flags: [], run: Commands.state),
        Command(name: "update", summary: "update the container's resource limits", usage: "[command options] <container-id>",
                arity: .id, flags: [
                    .value("resources", "r", placeholder: "path", help: "JSON of linux.resources to apply; - reads stdin"),
                    .value("blkio-weight", help: "block IO weight, 10 to 1000"),
                    .value("cpu-period", help: "CPU CFS period in microseconds"),
                    .value("cpu-quota", help: "CPU CFS quota in microseconds"),
                    .value("cpu-share", "cpu-shares", help: "CPU shares (relative weight)"),
                    .value("cpu-rt-period", help: "CPU realtime period in microseconds"),
                    .value("cpu-rt-runtime", help: "CPU realtime runtime in microseconds"),
                    .value("cpuset-cpus", help: "CPUs to use"),
                    .value("cpuset-mems", help: "memory nodes to use"),
                    .value("kernel-memory", help: "kernel memory limit (kernels since 5.16 ignore it)"),
                    .value("kernel-memory-tcp", help: "kernel TCP memory limit"),
                    .value("memory", help: "memory limit in bytes"),
                    .value("memory-reservation", help: "memory soft limit in bytes"),
                    .value("memory-swap", help: "memory plus swap limit in bytes"),
                    .value("pids-limit", help: "maximum number of pids"),
                    .value("l3-cache-schema", help: "Intel RDT L3 cache schema"),
                    .value("mem-bw-schema", help: "Intel RDT memory bandwidth schema"),
                ], run: Commands.update),
    ]

    static func find(_ name: String) -> Command? {
        all.first { $0.name == name }
    }
}
