import DibaoCasework
import DibaoEvents
import Testing

@Suite("Lifecycle: application to approval")
struct LifecycleTests {
    @Test("The full procedure yields an approval with the formula amount from the month after approval (F-16)")
    func happyPath() {
        let outcome = CaseSpec.given(commands: Scenarios.reviewed()).when(Scenarios.approve())
        outcome.then([.caseApproved(CaseApproved(approverId: "S-APPROVE", approvedOn: Fixtures.date("2022-03-25"), level: .county,
                                                 monthlyAmountFen: 121_900, firstBenefitMonth: Fixtures.month("2022-04")))])
        #expect(outcome.state.status == .active)
        #expect(outcome.state.monthlyAmountFen == 121_900)
    }

    @Test("Review records the figures behind the proposed amount")
    func reviewFigures() {
        CaseSpec.given(commands: Scenarios.readyForReview()).when(Scenarios.review()).then([
            .caseReviewed(CaseReviewed(reviewerId: "S-REVIEW", reviewedOn: Fixtures.date("2022-03-22"), proposedMonthlyFen: 121_900,
                                       standardFen: 58_000, membersCounted: 3, assessedIncomeFen: 55_033)),
        ])
    }

    @Test("A second application on the same stream is refused")
    func oneApplicationPerStream() {
        CaseSpec.given(commands: [.submitApplication(Fixtures.application())]).when(.submitApplication(Fixtures.application())).thenRejected(.caseAlreadyOpened)
    }

    @Test("Review needs verification, a home visit, the appraisal policy requires, and an ended notice")
    func reviewPreconditions() {
        let submitted = CaseCommand.submitApplication(Fixtures.application())
        CaseSpec.given(commands: [submitted]).when(Scenarios.review()).thenRejected(.verificationMissing)
        CaseSpec.given(commands: [submitted, Scenarios.verification()]).when(Scenarios.review()).thenRejected(.homeVisitMissing)
        CaseSpec.given(commands: [submitted, Scenarios.verification(), Scenarios.homeVisit()]).when(Scenarios.review()).thenRejected(.democraticAppraisalMissing)
        CaseSpec.given(commands: [submitted, Scenarios.verification(), Scenarios.homeVisit(), Scenarios.appraisal()]).when(Scenarios.review()).thenRejected(.publicNoticeMissing)
        CaseSpec.given(commands: Scenarios.readyForReview()).when(Scenarios.review(on: "2022-03-20"))
            .thenRejected(.publicNoticeNotEnded(endsOn: Fixtures.date("2022-03-20")))
    }

    @Test("Appraisal not required in Jilin (ILLUSTRATIVE) until an objection triggers it; the objection needs re-investigation and a new notice")
    func objectionTriggersAppraisalAndNewNotice() {
        let jilin = Fixtures.application(village: "220102001001")
        let base = CaseSpec.given(commands: [.submitApplication(jilin), Scenarios.verification(), Scenarios.homeVisit(), Scenarios.notice()])
        #expect(base.when(Scenarios.review()).events.count == 1)
        let objected = base.and(.raiseObjection(ObjectionRaised(raisedOn: Fixtures.date("2022-03-16"), summary: "隐瞒收入")))
        objected.when(Scenarios.review(on: "2022-04-01")).thenRejected(.democraticAppraisalMissing)
        let appraised = objected.and(Scenarios.appraisal(on: "2022-03-25"))
        appraised.when(Scenarios.review(on: "2022-04-01")).thenRejected(.objectionUnresolved)
        let revisited = appraised.and(Scenarios.homeVisit(on: "2022-03-26"))
        revisited.when(Scenarios.review(on: "2022-04-01")).thenRejected(.objectionUnresolved)
        let renoticed = revisited.and(Scenarios.notice(on: "2022-03-28", endsOn: "2022-03-31"))
        #expect(renoticed.when(Scenarios.review(on: "2022-04-01")).events.count == 1)
    }

