/// 恢复发放 payment resumed from a month.
public struct CaseResumed: LedgerEventData {
    public static let eventType = "CaseResumed"
    public static let schemaVersion = 1

    public var resumedOn: BusinessDate
    public var fromMonth: CalendarMonth

    public init(resumedOn: BusinessDate, fromMonth: CalendarMonth) {
        self.resumedOn = resumedOn
        self.fromMonth = fromMonth
    }
}
