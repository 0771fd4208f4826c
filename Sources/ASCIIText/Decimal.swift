/// An unsigned decimal number written in ASCII digits, as procfs and passwd files have them;
/// nil for anything else, or for a number past UInt64. Parsed from bytes, since Swift's
/// `UInt64(String)` costs a generic, unspecialised path on first use.
public func decimal(_ digits: ArraySlice<UInt8>) -> UInt64? {
    guard !digits.isEmpty, digits.count <= 20 else { return nil }
    var value: UInt64 = 0
    for digit in digits {
        guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
        let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
        if overflow1 || overflow2 { return nil }
        value = sum
    }
    return value
}

/// A number in decimal ASCII digits, as procfs, cgroup files and JSON want it. Swift's
/// `String(n)` and "\(n)" go through generic integer printing that sits in otherwise untouched
/// pages of the standard library: paging those in costs resident memory on every call.
public func decimalString(_ value: Int64) -> String { digits(value.magnitude, negative: value < 0) }
public func decimalString(_ value: UInt64) -> String { digits(value, negative: false) }
public func decimalString(_ value: Int32) -> String { decimalString(Int64(value)) }
public func decimalString(_ value: Int) -> String { decimalString(Int64(value)) }
public func decimalString(_ value: UInt32) -> String { decimalString(UInt64(value)) }
public func decimalString(_ value: UInt16) -> String { decimalString(UInt64(value)) }

private func digits(_ magnitude: UInt64, negative: Bool) -> String {
    var rest = magnitude
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { buffer in
        var start = buffer.count
        repeat {
            start -= 1
            buffer[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        if negative {
            start -= 1
            buffer[start] = UInt8(ascii: "-")
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
    }
}
