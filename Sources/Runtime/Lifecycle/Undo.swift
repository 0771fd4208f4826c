/// Cleanup steps registered as a container is built, run newest first when a later step
/// fails, so a failed create leaves nothing behind.
final class Undo {
    private var steps: [() -> Void] = []

    func add(_ step: @escaping () -> Void) { steps.append(step) }

    func run() {
        while let step = steps.popLast() { step() }
    }

    /// The container was built: nothing to undo any more.
    func cancel() { steps.removeAll() }
}
