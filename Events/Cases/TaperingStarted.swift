/// 渐退期开始 tapering started: the benefit continues, frozen, for `months` months, then the case exits.
public struct TaperingStarted: LedgerEventData {
    public static let eventType = "TaperingStarted"
    public static let schemaVersion = 1

    public var startMonth: CalendarMonth
    public var months: Int
    /// Last month of tapering.
    public var endMonth: CalendarMonth
    /// Frozen amount paid during tapering (F-08).
    public var monthlyAmountFen: Int64

    public init(startMonth: CalendarMonth, months: Int, endMonth: CalendarMonth, monthlyAmountFen: Int64) {
        self.startMonth = startMonth
        self.months = months
        self.endMonth = endMonth
        self.monthlyAmountFen = monthlyAmountFen
    }

    public func check() throws(EventValidationError) {
        guard months >= 1, endMonth == startMonth.adding(months: months - 1) else { throw .invalid(field: "data.endMonth", reason: "must be startMonth + months − 1") }
    }
}
