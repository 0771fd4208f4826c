extension Process {
    func validate(at path: JSONPath) throws(ConfigError) {
        guard !args.isEmpty else { throw ConfigError(path.key("args"), "at least one argument is required") }
        try requireAbsolute(cwd, at: path.key("cwd"))
        for (i, variable) in env.enumerated() {
            try validateEnvironmentEntry(variable, at: path.key("env").index(i))
        }
        try validateRlimits(at: path.key("rlimits"))
        if let oomScoreAdj { try require(oomScoreAdj, in: -1000...1000, at: path.key("oomScoreAdj")) }
        if let ioPriority { try require(ioPriority.priority, in: 0...7, at: path.key("ioPriority").key("priority")) }
        if let nice = scheduler?.nice { try require(nice, in: -20...19, at: path.key("scheduler").key("nice")) }
        if let umask = user.umask { try require(umask, in: 0...0o777, at: path.key("user").key("umask")) }
        if let affinity = execCPUAffinity {
            let at = path.key("execCPUAffinity")
            if let initial = affinity.initial { try CPUList.validate(initial, at: at.key("initial")) }
            if let final = affinity.final { try CPUList.validate(final, at: at.key("final")) }
        }
    }

    private func validateRlimits(at path: JSONPath) throws(ConfigError) {
        // A handful: a list is cheaper than a Set's first use.
        var seen: [RlimitType] = []
        for (i, rlimit) in rlimits.enumerated() {
            guard !seen.contains(rlimit.type) else {
                throw ConfigError(path.index(i).key("type"), "duplicate rlimit type \(quote(rlimit.type.rawValue))")
            }
            seen.append(rlimit.type)
            guard rlimit.soft <= rlimit.hard else {
                throw ConfigError(path.index(i), "soft limit \(rlimit.soft) exceeds hard limit \(rlimit.hard)")
            }
        }
    }
}

/// `KEY=value` with a non-empty key and no NUL, as execve needs (runc refuses the same).
func validateEnvironmentEntry(_ entry: String, at path: JSONPath) throws(ConfigError) {
    guard !entry.contains("\0") else { throw ConfigError(path, "must not contain a NUL byte, got \(quote(entry))") }
    guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
        throw ConfigError(path, "expected KEY=value, got \(quote(entry))")
    }
}

extension Hooks {
    func validate(at path: JSONPath) throws(ConfigError) {
        for kind in Hooks.kinds {
            for (i, hook) in self[keyPath: kind.hooks].enumerated() {
                let at = path.key(kind.name).index(i)
                try requireAbsolute(hook.path, at: at.key("path"))
                if let timeout = hook.timeout, timeout <= 0 {
                    throw ConfigError(at.key("timeout"), "must be greater than zero, got \(timeout)")
                }
                for (j, variable) in hook.env.enumerated() {
                    try validateEnvironmentEntry(variable, at: at.key("env").index(j))
                }
            }
        }
    }
}

/// The kernel's list syntax for CPUs and memory nodes: `0-3,8,10-11`.
enum CPUList {
    static func validate(_ list: String, at path: JSONPath) throws(ConfigError) {
        let valid = !list.isEmpty && list.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { item in
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let low = Int(bounds[0]), low >= 0 else { return false }
            guard bounds.count == 2 else { return true }
            guard let high = Int(bounds[1]) else { return false }
            return high >= low
        }
        guard valid else { throw ConfigError(path, "expected a list such as \"0-3,7\", got \(quote(list))") }
    }
}
