#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Linux

@Suite struct ExitStatusTests {
    @Test func decodesWaitStatusWords() {
        #expect(ExitStatus(waitStatus: 3 << 8) == .exited(3))
        #expect(ExitStatus(waitStatus: 0) == .exited(0))
        #expect(ExitStatus(waitStatus: 9) == .signaled(9))
        #expect(ExitStatus(waitStatus: 0x137f) == .other(0x137f))
    }

    @Test func followsTheShellConvention() {
        #expect(ExitStatus.exited(2).shellCode == 2)
        #expect(ExitStatus.signaled(15).shellCode == 143)
    }
}

@Suite struct SystemErrorTests {
    @Test func namesCallPathAndReason() {
        #expect(SystemError("open", path: "/x/config.json", errno: 2).description == "open /x/config.json: No such file or directory")
        #expect(SystemError("getcwd", errno: 13).description == "getcwd: Permission denied")
    }

    @Test func readsAndRefusesToOverwrite() throws {
        let path = "/tmp/srun-unit-\(getpid())"
        defer { unlink(path) }
        try Files.create(path, "one")
        #expect(try Files.read(path) == Array("one".utf8))
        let error = #expect(throws: SystemError.self) { try Files.create(path, "two") }
        #expect(error?.errno == EEXIST)
        try Files.append(path, "+")
        #expect(try Files.read(path) == Array("one+".utf8))
    }
}
