/// 审核 township review with the proposed monthly amount and the figures behind it.
public struct CaseReviewed: LedgerEventData {
    public static let eventType = "CaseReviewed"
    public static let schemaVersion = 1

    public var reviewerId: String
    public var reviewedOn: BusinessDate
    /// 拟保障金额, fen per month.
    public var proposedMonthlyFen: Int64
    /// Standard in force for the first benefit month, fen per person.
    public var standardFen: Int64
    /// 保障人数.
    public var membersCounted: Int
    /// Household assessed monthly income after deductions and exclusions.
    public var assessedIncomeFen: Int64

    public init(reviewerId: String, reviewedOn: BusinessDate, proposedMonthlyFen: Int64, standardFen: Int64, membersCounted: Int, assessedIncomeFen: Int64) {
        self.reviewerId = reviewerId
        self.reviewedOn = reviewedOn
        self.proposedMonthlyFen = proposedMonthlyFen
        self.standardFen = standardFen
        self.membersCounted = membersCounted
        self.assessedIncomeFen = assessedIncomeFen
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.text(reviewerId, "data.reviewerId", max: 64); try RecordChecks.nonNegative(proposedMonthlyFen, "data.proposedMonthlyFen")
    }
}
