import Testing
@testable import OCI

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(#"{"a":[1,-2.5e3,"x",true,false,null,{}],"b":{}}"#)
        #expect(value == .object([
            (key: "a", value: .array([.number("1"), .number("-2.5e3"), .string("x"), .bool(true), .bool(false), .null, .object([])])),
            (key: "b", value: .object([])),
        ]))
    }

    @Test func keepsNumbersAsTheirText() throws {
        #expect(try JSONParser.parse("18446744073709551615") == .number("18446744073709551615"))
    }

    @Test func keepsEmbeddedNulInStrings() throws {
        #expect(try JSONParser.parse(#""a\u0000b""#) == .string("a\u{0}b"))
    }

    @Test func decodesEscapesAndUnicode() throws {
        #expect(try JSONParser.parse(#""\"\\\/\n\t\u00e9\ud83d\ude00""#) == .string("\"\\/\n\té😀"))
    }

    @Test func lastDuplicateKeyWins() throws {
        #expect(try JSONParser.parse(#"{"k":1,"k":2}"#)["k"] == .number("2"))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "nul", "{} {}", "\"unterminated", "{'a':1}"])
    func rejectsMalformedText(_ text: String) {
        let error = #expect(throws: ConfigError.self) { try JSONParser.parse(text) }
        #expect(error?.description.hasPrefix("config.json: invalid JSON at line 1, column ") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func pointsAtTheErrorsLineAndColumn() {
        let error = #expect(throws: ConfigError.self) { try JSONParser.parse("{\n  \"a\": 1,\n  \"b\" 2\n}") }
        #expect(error?.description.hasPrefix("config.json: invalid JSON at line 3, column ") == true)
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: ConfigError.self) { try JSONParser.parse([0x22, 0xff, 0xfe, 0x22]) }
    }

    @Test func handlesDeepNesting() throws {
        let depth = 500
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONParser.parse(text)
        var levels = 0
        while case .array(let items) = value, let first = items.first { value = first; levels += 1 }
        #expect(levels == depth - 1)
    }
}

@Suite struct JSONWriterTests {
    @Test func writesCompactText() {
        let value: JSON = .object([(key: "a", value: .array([.number("1"), .null])), (key: "b", value: .bool(true))])
        #expect(JSONWriter.compact(value) == #"{"a":[1,null],"b":true}"#)
    }

    @Test func indentsAsGoMarshalIndent() {
        let value: JSON = .object([(key: "a", value: .array([.string("x")])), (key: "e", value: .array([])), (key: "o", value: .object([]))])
        #expect(JSONWriter.indented(value) == "{\n\t\"a\": [\n\t\t\"x\"\n\t],\n\t\"e\": [],\n\t\"o\": {}\n}")
    }

    @Test func escapesAsGoDoes() {
        let text = JSONWriter.compact(.string("q\"b\\n\nt\tc\u{1}<>&\u{2028}é"))
        #expect(text == #""q\"b\\n\nt\tc\u0001\u003c\u003e\u0026\u2028é""#)
    }

    @Test func roundTripsThroughTheParser() throws {
        let value: JSON = .object([(key: "s", value: .string("a\u{0}\"\u{7f}é")), (key: "n", value: .number("-12"))])
        #expect(try JSONParser.parse(JSONWriter.compact(value)) == value)
        #expect(try JSONParser.parse(JSONWriter.indented(value)) == value)
    }
}
