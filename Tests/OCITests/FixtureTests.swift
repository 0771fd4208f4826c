import Foundation
import Testing
@testable import OCI

/// spec-fixtures/valid/NAME.json must load, validate and survive an encode/decode round
/// trip; spec-fixtures/invalid/NAME.json must fail with exactly the text of NAME.error.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("spec-fixtures")

    static func names(_ kind: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(kind).path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func bytes(_ kind: String, _ name: String, _ ext: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(kind).appendingPathComponent(name + ext)))
    }

    static func load(_ bytes: [UInt8]) throws(ConfigError) -> Spec {
        let spec = try Spec.decode(bytes)
        try spec.validate()
        return spec
    }
}

@Suite struct FixtureTests {
    @Test func thereAreEnoughFixtures() {
        #expect(Fixtures.names("valid").count >= 10)
        #expect(Fixtures.names("invalid").count >= 20)
    }

    @Test(arguments: Fixtures.names("valid"))
    func validFixtureLoadsAndRoundTrips(_ name: String) throws {
        let spec = try Fixtures.load(try Fixtures.bytes("valid", name, ".json"))
        let again = try Fixtures.load(Array(spec.indentedJSON.utf8))
        #expect(again == spec)
        #expect(try Spec.decode(spec.compactJSON) == spec)
    }

    @Test(arguments: Fixtures.names("invalid"))
    func invalidFixtureGivesItsError(_ name: String) throws {
        let expected = String(decoding: try Fixtures.bytes("invalid", name, ".error"), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = try Fixtures.bytes("invalid", name, ".json")
        let error = #expect(throws: ConfigError.self) { _ = try Fixtures.load(bytes) }
        #expect(error?.description == expected)
    }
}
