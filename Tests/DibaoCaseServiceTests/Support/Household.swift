import DibaoCaseService
import DibaoCasework
import DibaoEvents
import Foundation

/// A Jinzhong (榆次区, 140702) rural household of three, the actors who work on it and the
/// lifecycle commands that take it to approval, with the staff ids the actors' tokens carry.
enum Household {
    static let village = try! RegionCode("140702001001")
    static let caseworker = Actor(actorId: "S-CW", displayName: "经办人", role: .caseworker, jurisdictionCode: try! RegionCode("140702001"))
    static let reviewer = Actor(actorId: "S-REVIEW", displayName: "审核人", role: .caseworker, jurisdictionCode: try! RegionCode("140702001"))
    static let approver = Actor(actorId: "S-APPROVE", displayName: "审批人", role: .approver, jurisdictionCode: try! RegionCode("140702"))
    static let inspector = Actor(actorId: "S-INSPECT", displayName: "纪检", role: .inspector, jurisdictionCode: try! RegionCode("140700"))
    static let elsewhere = Actor(actorId: "S-YUNNAN", displayName: "外地", role: .caseworker, jurisdictionCode: try! RegionCode("530000"))

    static func idNumber(birth: String, sequence: String) -> ResidentIdNumber {
        let body = "140702" + birth + sequence
        let check = Character(Unicode.Scalar(ResidentIdNumber.checkCharacter(body.utf8.map { Int($0) - 48 })))
        return try! ResidentIdNumber(body + String(check))
    }

    static func date(_ text: String) -> BusinessDate { try! BusinessDate(text) }

    /// A case id no other test uses.
    static func newCaseId() -> String { "140702001001-" + UUID().uuidString.lowercased() }

    static func application(caseId: String) -> ApplicationSubmitted {
        ApplicationSubmitted(
            caseId: caseId, programme: Programme.ruralDibao.rawValue, villageCode: village, submittedOn: date("2022-03-01"),
            members: [HouseholdMemberRecord(idNumber: idNumber(birth: "19770305", sequence: "111"), relation: .applicant, ableToWork: true),
                      HouseholdMemberRecord(idNumber: idNumber(birth: "19790611", sequence: "222"), relation: .spouse),
                      HouseholdMemberRecord(idNumber: idNumber(birth: "20120101", sequence: "333"), relation: .child)],
            incomes: [IncomeRecord(kind: .wages, monthlyFen: 60_033), IncomeRecord(kind: .basicPensionBasicPart, monthlyFen: 10_000)],
            deductions: [DeductionRecord(kind: .employmentCost, monthlyFen: 5_000)], applicantDeclaresStaffKinship: false)
    }

    /// Submission to public notice, each with the actor who issues it.
    static func readyForReview(caseId: String) -> [(CaseCommand, Actor)] {
        [(.submitApplication(application(caseId: caseId)), caseworker),
         (.recordVerification(HouseholdEconomicVerificationRecorded(
             verifiedOn: date("2022-03-08"), verifiedBy: caseworker.actorId,
             incomes: [IncomeRecord(kind: .wages, monthlyFen: 60_033), IncomeRecord(kind: .basicPensionBasicPart, monthlyFen: 10_000)],
             deductions: [DeductionRecord(kind: .employmentCost, monthlyFen: 5_000)], findings: "核对一致")), caseworker),
         (.recordHomeVisit(HomeVisitRecorded(visitedOn: date("2022-03-10"), investigatorIds: ["S-CW", "S-V2"], level: .township, findings: "属实")), caseworker),
         (.recordAppraisal(DemocraticAppraisalRecorded(heldOn: date("2022-03-12"), recordedBy: caseworker.actorId, outcome: .supported)), caseworker),
         (.postPublicNotice(PublicNoticePosted(postedOn: date("2022-03-14"), endsOn: date("2022-03-20"))), caseworker)]
    }

    static var review: CaseCommand { .reviewCase(reviewerId: reviewer.actorId, on: date("2022-03-22"), proposedMonthlyFen: nil) }
    static var approve: CaseCommand { .approveCase(approverId: approver.actorId, level: approver.level, on: date("2022-03-25")) }
}
