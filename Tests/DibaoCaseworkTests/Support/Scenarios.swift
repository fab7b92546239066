import DibaoCasework
import DibaoEvents

/// The usual lifecycle steps, as commands, for a Jinzhong rural household unless told otherwise.
enum Scenarios {
    static func verification(on date: String = "2022-03-08", incomes: [IncomeRecord]? = nil) -> CaseCommand {
        .recordVerification(HouseholdEconomicVerificationRecorded(
            verifiedOn: Fixtures.date(date), verifiedBy: "S-VERIFY",
            incomes: incomes ?? [IncomeRecord(kind: .wages, monthlyFen: 60_033), IncomeRecord(kind: .basicPensionBasicPart, monthlyFen: 10_000)],
            deductions: [DeductionRecord(kind: .employmentCost, monthlyFen: 5_000)], findings: "核对一致"))
    }

    static func homeVisit(on date: String = "2022-03-10", level: AdministrativeLevel = .township) -> CaseCommand {
        .recordHomeVisit(HomeVisitRecorded(visitedOn: Fixtures.date(date), investigatorIds: ["S-V1", "S-V2"], level: level, findings: "属实"))
    }

    static func appraisal(on date: String = "2022-03-12", by staff: String = "S-CADRE") -> CaseCommand {
        .recordAppraisal(DemocraticAppraisalRecorded(heldOn: Fixtures.date(date), recordedBy: staff, outcome: .supported))
    }

    static func notice(on date: String = "2022-03-14", endsOn: String = "2022-03-20") -> CaseCommand {
        .postPublicNotice(PublicNoticePosted(postedOn: Fixtures.date(date), endsOn: Fixtures.date(endsOn)))
    }

    static func review(by staff: String = "S-REVIEW", on date: String = "2022-03-22", amount: Int64? = nil) -> CaseCommand {
        .reviewCase(reviewerId: staff, on: Fixtures.date(date), proposedMonthlyFen: amount)
    }

    static func approve(by staff: String = "S-APPROVE", level: AdministrativeLevel = .county, on date: String = "2022-03-25") -> CaseCommand {
        .approveCase(approverId: staff, level: level, on: Fixtures.date(date))
    }

    /// Submitted, verified, visited, appraised, noticed.
    static func readyForReview(_ application: ApplicationSubmitted = Fixtures.application()) -> [CaseCommand] {
        [.submitApplication(application), verification(), homeVisit(), appraisal(), notice()]
    }

    static func reviewed(_ application: ApplicationSubmitted = Fixtures.application()) -> [CaseCommand] {
        readyForReview(application) + [review()]
    }

    static func approved(_ application: ApplicationSubmitted = Fixtures.application()) -> [CaseCommand] {
        reviewed(application) + [approve()]
    }
}
