import Runtime

/// One command-line flag. Names are given without dashes; like runc (Go's flag package)
/// srun accepts `-name` and `--name`, and `--name=value` or `--name value`.
struct Flag: Sendable {
    enum Kind: Sendable {
        case bool
        case value(String)
        /// May be repeated; every occurrence is kept.
        case list(String)
        /// Takes the next argument only when it is one of these; alone it means the first.
        case optionalChoice([String])
    }

    let names: [String]
    let kind: Kind
    let help: String

    static func bool(_ names: String..., help: String) -> Flag { Flag(names: names, kind: .bool, help: help) }
    static func value(_ names: String..., placeholder: String = "value", help: String) -> Flag {
        Flag(names: names, kind: .value(placeholder), help: help)
    }
    static func list(_ names: String..., placeholder: String = "value", help: String) -> Flag {
        Flag(names: names, kind: .list(placeholder), help: help)
    }

    var primaryName: String { names[0] }
}

/// The flags given on a command line, by primary name.
struct ParsedFlags: Sendable {
    private(set) var values: [String: [String]] = [:]

    mutating func add(_ flag: Flag, _ value: String) {
        values[flag.primaryName, default: []].append(value)
    }

    /// A boolean flag; its last occurrence wins, as in Go.
    func bool(_ name: String) -> Bool { values[name]?.last == "true" }

    func string(_ name: String) -> String? { values[name]?.last }

    func list(_ name: String) -> [String] { values[name] ?? [] }

    func nonNegativeInt(_ name: String) throws(UsageError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw UsageError("--\(name): expected a non-negative integer, got \"\(text)\"")
        }
        return value
    }

    func choice(_ name: String, _ allowed: [String]) throws(UsageError) -> String? {
        guard let text = string(name) else { return nil }
        guard allowed.contains(text) else {
            throw UsageError("--\(name): expected \(allowed.joined(separator: " or ")), got \"\(text)\"")
        }
        return text
    }
}

/// Reads flags and positional arguments off a command line.
struct FlagParser {
    let flags: [Flag]
    /// After this many positional arguments the rest is passed through untouched
    /// (`exec ID cmd --its-own-flag`); nil reads flags anywhere before `--`.
    let flagsEndAfterPositional: Int?

    func parse(_ arguments: ArraySlice<String>) throws(UsageError) -> (flags: ParsedFlags, positional: [String], help: Bool) {
        var parsed = ParsedFlags()
        var positional: [String] = []
        var rest = arguments
        var help = false
        while let argument = rest.popFirst() {
            if let limit = flagsEndAfterPositional, positional.count >= limit {
                positional.append(argument)
                positional.append(contentsOf: rest)
                break
            }
            if argument == "--" {
                positional.append(contentsOf: rest)
                break
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                positional.append(argument)
                continue
            }
            let (name, inline) = FlagParser.split(argument)
            if name == "help" || name == "h" {
                help = true
                continue
            }
            guard let flag = flags.first(where: { $0.names.contains(name) }) else {
                throw UsageError("unknown flag \(FlagParser.spelled(argument))")
            }
            switch flag.kind {
            case .bool:
                guard let inline else { parsed.add(flag, "true"); continue }
                guard inline == "true" || inline == "false" else {
                    throw UsageError("flag \(FlagParser.spelled(argument)): expected true or false, got \"\(inline)\"")
                }
                parsed.add(flag, inline)
            case .optionalChoice(let choices):
                if let inline {
                    parsed.add(flag, inline)
                } else if let next = rest.first, choices.contains(next) {
                    parsed.add(flag, next)
                    rest = rest.dropFirst()
                } else {
                    parsed.add(flag, choices[0])
                }
            case .value, .list:
                if let inline {
                    parsed.add(flag, inline)
                } else if let next = rest.popFirst() {
                    parsed.add(flag, next)
                } else {
                    throw UsageError("flag \(argument) needs a value")
                }
            }
        }
        return (parsed, positional, help)
    }

    /// The flag as the user wrote it, without any `=value`.
    static func spelled(_ argument: String) -> String {
        String(argument.prefix(while: { $0 != "=" }))
    }

    /// `--name=value` into its parts; one or two leading dashes.
    static func split(_ argument: String) -> (name: String, value: String?) {
        let body = argument.hasPrefix("--") ? argument.dropFirst(2) : argument.dropFirst()
        guard let equals = body.firstIndex(of: "=") else { return (String(body), nil) }
        return (String(body[..<equals]), String(body[body.index(after: equals)...]))
    }
}
