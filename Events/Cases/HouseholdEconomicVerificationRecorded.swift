/// 家庭经济状况核对 household economic verification recorded: the verified incomes and deductions, which replace the declared ones for assessment.
public struct HouseholdEconomicVerificationRecorded: LedgerEventData {
    public static let eventType = "HouseholdEconomicVerificationRecorded"
    public static let schemaVersion = 1

    public var verifiedOn: BusinessDate
    /// Staff id.
    public var verifiedBy: String
    public var incomes: [IncomeRecord]
    public var deductions: [DeductionRecord]
    public var findings: String

    public init(verifiedOn: BusinessDate, verifiedBy: String, incomes: [IncomeRecord], deductions: [DeductionRecord] = [], findings: String) {
        self.verifiedOn = verifiedOn
        self.verifiedBy = verifiedBy
        self.incomes = incomes
        self.deductions = deductions
        self.findings = findings
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.incomes(incomes, deductions); try RecordChecks.text(verifiedBy, "data.verifiedBy", max: 64); try RecordChecks.text(findings, "data.findings")
    }
}
