/// A calendar month (`2024-03`): the unit benefits are granted, paid and adjusted in.
/// An amount keyed by month is the entitlement *for* that benefit month.
public struct CalendarMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// A month between 1900-01 and 9999-12.
    public init(year: Int, month: Int) throws(EventValidationError) {
        guard (1900...9999).contains(year), (1...12).contains(month) else { throw .invalid(field: "month", reason: "not a valid month") }
        (self.year, self.month) = (year, month)
    }

    /// Parses `YYYY-MM`.
    public init(_ text: String) throws(EventValidationError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 7, parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1])
        else { throw .invalid(field: "month", reason: "must be a month YYYY-MM") }
        try self.init(year: year, month: month)
    }

    /// The month a date falls in.
    public init(containing date: BusinessDate) {
        (year, month) = (date.year, date.month)
    }

    /// The month `count` months later (earlier when negative).
    public func adding(months count: Int) -> CalendarMonth {
        let index = year * 12 + (month - 1) + count
        return CalendarMonth(unchecked: index / 12, index % 12 + 1)
    }

    /// Months from `earlier` to `self` (`2024-03` from `2024-01` is 2).
    public func months(since earlier: CalendarMonth) -> Int {
        (year * 12 + month) - (earlier.year * 12 + earlier.month)
    }

    /// The first day of the month.
    public var firstDay: BusinessDate { try! BusinessDate(year: year, month: month, day: 1) }

    private init(unchecked year: Int, _ month: Int) {
        (self.year, self.month) = (year, month)
    }

    public var description: String {
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + (month < 10 ? "-0" : "-") + String(month)
    }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch { throw invalidValue(decoder, "must be a month YYYY-MM") }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
