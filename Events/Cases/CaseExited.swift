/// 退出 the case exits; `effectiveMonth` is the first month without entitlement.
public struct CaseExited: LedgerEventData {
    public static let eventType = "CaseExited"
    public static let schemaVersion = 1

    public var decidedBy: String
    public var decidedOn: BusinessDate
    public var effectiveMonth: CalendarMonth
    public var reason: ExitReason

    public init(decidedBy: String, decidedOn: BusinessDate, effectiveMonth: CalendarMonth, reason: ExitReason) {
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.effectiveMonth = effectiveMonth
        self.reason = reason
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.text(decidedBy, "data.decidedBy", max: 64)
    }
}
