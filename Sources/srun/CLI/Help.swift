import OCI
import Runtime

enum Help {
    static var main: String {
        var text = """
        srun \(Version.srun): an OCI container runtime (runtime-spec \(ociSpecVersion)), called as runc is.

        usage: srun [global options] <command> [command options] [arguments...]

        commands:

        """
        for command in CommandTable.all {
            text += "   " + pad(command.name, 12) + command.summary + "\n"
        }
        text += "\nglobal options:\n" + describe(GlobalOptions.flags + [.bool("help", "h", help: "show help")])
        return text
    }

    static func command(_ command: Command) -> String {
        var text = "srun \(command.name): \(command.summary)\n\nusage: srun \(command.name) \(command.usage)\n"
        if !command.flags.isEmpty {
            text += "\noptions:\n" + describe(command.flags)
        }
        return text
    }

    private static func describe(_ flags: [Flag]) -> String {
        var text = ""
        for flag in flags {
            var names = flag.names.map { $0.count == 1 ? "-" + $0 : "--" + $0 }.joined(separator: ", ")
            switch flag.kind {
            case .bool: break
            case .value(let placeholder), .list(let placeholder): names += " " + placeholder
            case .optionalChoice(let choices): names += " [" + choices.joined(separator: "|") + "]"
            }
            text += "   " + pad(names, 34) + flag.help + "\n"
        }
        return text
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