    @Test("A home visit needs at least two distinct investigators; the store names data.investigatorIds")
    func twoInvestigators() {
        let visit = HomeVisitRecorded(visitedOn: Fixtures.date("2022-03-10"), investigatorIds: ["S-V1", "S-V1"], level: .township, findings: "x")
        #expect(throws: EventValidationError.invalid(field: "data.investigatorIds", reason: "at least two distinct investigators")) {
            try LedgerCatalogue.make().validate(visit.proposed(effectiveDate: Fixtures.date("2022-03-10")))
        }
    }

    @Test("R-D08: a proposed amount above the formula is refused; a lower one is kept")
    func amountWithinFormula() {
        let ready = CaseSpec.given(commands: Scenarios.readyForReview())
        ready.when(Scenarios.review(amount: 122_000)).thenRejected(.amountExceedsFormula(proposedFen: 122_000, formulaFen: 121_900))
        #expect(ready.when(Scenarios.review(amount: 100_000)).state.review?.proposedMonthlyFen == 100_000)
    }

    @Test("Income at or above the standard is refused at review with the figures")
    func incomeTooHigh() {
        let rich = [IncomeRecord(kind: .wages, monthlyFen: 180_000)]
        CaseSpec.given(commands: [.submitApplication(Fixtures.application()), Scenarios.verification(incomes: rich), Scenarios.homeVisit(), Scenarios.appraisal(), Scenarios.notice()])
            .when(Scenarios.review()).thenRejected(.incomeNotBelowStandard(assessedIncomeFen: 175_000, standardTimesMembersFen: 174_000))
    }

    @Test("Rejection with a reason, at the policy's level and not by the reviewer (R-D01), ends the application")
    func rejection() {
        let reviewed = CaseSpec.given(commands: Scenarios.reviewed())
        func reject(_ staff: String, _ level: AdministrativeLevel) -> CaseCommand {
            .rejectApplication(decidedBy: staff, level: level, on: Fixtures.date("2022-03-25"), reasonCode: "income_not_below_standard", reason: "收入超标")
        }
        reviewed.when(reject("S-REVIEW", .county)).thenRejected(.approverMustDifferFromReviewer)
        reviewed.when(reject("S-APPROVE", .township)).thenRejected(.approvalLevelMismatch(required: .county, actual: .township))
        let outcome = reviewed.when(reject("S-APPROVE", .county))
        #expect(outcome.state.status == .rejected)
        #expect(outcome.state.isDecisionOverdue(asOf: Fixtures.date("2023-01-01"), policy: Fixtures.policy(PolicyFixture.jinzhong, "2022-03")) == false)
    }

    @Test("R002-06 (002 Jilin): approval at township level; a county approval is refused there, and a township one in Jinzhong (ILLUSTRATIVE county)")
    func approvalLevel() {
        let jilin = Fixtures.application(village: "220102001001")
        CaseSpec.given(commands: Scenarios.reviewed(jilin)).when(Scenarios.approve(level: .county)).thenRejected(.approvalLevelMismatch(required: .township, actual: .county))
        #expect(CaseSpec.given(commands: Scenarios.reviewed(jilin)).when(Scenarios.approve(level: .township)).state.status == .active)
        CaseSpec.given(commands: Scenarios.reviewed()).when(Scenarios.approve(level: .township)).thenRejected(.approvalLevelMismatch(required: .county, actual: .township))
    }

    @Test("R-D10, F-18: undecided 30 working days (Mon–Fri) after acceptance is overdue, visible as of a date")
    func decisionOverdue() {
        let policy = Fixtures.policy(PolicyFixture.jinzhong, "2022-03")
        let state = CaseSpec.given(commands: [.submitApplication(Fixtures.application(on: "2022-03-01"))]).state
        // 2022-03-01 is a Tuesday; 30 working days later is Tuesday 2022-04-12.
        #expect(state.decisionDueOn(policy: policy) == Fixtures.date("2022-04-12"))
        #expect(!state.isDecisionOverdue(asOf: Fixtures.date("2022-04-12"), policy: policy))
        #expect(state.isDecisionOverdue(asOf: Fixtures.date("2022-04-13"), policy: policy))
    }

    @Test("Working days count Monday to Friday only")
    func workingDays() {
        #expect(CalendarArithmetic.weekday(Fixtures.date("2022-03-01")) == 2)
        #expect(CalendarArithmetic.weekday(Fixtures.date("1970-01-01")) == 4)
        #expect(CalendarArithmetic.workingDays(after: Fixtures.date("2022-03-04"), through: Fixtures.date("2022-03-07")) == 1)
        #expect(CalendarArithmetic.adding(workingDays: 1, to: Fixtures.date("2022-03-04")) == Fixtures.date("2022-03-07"))
        #expect(CalendarArithmetic.date(dayNumber: CalendarArithmetic.dayNumber(Fixtures.date("2024-02-29"))) == Fixtures.date("2024-02-29"))
    }
}
