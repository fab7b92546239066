import DibaoEvents

/// Day arithmetic on `BusinessDate`. Working days are Monday to Friday; public holidays and
/// make-up working days (调休) are not modelled (documented in docs/concepts/casework.md).
public enum CalendarArithmetic {
    /// Days since 1970-01-01 (negative before), proleptic Gregorian.
    public static func dayNumber(_ date: BusinessDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let monthIndex = (date.month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number.
    public static func date(dayNumber: Int) -> BusinessDate {
        try! BusinessDate(daysSince1970: dayNumber)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public static func weekday(_ date: BusinessDate) -> Int {
        ((dayNumber(date) + 3) % 7 + 7) % 7 + 1
    }

    /// `date` plus `days` calendar days.
    public static func adding(days: Int, to date: BusinessDate) -> BusinessDate {
        Self.date(dayNumber: dayNumber(date) + days)
    }

    /// `date` plus `months` months, the day clamped to the month's length (01-31 + 1 → 02-28).
    public static func adding(months: Int, to date: BusinessDate) -> BusinessDate {
        let month = CalendarMonth(containing: date).adding(months: months)
        let day = min(date.day, BusinessDate.daysIn(year: month.year, month: month.month))
        return try! BusinessDate(year: month.year, month: month.month, day: day)
    }

    /// Working days (Mon–Fri) after `start`, up to and including `end`; 0 if `end` ≤ `start`.
    public static func workingDays(after start: BusinessDate, through end: BusinessDate) -> Int {
        let first = dayNumber(start) + 1, last = dayNumber(end)
        guard last >= first else { return 0 }
        return (first...last).reduce(0) { count, day in
            let weekday = ((day + 3) % 7 + 7) % 7 + 1
            return count + (weekday <= 5 ? 1 : 0)
        }
    }

    /// The date `count` working days after `start` (the deadline of a limit counted from `start`).
    public static func adding(workingDays count: Int, to start: BusinessDate) -> BusinessDate {
        var day = dayNumber(start), remaining = count
        while remaining > 0 {
            day += 1
            if ((day + 3) % 7 + 7) % 7 + 1 <= 5 { remaining -= 1 }
        }
        return date(dayNumber: day)
    }
}
