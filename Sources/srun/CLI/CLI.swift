import Linux
import Runtime

/// Reads the command line as runc does and runs one command. Returns the exit status.
enum CLI {
    static func main(_ arguments: [String]) -> Int32 {
        var logger = Logger()
        do {
            let (global, version, help, rest) = try GlobalOptions.parse(arguments.dropFirst())
            logger = global.logger
            if version {
                Output.stdout(Version.text)
                return 0
            }
            guard let name = rest.first else {
                // Bare `srun` is a usage error; `srun --help` is not.
                if help { Output.stdout(Help.main); return 0 }
                Output.stderr(Help.main)
                return 1
            }
            // `srun help [COMMAND]`, as runc has it.
            if name == "help" {
                guard rest.count > 1 else { Output.stdout(Help.main); return 0 }
                guard let command = CommandTable.find(rest[1]) else {
                    throw UsageError("no help for unknown command \"\(rest[1])\"")
                }
                Output.stdout(Help.command(command))
                return 0
            }
            guard let command = CommandTable.find(name) else {
                throw UsageError("unknown command \"\(name)\"; see srun --help")
            }
            let (flags, positional, wantsHelp) = try command.parser.parse(rest.dropFirst())
            if wantsHelp || help {
                Output.stdout(Help.command(command))
                return 0
            }
            let id = try command.check(positional)
            logger.debug("\(name): \(rest.dropFirst().joined(separator: " "))")
            return try command.run(Invocation(global: global, flags: flags, positional: positional, id: id))
        } catch {
            logger.error(String(describing: error))
            return 1
        }
    }
}
