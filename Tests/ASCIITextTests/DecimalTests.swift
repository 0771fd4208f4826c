import ASCIIText
import Testing

@Suite struct DecimalTests {
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

    @Test func writesDecimals() {
        #expect(decimalString(Int64(0)) == "0")
        #expect(decimalString(Int64(7)) == "7")
        #expect(decimalString(Int64(-42)) == "-42")
        #expect(decimalString(Int64.max) == "9223372036854775807")
        #expect(decimalString(Int64.min) == "-9223372036854775808")
        #expect(decimalString(UInt64.max) == "18446744073709551615")
        #expect(decimalString(UInt32.max) == "4294967295")
        #expect(decimalString(UInt16(1000)) == "1000")
        #expect(decimalString(UInt16.max) == "65535")
        #expect(decimalString(Int32.min) == "-2147483648")
        #expect(decimalString(1_000_000) == "1000000")
    }

    @Test func writesWhatItReads() {
        for value: UInt64 in [0, 9, 10, 99, 100, 12345, 1 << 40, UInt64.max - 1] {
            #expect(decimal(Array(decimalString(value).utf8)[...]) == value)
        }
    }
}

@Suite struct BytePrefixTests {
    @Test func prefixes() {
        #expect("/proc/1".hasBytePrefix("/"))
        #expect("--root".hasBytePrefix("--"))
        #expect(!"-r".hasBytePrefix("--"))
        #expect("".hasBytePrefix(""))
        #expect(!"".hasBytePrefix("/"))
        #expect("cgroup2".dropFirst(2).hasBytePrefix("roup"))
    }

    @Test func suffixes() {
        #expect("memory.limit_in_bytes".hasByteSuffix("_in_bytes"))
        #expect(!"s".hasByteSuffix("bytes"))
        #expect("abc".hasByteSuffix(""))
        #expect("abc".dropLast().hasByteSuffix("b"))
    }
}
