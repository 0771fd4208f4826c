import Linux
import Testing

@Suite struct DecimalBytesTests {
    @Test func readsUnsignedDecimals() {
        #expect(decimal(Array("0".utf8)[...]) == 0)
        #expect(decimal(Array("1000".utf8)[...]) == 1000)
        #expect(decimal(Array("18446744073709551615".utf8)[...]) == UInt64.max)
    }

    @Test func refusesAnythingElse() {
        for text in ["", "-1", "+1", "1x", " 1", "0x10", "18446744073709551616", "99999999999999999999"] {
            #expect(decimal(Array(text.utf8)[...]) == nil, "\(text)")
        }
    }
}
