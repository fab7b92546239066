import DibaoCasework
import DibaoEvents

/// One fictitious household of the demo county and the case it opens. Everything the
/// lifecycle needs later is drawn from `planSeed`, so a household plans the same on every run.
public struct DemoHousehold: Sendable, Hashable {
    /// Position in the generated list (0-based).
    public var index: Int
    /// `<seed>-<index>`: names the household in its command ids.
    public var key: String
    /// `<village code>-<uuid>`, the shape the HTTP API gives case ids.
    public var caseId: String
    public var scenario: DemoScenario
    public var programme: Programme
    public var township: DemoCounty.Township
    public var village: DemoCounty.Village
    public var members: [HouseholdMemberRecord]
    /// Declared (and, unless the scenario says otherwise, verified) monthly incomes.
    public var incomes: [IncomeRecord]
    public var deductions: [DeductionRecord]
    public var incomeIrregular: Bool
    public var submittedOn: BusinessDate
    /// Seeds the household's later draws (dates, amounts).
    public var planSeed: UInt64

    /// The application as submitted.
    public var application: ApplicationSubmitted {
        ApplicationSubmitted(caseId: caseId, programme: programme.rawValue, villageCode: village.code, submittedOn: submittedOn,
                             members: members, incomes: incomes, deductions: deductions, assets: [],
                             applicantDeclaresStaffKinship: false, incomeIrregular: incomeIrregular)
    }

    /// The member able to work, if any (the one whose employment can start tapering).
    public var worker: HouseholdMemberRecord? { members.first(where: \.ableToWork) }
}
