/// 定期核查 periodic re-check recorded with the verified incomes and its outcome.
public struct RecheckRecorded: LedgerEventData {
    public static let eventType = "RecheckRecorded"
    public static let schemaVersion = 1

    public var recheckedOn: BusinessDate
    public var recheckedBy: String
    public var incomes: [IncomeRecord]
    public var deductions: [DeductionRecord]
    /// Why income rose, when it did.
    public var incomeRiseCause: IncomeRiseCause?
    public var outcome: RecheckOutcome

    public init(recheckedOn: BusinessDate, recheckedBy: String, incomes: [IncomeRecord], deductions: [DeductionRecord] = [], incomeRiseCause: IncomeRiseCause? = nil, outcome: RecheckOutcome) {
        self.recheckedOn = recheckedOn
        self.recheckedBy = recheckedBy
        self.incomes = incomes
        self.deductions = deductions
        self.incomeRiseCause = incomeRiseCause
        self.outcome = outcome
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.incomes(incomes, deductions); try RecordChecks.text(recheckedBy, "data.recheckedBy", max: 64)
    }
}
