/// 调整保障金额 amount adjusted from a month on; `arrearsFen` is back-pay for months already paid at the old amount.
public struct AmountAdjusted: LedgerEventData {
    public static let eventType = "AmountAdjusted"
    public static let schemaVersion = 1

    public var adjustedOn: BusinessDate
    public var effectiveMonth: CalendarMonth
    public var previousMonthlyFen: Int64
    public var newMonthlyFen: Int64
    /// 补发 back-pay, fen (never negative: no clawback).
    public var arrearsFen: Int64
    public var cause: AdjustmentCause

    public init(adjustedOn: BusinessDate, effectiveMonth: CalendarMonth, previousMonthlyFen: Int64, newMonthlyFen: Int64, arrearsFen: Int64 = 0, cause: AdjustmentCause) {
        self.adjustedOn = adjustedOn
        self.effectiveMonth = effectiveMonth
        self.previousMonthlyFen = previousMonthlyFen
        self.newMonthlyFen = newMonthlyFen
        self.arrearsFen = arrearsFen
        self.cause = cause
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.nonNegative(newMonthlyFen, "data.newMonthlyFen"); try RecordChecks.nonNegative(arrearsFen, "data.arrearsFen")
    }
}
