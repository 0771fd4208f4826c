extension Resources {
    func validate(at path: JSONPath) throws(ConfigError) {
        for (i, rule) in devices.enumerated() {
            if let access = rule.access, !access.allSatisfy({ "rwm".contains($0) }) {
                throw ConfigError(path.key("devices").index(i).key("access"), "expected letters of \"rwm\", got \(quote(access))")
            }
        }
        if let memory, let limit = memory.limit, let swap = memory.swap, limit > 0, swap > 0, swap < limit {
            throw ConfigError(path.key("memory").key("swap"), "memory+swap limit \(swap) is below the memory limit \(limit)")
        }
        if let swappiness = memory?.swappiness {
            try require(swappiness, in: 0...100, at: path.key("memory").key("swappiness"))
        }
        for (i, device) in (blockIO?.weightDevice ?? []).enumerated() where device.weight == nil && device.leafWeight == nil {
            throw ConfigError(path.key("blockIO").key("weightDevice").index(i), "at least one of weight and leafWeight is required")
        }
        for (name, limit) in rdma.sorted(by: { $0.key < $1.key }) where limit.hcaHandles == nil && limit.hcaObjects == nil {
            throw ConfigError(path.key("rdma").entry(name), "at least one of hcaHandles and hcaObjects is required")
        }
        if let cpus = cpu?.cpus, !cpus.isEmpty { try CPUList.validate(cpus, at: path.key("cpu").key("cpus")) }
        if let mems = cpu?.mems, !mems.isEmpty { try CPUList.validate(mems, at: path.key("cpu").key("mems")) }
        for (i, limit) in hugepageLimits.enumerated() {
            try validatePageSize(limit.pageSize, at: path.key("hugepageLimits").index(i).key("pageSize"))
        }
        for file in unified.keys.sorted() {
            try requireFileName(file, at: path.key("unified").entry(file))
        }
        for device in rdma.keys.sorted() {
            try requireFileName(device, at: path.key("rdma").entry(device))
        }
    }

    /// `<number><unit>B` as the hugetlb controller names its files: 2MB, 1GB, 64KB.
    private func validatePageSize(_ size: String, at path: JSONPath) throws(ConfigError) {
        let digits = size.prefix(while: { $0.isASCIIDigit })
        let unit = size.dropFirst(digits.count)
        guard !digits.isEmpty, ["KB", "MB", "GB", "TB", "PB"].contains(String(unit)) else {
            throw ConfigError(path, "expected a size such as \"2MB\", got \(quote(size))")
        }
    }
}

extension Seccomp {
    func validate(at path: JSONPath) throws(ConfigError) {
        if defaultAction == .notify {
            throw ConfigError(path.key("defaultAction"), "SCMP_ACT_NOTIFY cannot be the default action")
        }
        for (i, rule) in syscalls.enumerated() {
            let at = path.key("syscalls").index(i)
            guard !rule.names.isEmpty else { throw ConfigError(at.key("names"), "at least one name is required") }
            if rule.action == .notify, listenerPath?.isEmpty ?? true {
                throw ConfigError(at.key("action"), "SCMP_ACT_NOTIFY needs linux.seccomp.listenerPath")
            }
            if rule.errnoRet != nil, rule.action != .errno, rule.action != .trace {
                throw ConfigError(at.key("errnoRet"), "only SCMP_ACT_ERRNO and SCMP_ACT_TRACE take an errno, not \(rule.action.rawValue)")
            }
            for (j, arg) in rule.args.enumerated() {
                try require(arg.index, in: 0...5, at: at.key("args").index(j).key("index"))
            }
        }
        if defaultErrnoRet != nil, defaultAction != .errno, defaultAction != .trace {
            throw ConfigError(path.key("defaultErrnoRet"), "only SCMP_ACT_ERRNO and SCMP_ACT_TRACE take an errno, not \(defaultAction.rawValue)")
        }
        if listenerMetadata != nil, listenerPath?.isEmpty ?? true {
            throw ConfigError(path.key("listenerMetadata"), "needs linux.seccomp.listenerPath")
        }
        if let listenerPath, !listenerPath.isEmpty {
            try requireAbsolute(listenerPath, at: path.key("listenerPath"))
        }
    }
}
