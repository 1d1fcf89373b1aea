import Foundation

/// A calendar day (proleptic Gregorian, UTC). Lifecycle rules compare days, never instants,
/// so that `--today` makes every run reproducible and time zones cannot move a boundary.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// `nil` for an impossible date (2026-02-30, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `days` after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days: exact for the whole proleptic calendar.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// The UTC day of a Unix timestamp in milliseconds (LaunchDarkly's date format).
    public init(unixMilliseconds ms: Int64) {
        let msPerDay: Int64 = 86_400_000
        let days = ms >= 0 ? ms / msPerDay : -((-ms + msPerDay - 1) / msPerDay)
        self.init(daysSinceEpoch: Int(days))
    }

    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Whole days from `earlier` to `self` (negative when `earlier` is later).
    public func days(since earlier: CalendarDate) -> Int { daysSinceEpoch - earlier.daysSinceEpoch }

    public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch CalendarDate.parse(text) {
        case let .success(date): self = date
        case let .failure(error):
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.reason))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CalendarDate {
    public struct ParseError: Error, Sendable, Equatable {
        public let reason: String
    }

    /// Parses `YYYY-MM-DD` or an ISO 8601 date-time (`2026-09-01T23:30:00-05:00`, `...Z`,
    /// fractional seconds, a space instead of `T`). A date-time is truncated to its UTC day:
    /// the example above is 2026-09-02. A date-time without a zone is read as UTC.
    public static func parse(_ raw: String) -> Result<CalendarDate, ParseError> {
        let text = Array(raw.trimmingSpaces.utf8)
        func fail(_ why: String) -> Result<CalendarDate, ParseError> {
            .failure(ParseError(reason: "invalid date `\(raw)`: \(why)"))
        }
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= text.count else { return nil }
            var value = 0
            for b in text[i..<(i + count)] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            i += count
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < text.count, text[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2) else {
            return fail("expected YYYY-MM-DD")
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            if !(1...12).contains(month) { return fail("month \(month) does not exist") }
            return fail("\(CalendarDate.monthName(month)) \(year) has no day \(day)")
        }
        if i == text.count { return .success(date) }
        guard text[i] == 0x54 || text[i] == 0x74 || text[i] == 0x20 else { return fail("unexpected text after the date") }
        i += 1
        guard let hour = digits(2), expect(0x3A), let minute = digits(2) else { return fail("expected a time hh:mm after the date") }
        var second = 0
        if expect(0x3A) {
            guard let s = digits(2) else { return fail("expected seconds") }
            second = s
            if expect(0x2E) || expect(0x2C) {
                let before = i
                while i < text.count, text[i] >= 0x30 && text[i] <= 0x39 { i += 1 }
                if i == before { return fail("expected fraction digits") }
            }
        }
        guard hour <= 24, minute <= 59, second <= 60, hour < 24 || (minute == 0 && second == 0) else {
            return fail("time \(hour):\(minute):\(second) does not exist")
        }
        var offsetMinutes = 0
        if i < text.count {
            if text[i] == 0x5A || text[i] == 0x7A {
                i += 1
            } else if text[i] == 0x2B || text[i] == 0x2D {
                let sign = text[i] == 0x2D ? -1 : 1
                i += 1
                guard let oh = digits(2) else { return fail("expected a zone offset ±hh:mm") }
                _ = expect(0x3A)
                let om = digits(2) ?? 0
                guard oh <= 23, om <= 59 else { return fail("zone offset out of range") }
                offsetMinutes = sign * (oh * 60 + om)
            } else {
                return fail("unexpected text after the time")
            }
        }
        if i != text.count { return fail("unexpected text after the zone") }
        let localMinutes = date.daysSinceEpoch * 1440 + hour * 60 + minute
        let utcMinutes = localMinutes - offsetMinutes
        let utcDay = utcMinutes >= 0 ? utcMinutes / 1440 : -((-utcMinutes + 1439) / 1440)
        return .success(CalendarDate(daysSinceEpoch: utcDay))
    }

    static func monthName(_ month: Int) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"]
        return (1...12).contains(month) ? names[month - 1] : "month \(month)"
    }
}

extension CalendarDate {
    /// Today in UTC: the CLI's default for `--today`. Rules never call this.
    public static func todayUTC(now: Date = Date()) -> CalendarDate {
        CalendarDate(unixMilliseconds: Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))
    }
}

fileprivate extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
