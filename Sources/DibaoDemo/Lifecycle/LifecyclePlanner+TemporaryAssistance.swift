import DibaoCaseService
import DibaoCasework
import DibaoEvents

extension LifecyclePlanner {
    /// 急难型临时救助: the township approver pays first, up to the policy's cap (ILLUSTRATIVE for
    /// Jinzhong); the caseworker records the explanation within the policy's days (R001-11, R004-12).
    func emergency(_ draft: inout PlanDraft) {
        let household = draft.household, township = household.township
        let caseworker = staff.caseworker(township), approver = staff.townshipApprover(township)
        draft.add("submit", caseworker, .submitApplication(household.application))
        let paidOn = draft.later(0...1)
        let policy = parameters(household, on: paidOn)
        let amount = draft.random.fen(in: 20_000...policy.emergencyCapFen, unitFen: 1_000)
        draft.add("pay-emergency", approver, .payEmergencyAssistance(paidBy: approver.actorId, level: approver.level, on: paidOn,
                                                                     emergencyLocationCode: household.village.code, amountFen: amount))
        let explanation = draft.random.pick(["因火灾房屋受损，已补充提交证明材料", "因突发重病住院，已补充提交诊断证明", "因交通事故致家庭生活困难，已补充提交事故认定书"])
        draft.add("explain", caseworker, .recordEmergencyExplanation(recordedBy: caseworker.actorId,
                                                                     on: draft.later(2...(policy.explanationDueDays - 1)), explanation: explanation))
    }

    /// 支出型临时救助: verified and visited, reviewed with the total, approved once at county
    /// level by someone other than the reviewer, paid in monthly stages (一次审批、分阶段救助, R001-12).
    func expenditure(_ draft: inout PlanDraft) {
        let household = draft.household, township = household.township
        let caseworker = staff.caseworker(township), reviewer = staff.reviewer(township), approver = staff.countyApprover(household.index)
        draft.add("submit", caseworker, .submitApplication(household.application))
        draft.add("verify", caseworker, .recordVerification(HouseholdEconomicVerificationRecorded(
            verifiedOn: draft.later(3...6), verifiedBy: caseworker.actorId, incomes: household.incomes, deductions: household.deductions,
            findings: "医疗支出票据核对属实")))
        draft.add("visit", caseworker, homeVisit(township, on: draft.later(2...4), findings: "入户调查：因病支出过大，基本生活困难"))
        let total = draft.random.fen(in: 200_000...600_000, unitFen: 1_000)
        draft.add("review", reviewer, .reviewCase(reviewerId: reviewer.actorId, on: draft.later(2...5), proposedMonthlyFen: total))
        let stages = draft.random.int(in: 2...3)
        draft.add("approve-expenditure", approver, .approveExpenditureAssistance(approverId: approver.actorId, on: draft.later(1...4),
                                                                                 totalFen: total, plannedStages: stages))
        let share = total / Int64(stages) / 100 * 100
        for stage in 1...stages {
            let amount = stage == stages ? total - share * Int64(stages - 1) : share
            let date = stage == 1 ? draft.later(1...5) : draft.monthsLater(1...1, day: 5...15)
            draft.add("stage-\(stage)", caseworker, .payAssistanceStage(on: date, amountFen: amount))
        }
    }
}
