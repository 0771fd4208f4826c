/// One function per subcommand; CommandTable says which flags each one gets.
enum Commands {
    /// A runc command that a later part of the work implements.
    static func notImplemented(_ name: String) -> @Sendable (Invocation) throws -> Int32 {
        { _ in throw NotImplemented(command: name) }
    }
}
