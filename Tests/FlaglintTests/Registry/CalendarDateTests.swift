import Testing
@testable import FlaglintSupport
@testable import FlaglintFrontends

@Suite struct CalendarDateTests {
    @Test func parsesPlainDates() {
        #expect(date("2026-09-01").description == "2026-09-01")
        #expect(date("2024-02-29").day == 29)
    }

    @Test(arguments: [
        ("2026-09-01T08:15:00Z", "2026-09-01"),
        ("2026-09-01T23:30:00-05:00", "2026-09-02"),
        ("2026-09-01T01:00:00+02:00", "2026-08-31"),
        ("2026-09-01T10:00:00.000Z", "2026-09-01"),
        ("2026-09-01 10:00:00", "2026-09-01"),
        ("2026-12-31T23:59:59-0100", "2027-01-01"),
    ])
    func truncatesDateTimesToTheUTCDay(input: String, expected: String) {
        #expect(date(input).description == expected)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "2026-04-31", "2026-9-1", "next week", "2026-09-01T25:00", "2026-09-01X"])
    func rejectsImpossibleDates(input: String) {
        guard case let .failure(error) = CalendarDate.parse(input) else {
            Issue.record("\(input) parsed")
            return
        }
        #expect(error.reason.contains(input))
    }

    @Test func explainsTheImpossibleDay() {
        guard case let .failure(error) = CalendarDate.parse("2026-02-30") else {
            Issue.record("2026-02-30 parsed")
            return
        }
        #expect(error.reason == "invalid date `2026-02-30`: February 2026 has no day 30")
    }

    @Test func countsDaysAcrossMonthsAndLeapYears() {
        #expect(date("2026-11-25").days(since: date("2026-09-01")) == 85)
        #expect(date("2024-03-01").days(since: date("2024-02-28")) == 2)
        #expect(date("2026-09-01").days(since: date("2026-09-30")) == -29)
        #expect(date("1970-01-01").daysSinceEpoch == 0)
        #expect(CalendarDate(daysSinceEpoch: date("2400-02-29").daysSinceEpoch) == date("2400-02-29"))
    }

    @Test func convertsUnixMilliseconds() {
        #expect(CalendarDate(unixMilliseconds: 1_788_256_800_000).description == "2026-09-01")
        #expect(CalendarDate(unixMilliseconds: 1_627_071_171_347).description == "2021-07-23")
        #expect(CalendarDate(unixMilliseconds: -1).description == "1969-12-31")
    }
}
