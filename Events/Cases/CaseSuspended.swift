/// 暂停发放 payment suspended from a month, with the reason.
public struct CaseSuspended: LedgerEventData {
    public static let eventType = "CaseSuspended"
    public static let schemaVersion = 1

    public var suspendedOn: BusinessDate
    public var fromMonth: CalendarMonth
    public var reason: String

    public init(suspendedOn: BusinessDate, fromMonth: CalendarMonth, reason: String) {
        self.suspendedOn = suspendedOn
        self.fromMonth = fromMonth
        self.reason = reason
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.text(reason, "data.reason")
    }
}
