/// 审批 approval at the level the jurisdiction's policy names; the benefit starts at `firstBenefitMonth`.
public struct CaseApproved: LedgerEventData {
    public static let eventType = "CaseApproved"
    public static let schemaVersion = 1

    public var approverId: String
    public var approvedOn: BusinessDate
    public var level: AdministrativeLevel
    public var monthlyAmountFen: Int64
    public var firstBenefitMonth: CalendarMonth

    public init(approverId: String, approvedOn: BusinessDate, level: AdministrativeLevel, monthlyAmountFen: Int64, firstBenefitMonth: CalendarMonth) {
        self.approverId = approverId
        self.approvedOn = approvedOn
        self.level = level
        self.monthlyAmountFen = monthlyAmountFen
        self.firstBenefitMonth = firstBenefitMonth
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.text(approverId, "data.approverId", max: 64); try RecordChecks.nonNegative(monthlyAmountFen, "data.monthlyAmountFen")
    }
}
