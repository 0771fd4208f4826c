import ASCIIText
import Runtime

/// Values of runc's flags that are not plain integers.
enum Units {
    /// A Go duration ("5s", "100ms", "1m30s", "1.5s") in milliseconds, at least 1.
    static func milliseconds(_ text: String, flag: String) throws(UsageError) -> Int64 {
        let units: [(String, Double)] = [("ns", 1e-6), ("us", 1e-3), ("µs", 1e-3), ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        var rest = Substring(text)
        var total = 0.0
        guard !rest.isEmpty else { throw UsageError("--\(flag): expected a duration such as 5s or 100ms, got \"\(text)\"") }
        while !rest.isEmpty {
            let number = rest.prefix(while: { $0.isASCIIDigit || $0 == "." })
            rest = rest.dropFirst(number.count)
            // Longest unit first: "ms" before "m", "ns" before "s".
            guard let value = Double(number), let unit = units.sorted(by: { $0.0.count > $1.0.count }).first(where: { rest.hasPrefix($0.0) }) else {
                throw UsageError("--\(flag): expected a duration such as 5s or 100ms, got \"\(text)\"")
            }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
        }
        guard total >= 1 else { throw UsageError("--\(flag): \"\(text)\" is shorter than a millisecond") }
        return Int64(total)
    }

    /// Bytes as runc's update reads them (docker's RAMInBytes): "1024", "64m", "1.5g", "512KiB";
    /// units are powers of 1024; "-1" is unlimited.
    static func bytes(_ text: String, flag: String) throws(UsageError) -> Int64 {
        if text == "-1" { return -1 }
        let lower = text.lowercased()
        let number = lower.prefix(while: { $0.isASCIIDigit || $0 == "." })
        var unit = lower.dropFirst(number.count)
        if unit.hasByteSuffix("ib") { unit = unit.dropLast(2) } else if unit.hasByteSuffix("b") { unit = unit.dropLast() }
        let scale: [Substring: Double] = ["": 1, "k": 0x1p10, "m": 0x1p20, "g": 0x1p30, "t": 0x1p40, "p": 0x1p50]
        guard let value = Double(number), let multiplier = scale[unit], value >= 0, value * multiplier < 9.2e18 else {
            throw UsageError("--\(flag): expected a size in bytes such as 67108864, 64m or 1g, got \"\(text)\"")
        }
        return Int64(value * multiplier)
    }

    static func integer<T: FixedWidthInteger>(_ text: String, flag: String, as: T.Type = T.self) throws(UsageError) -> T {
        guard let value = T(text) else { throw UsageError("--\(flag): expected an integer in \(T.min)...\(T.max), got \"\(text)\"") }
        return value
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
