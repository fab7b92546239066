/// 申请 application submitted: a household applies to one programme; opens stream `case-<id>`.
/// Carries the household members, declared incomes, deductions and assets, the village, and the
/// declaration whether the applicant is a close relative of civil-affairs staff or village cadres.
public struct ApplicationSubmitted: LedgerEventData {
    public static let eventType = "ApplicationSubmitted"
    public static let schemaVersion = 1

    /// The case id, the `<id>` of `case-<id>`.
    public var caseId: String
    /// Programme wire name (`urban_dibao` …).
    public var programme: String
    /// 12-digit village code; the case's jurisdiction.
    public var villageCode: RegionCode
    /// The day the application was accepted (受理).
    public var submittedOn: BusinessDate
    /// 家庭成员, exactly one with relation `applicant`.
    public var members: [HouseholdMemberRecord]
    /// 申报收入 declared monthly incomes.
    public var incomes: [IncomeRecord]
    /// 刚性支出 and employment-cost deductions claimed.
    public var deductions: [DeductionRecord]
    /// 家庭财产 declared assets.
    public var assets: [AssetRecord]
    /// 近亲属声明: a close relative of civil-affairs staff or village cadres.
    public var applicantDeclaresStaffKinship: Bool
    /// 收入来源不固定: income is irregular (half-yearly re-check with able-bodied members).
    public var incomeIrregular: Bool
    /// 单人户: the one member applying alone, if any.
    public var singlePersonMemberIdNumber: ResidentIdNumber?

    public init(caseId: String, programme: String, villageCode: RegionCode, submittedOn: BusinessDate, members: [HouseholdMemberRecord], incomes: [IncomeRecord], deductions: [DeductionRecord] = [], assets: [AssetRecord] = [], applicantDeclaresStaffKinship: Bool, incomeIrregular: Bool = false, singlePersonMemberIdNumber: ResidentIdNumber? = nil) {
        self.caseId = caseId
        self.programme = programme
        self.villageCode = villageCode
        self.submittedOn = submittedOn
        self.members = members
        self.incomes = incomes
        self.deductions = deductions
        self.assets = assets
        self.applicantDeclaresStaffKinship = applicantDeclaresStaffKinship
        self.incomeIrregular = incomeIrregular
        self.singlePersonMemberIdNumber = singlePersonMemberIdNumber
    }

    public func check() throws(EventValidationError) {
        try checkApplication()
    }
}
