#if canImport(Glibc)
import Glibc
#endif

extension Processes {
    /// Runs `args[0]` (found on the PATH) with srun's environment, waits for it, and returns
    /// how it ended with what it wrote to stdout and stderr.
    public static func output(of args: [String]) throws(SystemError) -> (ExitStatus, String) {
        var ends: [Int32] = [0, 0]
        try check("pipe") { pipe(&ends) }
        // srun is single-threaded: no other thread can fork between these calls.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 2)
        var pid: pid_t = 0
        let result = withCStrings(args) { argv in posix_spawnp(&pid, args[0], &actions, nil, argv, environ) }
        close(ends[1])
        let reader = FileDescriptor(raw: ends[0])
        guard result == 0 else { throw SystemError("posix_spawnp", path: args[0], errno: result) }
        let text = (try? reader.readAll(path: args[0])) ?? []
        return (try wait(pid), String(decoding: text, as: UTF8.self))
    }
}

extension Clock {
    /// Milliseconds on a clock that only goes forward, for intervals.
    public static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
