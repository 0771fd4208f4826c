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

@Suite struct ClockTests {
    @Test func formatsRFC3339InUTC() {
        #expect(Clock.rfc3339(seconds: 0, nanoseconds: 0) == "1970-01-01T00:00:00.000000000Z")
        #expect(Clock.rfc3339(seconds: 951_782_400, nanoseconds: 5) == "2000-02-29T00:00:00.000000005Z")
        #expect(Clock.rfc3339(seconds: 1_795_452_880, nanoseconds: 123_456_789) == "2026-11-23T16:54:40.123456789Z")
        #expect(Clock.rfc3339(seconds: -1, nanoseconds: 0) == "1969-12-31T23:59:59.000000000Z")
    }

    @Test func agreesWithGlibcForManyDays() {
        for day in stride(from: -800_000 as Int64, through: 800_000, by: 997) {
            var seconds = time_t(day * 86_400 + 3_723)
            var parts = tm()
            gmtime_r(&seconds, &parts)
            let (year, month, dayOfMonth) = Clock.civilDate(daysSinceEpoch: day)
            #expect(year == Int(parts.tm_year) + 1900 && month == Int(parts.tm_mon) + 1 && dayOfMonth == Int(parts.tm_mday))
        }
    }
}
