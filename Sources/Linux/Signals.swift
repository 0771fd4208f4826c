#if canImport(Glibc)
import Glibc
#endif
import ASCIIText

/// Signal names as `kill` accepts them: `TERM`, `SIGTERM`, `15`.
public enum Signals {
    public static let names: [(String, Int32)] = [
        ("HUP", SIGHUP), ("INT", SIGINT), ("QUIT", SIGQUIT), ("ILL", SIGILL), ("TRAP", SIGTRAP),
        ("ABRT", SIGABRT), ("IOT", SIGIOT), ("BUS", SIGBUS), ("FPE", SIGFPE), ("KILL", SIGKILL),
        ("USR1", SIGUSR1), ("SEGV", SIGSEGV), ("USR2", SIGUSR2), ("PIPE", SIGPIPE), ("ALRM", SIGALRM),
        ("TERM", SIGTERM), ("STKFLT", SIGSTKFLT), ("CHLD", SIGCHLD), ("CONT", SIGCONT), ("STOP", SIGSTOP),
        ("TSTP", SIGTSTP), ("TTIN", SIGTTIN), ("TTOU", SIGTTOU), ("URG", SIGURG), ("XCPU", SIGXCPU),
        ("XFSZ", SIGXFSZ), ("VTALRM", SIGVTALRM), ("PROF", SIGPROF), ("WINCH", SIGWINCH), ("IO", SIGIO),
        ("POLL", SIGPOLL), ("PWR", SIGPWR), ("SYS", SIGSYS),
    ]

    /// The signal number for a name or number; nil when it names no signal.
    public static func parse(_ text: String) -> Int32? {
        if let number = Int32(text) {
            return (1...64).contains(number) ? number : nil
        }
        var name = text.uppercased()
        if name.hasBytePrefix("SIG") { name.removeFirst(3) }
        if let found = names.first(where: { $0.0 == name }) { return found.1 }
        let base = SIGRTMIN_VALUE
        if name.hasBytePrefix("RTMIN+"), let n = Int32(name.dropFirst(6)), base + n <= 64 { return base + n }
        if name.hasBytePrefix("RTMAX-"), let n = Int32(name.dropFirst(6)), 64 - n >= base { return 64 - n }
        if name == "RTMIN" { return base }
        if name == "RTMAX" { return 64 }
        return nil
    }

    /// glibc reserves two real-time signals for itself; SIGRTMIN is 34 for programs.
    static let SIGRTMIN_VALUE: Int32 = 34
}
