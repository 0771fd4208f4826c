#if canImport(Glibc)
import Glibc
#endif
import ASCIIText
import CShim
import Linux
import OCI

/// The process attributes set after pivot_root, in the spec's order: names, sysctls,
/// oom score, rlimits, user, working directory, no_new_privs.
struct ProcessSetup {
    let c: InitContext

    init(_ c: InitContext) { self.c = c }

    /// Before the read-only remounts of finish(): /proc/sys is one of them by default.
    /// procfs is written only through `proc`, so no mount in the container can fake it.
    func configureKernel(_ proc: ProcFSHandle) throws {
        if let hostname = c.spec.hostname {
            try check("sethostname") { sethostname(hostname, hostname.utf8.count) }
        }
        if let domainname = c.spec.domainname {
            try check("setdomainname") { setdomainname(domainname, domainname.utf8.count) }
        }
        for (key, value) in c.linux.sysctl.sorted(by: { $0.key < $1.key }) {
            try proc.write("sys/" + key.replacingDots(), value)
        }
        if let score = c.process.oomScoreAdj {
            try proc.write("self/oom_score_adj", String(score))
        }
        for limit in c.process.rlimits {
            var value = rlimit(rlim_cur: rlim_t(limit.soft), rlim_max: rlim_t(limit.hard))
            guard setrlimit(__rlimit_resource_t(UInt32(limit.type.resource)), &value) == 0 else {
                throw SystemError.last("setrlimit", path: limit.type.rawValue)
            }
        }
    }

    func switchUser() throws {
        let user = c.process.user
        var groups = user.additionalGids.map { gid_t($0) }
        try check("setgroups") { setgroups(groups.count, &groups) }
        try check("setresgid", path: "gid \(user.gid)") { srun_setresgid(user.gid) }
        try check("setresuid", path: "uid \(user.uid)") { srun_setresuid(user.uid) }
        if let mask = user.umask { umask(mode_t(mask)) }
    }

    /// The config's env, plus what srun passes through (LISTEN_FDS), plus HOME when unset.
    func environment() -> [String] {
        var env = c.process.env + c.extraEnvironment
        if !env.contains(where: { $0.hasBytePrefix("HOME=") }) {
            env.append("HOME=" + home(of: c.process.user.uid))
        }
        return env
    }

    /// From the container's own /etc/passwd: a static srun has no NSS.
    private func home(of uid: UInt32) -> String {
        guard let home = Users.entry(of: uid)?.home, !home.isEmpty else { return "/" }
        return home
    }

    /// The working directory must be inside the container's root (CVE-2024-21626: a leaked
    /// host directory fd as /proc/self/fd/N would put it outside); getcwd fails with ENOENT
    /// for a directory the root cannot reach.
    func enterWorkingDirectory() throws {
        try check("chdir", path: c.process.cwd) { chdir(c.process.cwd) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil, buffer[0] == CChar(UInt8(ascii: "/")) else {
            throw SystemError("getcwd", path: c.process.cwd + " (outside the container's root)", errno: errno == 0 ? ENOENT : errno)
        }
    }

    func restrictPrivileges() throws {
        if c.process.noNewPrivileges == true {
            try check("prctl(PR_SET_NO_NEW_PRIVS)") { Int32(srun_prctl(SRUN_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) }
        }
    }
}

extension String {
    /// `net.ipv4.ip_forward` -> `net/ipv4/ip_forward`.
    func replacingDots() -> String {
        String(map { $0 == "." ? "/" : $0 })
    }
}
