extension StringProtocol {
    /// `hasPrefix` on the UTF-8 bytes, as Go compares strings. String.hasPrefix also checks that
    /// the prefix ends on a grapheme boundary, in stdlib code srun would page in for that alone.
    @inlinable public func hasBytePrefix(_ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { prefix in
            let bytes = utf8
            var at = bytes.startIndex
            for byte in prefix {
                guard at != bytes.endIndex, bytes[at] == byte else { return false }
                bytes.formIndex(after: &at)
            }
            return true
        }
    }

    /// `hasSuffix` on the UTF-8 bytes (see `hasBytePrefix`).
    @inlinable public func hasByteSuffix(_ suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { suffix in
            let bytes = utf8
            let start = bytes.count - suffix.count
            return start >= 0 && bytes.dropFirst(start).elementsEqual(suffix)
        }
    }
}
