/// 支出型临时救助 expenditure-type temporary assistance approved once, to be paid in stages (一次审批、分阶段救助).
public struct ExpenditureAssistanceApproved: LedgerEventData {
    public static let eventType = "ExpenditureAssistanceApproved"
    public static let schemaVersion = 1

    public var approverId: String
    public var approvedOn: BusinessDate
    public var approvedTotalFen: Int64
    public var plannedStages: Int

    public init(approverId: String, approvedOn: BusinessDate, approvedTotalFen: Int64, plannedStages: Int) {
        self.approverId = approverId
        self.approvedOn = approvedOn
        self.approvedTotalFen = approvedTotalFen
        self.plannedStages = plannedStages
    }

    public func check() throws(EventValidationError) {
        guard approvedTotalFen > 0 else { throw .invalid(field: "data.approvedTotalFen", reason: "must be positive") }
        guard (1...12).contains(plannedStages) else { throw .invalid(field: "data.plannedStages", reason: "must be 1…12") }
    }
}
