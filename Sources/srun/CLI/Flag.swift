import ASCIIText
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
    /// In command-line order. A list rather than a dictionary: a command line has a handful
    /// of flags, and the first dictionary would page in stdlib code srun needs nowhere else.
    private(set) var values: [(name: String, value: String)] = []

    mutating func add(_ flag: Flag, _ value: String) {
        values.append((flag.primaryName, value))
    }

    /// A boolean flag; its last occurrence wins, as in Go.
    func bool(_ name: String) -> Bool { string(name) == "true" }

    func string(_ name: String) -> String? { values.last { $0.name == name }?.value }

    func list(_ name: String) -> [String] { values.filter { $0.name == name }.map { $0.value } }

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
            guard argument.hasBytePrefix("-"), argument != "-" else {
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
        // On the UTF-8 view: Character indexing runs grapheme breaking, in stdlib code
        // that nothing else of srun pages in.
        let bytes = argument.utf8
        let dashes = argument.hasBytePrefix("--") ? 2 : 1
        let body = bytes.index(bytes.startIndex, offsetBy: dashes)
        guard let equals = bytes[body...].firstIndex(of: UInt8(ascii: "=")) else {
            return (String(decoding: bytes[body...], as: UTF8.self), nil)
        }
        return (String(decoding: bytes[body..<equals], as: UTF8.self),
                String(decoding: bytes[bytes.index(after: equals)...], as: UTF8.self))
    }
}
