import DibaoCaseService
import DibaoCasework
import DibaoEvents

/// Turns a household into its year of commands, in business order: application →
/// verification → home visit → appraisal (where the policy requires it) → public notice
/// (objection, re-investigation, new notice) → review → approval or rejection, then the
/// scenario's later steps. Steps after the last day of the year are left out, so a late case
/// stays where the year left it. Pure: no I/O; the policy is the fixture's.
public struct LifecyclePlanner: Sendable {
    public var staff: DemoStaff
    public var policy: PolicyBook
    public var year: Int

    public init(staff: DemoStaff = DemoStaff(county: .yuci), policy: PolicyBook = PolicyFixture.book, year: Int = 2024) {
        self.staff = staff
        self.policy = policy
        self.year = year
    }

    public func steps(for household: DemoHousehold) -> [DemoStep] {
        var draft = PlanDraft(household)
        if household.programme == .temporaryAssistance {
            household.scenario == .emergency ? emergency(&draft) : expenditure(&draft)
        } else if let approvedOn = application(&draft) {
            aftercare(&draft, approvedOn: approvedOn)
        }
        let last = try! BusinessDate(year: year, month: 12, day: 31)
        return Array(draft.steps.prefix { $0.date <= last })
    }

    /// The parameters in force for the household's village on `date`.
    func parameters(_ household: DemoHousehold, on date: BusinessDate) -> PolicyParameters {
        try! policy.parameters(for: household.village.code, month: CalendarMonth(containing: date))
    }

    /// The formula amount for the household with `incomes`, in `month`.
    func formulaFen(_ household: DemoHousehold, incomes: [IncomeRecord], deductions: [DeductionRecord], month: CalendarMonth) -> Int64 {
        AmountCalculator.calculate(programme: household.programme, members: household.members,
                                   assessment: IncomeAssessment(incomes: incomes, deductions: deductions), month: month,
                                   policy: try! policy.parameters(for: household.village.code, month: month)).monthlyAmountFen
    }

    /// Application to decision; the approval date, or nil when the case was rejected or is still pending.
    func application(_ draft: inout PlanDraft) -> BusinessDate? {
        let household = draft.household, township = household.township, scenario = household.scenario
        let caseworker = staff.caseworker(township)
        draft.add("submit", caseworker, .submitApplication(household.application))
        var verified = household.incomes
        if scenario == .rejectedIncome {
            let standard = parameters(household, on: draft.date).standardFen(for: household.programme)
            verified.append(IncomeRecord(kind: .business, monthlyFen: standard * Int64(household.members.count) + draft.random.fen(in: 5_000...60_000)))
        }
        draft.add("verify", caseworker, .recordVerification(HouseholdEconomicVerificationRecorded(
            verifiedOn: draft.later(3...6), verifiedBy: caseworker.actorId, incomes: verified, deductions: household.deductions,
            findings: scenario == .rejectedIncome ? "核对发现未申报的经营收入" : "信息核对与申报一致")))
        draft.add("visit", caseworker, homeVisit(township, on: draft.later(2...4), findings: "入户调查：家庭状况与申报一致"))
        let level = parameters(household, on: draft.date).approvalLevel
        let approver = staff.approver(at: level, township, index: household.index)
        if scenario == .rejectedIncome {
            draft.add("reject", approver, .rejectApplication(decidedBy: approver.actorId, level: level, on: draft.later(3...8),
                                                            reasonCode: "income_not_below_standard", reason: "家庭人均收入高于当地低保标准"))
            return nil
        }
        if parameters(household, on: draft.date).appraisalRequired { draft.add("appraisal", caseworker, appraisal(caseworker, on: draft.later(2...5), .supported)) }
        let posted = draft.later(1...3)
        draft.add("notice", caseworker, .postPublicNotice(PublicNoticePosted(postedOn: posted, endsOn: CalendarArithmetic.adding(days: 6, to: posted))))
        if scenario == .objectionApproved || scenario == .objectionRejected {
            let upheld = scenario == .objectionRejected
            draft.add("objection", caseworker, .raiseObjection(ObjectionRaised(raisedOn: draft.later(2...4), summary: "群众反映申请人家庭有未申报收入")))
            draft.add("visit-2", caseworker, homeVisit(township, on: draft.later(2...4), findings: upheld ? "复查：反映情况属实" : "复查：反映情况不属实"))
            draft.add("appraisal-2", caseworker, appraisal(caseworker, on: draft.later(1...3), upheld ? .opposed : .supported))
            if upheld {
                draft.add("reject", approver, .rejectApplication(decidedBy: approver.actorId, level: level, on: draft.later(2...6),
                                                                reasonCode: "objection_upheld", reason: "公示异议经复查属实"))
                return nil
            }
            let again = draft.later(1...2)
            draft.add("notice-2", caseworker, .postPublicNotice(PublicNoticePosted(postedOn: again, endsOn: CalendarArithmetic.adding(days: 6, to: again))))
        }
        if scenario == .pendingAtYearEnd { return nil }
        draft.date = CalendarArithmetic.adding(days: 6, to: draft.date)
        let reviewer = staff.reviewer(township)
        draft.add("review", reviewer, .reviewCase(reviewerId: reviewer.actorId, on: draft.later(1...3), proposedMonthlyFen: nil))
        let approvedOn = draft.later(1...4)
        draft.add("approve", approver, .approveCase(approverId: approver.actorId, level: level, on: approvedOn))
        return approvedOn
    }

    func homeVisit(_ township: DemoCounty.Township, on date: BusinessDate, findings: String) -> CaseCommand {
        .recordHomeVisit(HomeVisitRecorded(visitedOn: date, investigatorIds: [staff.caseworker(township).actorId, staff.secondInvestigatorId(township)],
                                           level: .township, findings: findings))
    }

    func appraisal(_ caseworker: Actor, on date: BusinessDate, _ outcome: AppraisalOutcome) -> CaseCommand {
        .recordAppraisal(DemocraticAppraisalRecorded(heldOn: date, recordedBy: caseworker.actorId, outcome: outcome))
    }
}
