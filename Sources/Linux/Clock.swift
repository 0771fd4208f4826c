#if canImport(Glibc)
import Glibc
#endif
import ASCIIText

public enum Clock {
    /// Now in UTC as RFC 3339 with nanoseconds: `2026-11-23T16:02:37.123456789Z`.
    public static func rfc3339Now() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return rfc3339(seconds: Int64(now.tv_sec), nanoseconds: Int(now.tv_nsec))
    }

    /// Computed here rather than with gmtime_r, which makes glibc read /etc/localtime.
    public static func rfc3339(seconds: Int64, nanoseconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = decimalString(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
            + "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
            + "." + pad(nanoseconds, 9) + "Z"
    }

    /// Proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
    static func civilDate(daysSinceEpoch: Int64) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
