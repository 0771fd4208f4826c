import Runtime

/// How many positional arguments a command takes.
enum Arity {
    /// None at all: `spec`, `list`, `features`.
    case none
    /// Exactly a container id.
    case id
    /// A container id, then between `min` and `max` more (`kill ID [SIGNAL]`);
    /// max nil passes the rest through untouched (`exec ID cmd...`).
    case idThen(min: Int, max: Int?)
}

/// A subcommand: its runc-compatible flags and the function that carries it out.
struct Command: Sendable {
    let name: String
    let summary: String
    let usage: String
    let arity: Arity
    let flags: [Flag]
    let run: @Sendable (Invocation) throws -> Int32

    var parser: FlagParser {
        if case .idThen(_, nil) = arity { return FlagParser(flags: flags, flagsEndAfterPositional: 1) }
        return FlagParser(flags: flags, flagsEndAfterPositional: nil)
    }

    /// Checks the positional arguments' count and the container id.
    func check(_ positional: [String]) throws(UsageError) -> ContainerID? {
        switch arity {
        case .none:
            guard positional.isEmpty else {
                throw UsageError("\(name): takes no arguments, got \"\(positional[0])\"")
            }
            return nil
        case .id:
            guard positional.count == 1 else {
                throw UsageError("\(name): requires exactly 1 argument (the container id), got \(positional.count)")
            }
        case .idThen(let min, let max):
            guard positional.count >= 1 + min, max.map({ positional.count <= 1 + $0 }) ?? true else {
                throw UsageError("\(name): usage: srun \(name) \(usage)")
            }
        }
        return try ContainerID(positional[0])
    }
}

/// Everything a command needs to run: global options and its own parsed command line.
struct Invocation: Sendable {
    let global: GlobalOptions
    let flags: ParsedFlags
    let positional: [String]
    let id: ContainerID?

    var log: Logger { global.logger }

    var store: StateStore { StateStore(root: (try? Paths.absolute(global.root)) ?? global.root) }

    /// The container id; only commands with an id in their arity ask for it.
    var containerID: ContainerID { id! }
}

/// A command that a later part of the work implements.
struct NotImplemented: Error, CustomStringConvertible {
    let command: String
    var description: String { "\(command): not implemented yet" }
}
