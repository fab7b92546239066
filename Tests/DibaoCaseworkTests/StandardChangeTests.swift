import DibaoCasework
import DibaoEvents
import Testing

@Suite("标准调整: a new standard adjusts every affected active case (R-D05, R001-06)")
struct StandardChangeTests {
    func raise(_ code: String, from month: String, announced: String, rural: Int64) -> PolicyParametersSet {
        var values = PolicyParameterValues()
        values.ruralStandardFen = .illustrative(rural)
        return PolicyParametersSet(jurisdictionCode: Fixtures.region(code), effectiveFrom: Fixtures.month(month),
                                   announcedOn: Fixtures.date(announced), document: "test raise", parameters: values)
    }

    @Test("R-D05, F-17: a retroactive raise yields one adjustment per active case from its effective month, with arrears for months already paid")
    func retroactiveRaise() {
        let active = TaperingTests.approved().state     // Jinzhong, 121 900 from 2022-04
        let other = TaperingTests.approved(Fixtures.application(caseId: "C2", village: "140702002001")).state
        let event = raise("140700", from: "2022-07", announced: "2022-09-05", rural: 62_000)
        #expect(event.isRetroactive)
        let adjustments = StandardChangeAdjuster.adjustments(cases: [active, other], newPolicy: event, book: PolicyFixture.book,
                                                             processedOn: Fixtures.date("2022-09-06"), paidThrough: Fixtures.month("2022-09"))
        // 3 × 62 000 − 55 033 + 3 100 add-on = 134 067 → 134 100; arrears for July, August, September.
        let expected = AmountAdjusted(adjustedOn: Fixtures.date("2022-09-06"), effectiveMonth: Fixtures.month("2022-07"), previousMonthlyFen: 121_900,
                                      newMonthlyFen: 134_100, arrearsFen: 3 * 12_200, cause: .standardChange)
        #expect(adjustments == [.init(caseId: "C1", event: expected), .init(caseId: "C2", event: expected)])
    }

    @Test("Cases outside the jurisdiction, tapering (F-08) and exited cases get no adjustment; a case approved after the effective month starts at its first benefit month")
    func scope() {
        let yunnan = TaperingTests.approved(Fixtures.application(caseId: "Y1", village: "530102001001")).state
        let tapering = TaperingTests.approved().and(TaperingTests.recheck()).state
        let event = raise("140700", from: "2022-01", announced: "2022-05-05", rural: 62_000)
        let active = TaperingTests.approved().state
        let adjustments = StandardChangeAdjuster.adjustments(cases: [yunnan, tapering, active], newPolicy: event, book: PolicyFixture.book,
                                                             processedOn: Fixtures.date("2022-05-06"), paidThrough: Fixtures.month("2022-05"))
        #expect(adjustments.map(\.caseId) == ["C1"])
        #expect(adjustments.first?.event.effectiveMonth == Fixtures.month("2022-04"))
        #expect(adjustments.first?.event.arrearsFen == 24_400)   // April and May at 12 200 more
    }

    @Test("A prospective change carries no arrears, and a lower standard is never clawed back (F-17)")
    func noArrears() {
        let active = TaperingTests.approved().state
        let prospective = raise("140700", from: "2022-10", announced: "2022-09-05", rural: 62_000)
        #expect(StandardChangeAdjuster.adjustments(cases: [active], newPolicy: prospective, book: PolicyFixture.book,
                                                   processedOn: Fixtures.date("2022-09-06"), paidThrough: Fixtures.month("2022-09")).first?.event.arrearsFen == 0)
        let lower = raise("140700", from: "2022-07", announced: "2022-09-05", rural: 57_000)
        let adjustment = StandardChangeAdjuster.adjustments(cases: [active], newPolicy: lower, book: PolicyFixture.book,
                                                            processedOn: Fixtures.date("2022-09-06"), paidThrough: Fixtures.month("2022-09")).first
        #expect(adjustment?.event.newMonthlyFen == 118_800 && adjustment?.event.arrearsFen == 0)
    }
}
