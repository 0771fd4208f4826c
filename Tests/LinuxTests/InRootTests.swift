#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Linux

/// Paths resolved in a root never leave it: the checks run in a scratch directory and look
/// at where things were made.
@Suite struct InRootTests {
    let base = "/tmp/srun-inroot-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

    init() throws {
        try Linux.makeDirectories(base + "/root/etc")
    }

    func cleanUp() { removeTree(base) }

    @Test func absoluteSymlinksResolveInsideTheRoot() throws {
        defer { cleanUp() }
        symlink(base + "/outside", base + "/root/evil")
        let root = try InRoot(base + "/root")
        _ = try root.makeDirectories("/evil/sub")
        #expect(!fileExists(base + "/outside"))
        #expect(isDirectory(base + "/root" + base + "/outside/sub"))
    }

    @Test func dotDotCannotClimbOut() throws {
        defer { cleanUp() }
        symlink("../../../../../../../../..\(base)/up", base + "/root/up")
        let root = try InRoot(base + "/root")
        _ = try root.makeDirectories("up/x")
        _ = try root.makeDirectories("/../../../../escape")
        #expect(!fileExists(base + "/up") && !fileExists(base + "/escape"))
        #expect(isDirectory(base + "/root/escape"))
    }

    @Test func filesBehindSymlinksAreMadeInside() throws {
        defer { cleanUp() }
        symlink(base + "/file", base + "/root/etc/link")
        let root = try InRoot(base + "/root")
        _ = try root.makeFile("/etc/link")
        #expect(!fileExists(base + "/file"))
        #expect(fileExists(base + "/root" + base + "/file"))
    }

    @Test func aFileInTheWayIsAnError() throws {
        defer { cleanUp() }
        try Files.create(base + "/root/etc/plain", "x")
        let root = try InRoot(base + "/root")
        let error = #expect(throws: SystemError.self) { _ = try root.makeDirectories("/etc/plain/sub") }
        #expect(error?.errno == ENOTDIR)
    }

    @Test func symlinkLoopsEnd() throws {
        defer { cleanUp() }
        symlink("b", base + "/root/a")
        symlink("a", base + "/root/b")
        let root = try InRoot(base + "/root")
        #expect(throws: SystemError.self) { _ = try root.makeDirectories("/a/x") }
    }
}
