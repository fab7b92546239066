import DibaoCasework
import DibaoEvents
import Testing

@Suite("Suspension, exit, adjustment and correction")
struct ChangesTests {
    @Test("Suspension and resumption return the case to where it was; resuming before the suspension month is refused")
    func suspendResume() {
        let suspended = TaperingTests.approved().and(.suspendCase(on: Fixtures.date("2022-05-10"), fromMonth: Fixtures.month("2022-06"), reason: "外出未联系上"))
        #expect(suspended.state.status == .suspended)
        suspended.when(.resumeCase(on: Fixtures.date("2022-05-20"), fromMonth: Fixtures.month("2022-05"))).thenRejected(.resumptionBeforeSuspension)
        #expect(suspended.when(.resumeCase(on: Fixtures.date("2022-07-02"), fromMonth: Fixtures.month("2022-07"))).state.status == .active)
        TaperingTests.approved().when(.resumeCase(on: Fixtures.date("2022-07-02"), fromMonth: Fixtures.month("2022-07"))).thenRejected(.caseNotSuspended)
    }

    @Test("R-D06, F-12: on death the death month is paid; the exit is effective from the next month")
    func deathExit() {
        TaperingTests.approved().when(.exitCase(decidedBy: "S-APPROVE", on: Fixtures.date("2022-07-04"), reason: .death, deathDate: Fixtures.date("2022-06-15")))
            .then([.caseExited(CaseExited(decidedBy: "S-APPROVE", decidedOn: Fixtures.date("2022-07-04"), effectiveMonth: Fixtures.month("2022-07"), reason: .death))])
        let exited = TaperingTests.approved().and(.exitCase(decidedBy: "S-APPROVE", on: Fixtures.date("2022-07-04"), reason: .movedAway, deathDate: nil))
        exited.when(.exitCase(decidedBy: "S-APPROVE", on: Fixtures.date("2022-08-04"), reason: .voluntaryWithdrawal, deathDate: nil)).thenRejected(.caseNotActive)
    }

    @Test("R-D08: a household-change adjustment within the formula is accepted, above it refused")
    func adjustment() {
        let approved = TaperingTests.approved()
        approved.when(.adjustAmount(on: Fixtures.date("2022-06-01"), effectiveMonth: Fixtures.month("2022-07"), newMonthlyFen: 130_000))
            .thenRejected(.amountExceedsFormula(proposedFen: 130_000, formulaFen: 121_900))
        #expect(approved.when(.adjustAmount(on: Fixtures.date("2022-06-01"), effectiveMonth: Fixtures.month("2022-07"), newMonthlyFen: 110_000)).state.monthlyAmountFen == 110_000)
    }

    @Test("R-D03: a correction names the corrected event and why; it never rewrites; an amount only for the event that set it")
    func correction() {
        let approved = TaperingTests.approved()   // e7 is CaseApproved
        let outcome = approved.when(.correctEvent(eventId: "e7", correctedBy: "S-AUDIT", on: Fixtures.date("2022-04-10"), reason: "录入错误", correctedMonthlyFen: 120_000))
        outcome.then([.eventCorrected(EventCorrected(correctedEventId: "e7", correctedEventType: "CaseApproved", correctedBy: "S-AUDIT",
                                                     correctedOn: Fixtures.date("2022-04-10"), reason: "录入错误", correctedMonthlyFen: 120_000))])
        #expect(outcome.state.monthlyAmountFen == 120_000)
        #expect(outcome.state.approval?.monthlyAmountFen == 121_900)
        approved.when(.correctEvent(eventId: "e2", correctedBy: "S-AUDIT", on: Fixtures.date("2022-04-10"), reason: "x", correctedMonthlyFen: 1))
            .thenRejected(.correctionAmountNotApplicable(eventType: "HouseholdEconomicVerificationRecorded"))
        approved.when(.correctEvent(eventId: "e99", correctedBy: "S-AUDIT", on: Fixtures.date("2022-04-10"), reason: "x", correctedMonthlyFen: nil))
            .thenRejected(.correctedEventUnknown(eventId: "e99"))
    }
}
