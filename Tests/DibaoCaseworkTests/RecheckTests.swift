import DibaoCasework
import DibaoEvents
import Testing

@Suite("定期核查 re-checks (R004-13, R004-14)")
struct RecheckTests {
    @Test("R004-14, F-11: no marked change (under 10 %) keeps the amount; a marked change adjusts it from the next month")
    func unchangedOrAdjusted() {
        let approved = TaperingTests.approved()
        let small = [IncomeRecord(kind: .wages, monthlyFen: 61_000)]
        let outcome = approved.when(.recordRecheck(recheckedBy: "S-RECHECK", on: Fixtures.date("2022-09-20"), incomes: small,
                                                   deductions: [DeductionRecord(kind: .employmentCost, monthlyFen: 5_000)], incomeRiseCause: nil, taperingMonths: nil))
        #expect(outcome.events.count == 1)
        #expect(outcome.state.monthlyAmountFen == 121_900)
        let lower = approved.when(TaperingTests.recheck(incomes: [IncomeRecord(kind: .wages, monthlyFen: 15_000)], cause: nil))
        #expect(lower.events.last == .amountAdjusted(AmountAdjusted(adjustedOn: Fixtures.date("2022-09-20"), effectiveMonth: Fixtures.month("2022-10"),
                                                                    previousMonthlyFen: 121_900, newMonthlyFen: 161_900, cause: .recheck)))
    }

    @Test("R004-13 (004 Jinzhong), F-10: half-yearly for irregular income with an able-bodied member, yearly otherwise, from approval; overdue visible as of a date")
    func cadence() {
        let policy = Fixtures.policy(PolicyFixture.jinzhong, "2022-03")
        let unstable = TaperingTests.approved(Fixtures.application(irregular: true)).state
        #expect(unstable.recheckDueOn(policy: policy) == Fixtures.date("2022-09-25"))
        #expect(!unstable.isRecheckOverdue(asOf: Fixtures.date("2022-09-25"), policy: policy))
        #expect(unstable.isRecheckOverdue(asOf: Fixtures.date("2022-09-26"), policy: policy))
        let stable = TaperingTests.approved().state
        #expect(stable.recheckDueOn(policy: policy) == Fixtures.date("2023-03-25"))
        let rechecked = TaperingTests.approved().and(TaperingTests.recheck(on: "2023-03-01", incomes: [IncomeRecord(kind: .wages, monthlyFen: 55_033)], cause: nil)).state
        #expect(rechecked.recheckDueOn(policy: policy) == Fixtures.date("2024-03-01"))
    }
}
