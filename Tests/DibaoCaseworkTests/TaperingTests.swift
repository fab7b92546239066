import DibaoCasework
import DibaoEvents
import Testing

@Suite("渐退期 tapering (R000-06, R001-05, R003-06, R004-03, R-D12)")
struct TaperingTests {
    static let highWages = [IncomeRecord(kind: .wages, monthlyFen: 300_000)]

    static func recheck(on date: String = "2022-09-20", incomes: [IncomeRecord] = highWages, cause: IncomeRiseCause? = .employment, months: Int? = nil) -> CaseCommand {
        .recordRecheck(recheckedBy: "S-RECHECK", on: Fixtures.date(date), incomes: incomes, deductions: [], incomeRiseCause: cause, taperingMonths: months)
    }

    static func approved(_ application: ApplicationSubmitted = Fixtures.application(), level: AdministrativeLevel = .county) -> CaseSpec {
        CaseSpec.given(commands: Scenarios.reviewed(application) + [Scenarios.approve(level: level)])
    }

    @Test("R004-03 (004 Jinzhong): employment lifts income above the standard → exactly six months of tapering at the frozen amount (F-08, F-09)")
    func jinzhongSixMonths() {
        let outcome = Self.approved().when(Self.recheck())
        #expect(outcome.events.last == .taperingStarted(TaperingStarted(startMonth: Fixtures.month("2022-10"), months: 6,
                                                                          endMonth: Fixtures.month("2023-03"), monthlyAmountFen: 121_900)))
        #expect(outcome.state.status == .tapering)
        Self.approved().when(Self.recheck(months: 7)).thenRejected(.taperingExceedsPolicyMaximum(months: 7))
    }

    @Test("R004-03: in Jinzhong tapering is for rural 低保; an urban household above the standard exits by procedure (R004-14)")
    func jinzhongUrbanExits() {
        let outcome = Self.approved(Fixtures.application(programme: .urbanDibao)).when(Self.recheck())
        #expect(outcome.events.last == .caseExited(CaseExited(decidedBy: "S-RECHECK", decidedOn: Fixtures.date("2022-09-20"),
                                                              effectiveMonth: Fixtures.month("2022-10"), reason: .ineligibleAtRecheck)))
    }

    @Test("R004-03: a rise not through employment is not a tapering trigger in Jinzhong; R003-06 (003 Jingyuan): any rise is")
    func triggerCause() {
        #expect(Self.approved().when(Self.recheck(cause: .other)).state.status == .exited)
        let jingyuan = Fixtures.application(village: "640424001001")
        #expect(Self.approved(jingyuan).when(Self.recheck(cause: .other)).state.status == .tapering)
    }

    @Test("R000-06 (000 Yunnan): tapering may last 6 to 12 months; 13 exceeds the maximum (R-D12), 5 is below the minimum")
    func yunnanBounds() {
        let yunnan = Fixtures.application(village: "530102001001")
        #expect(Self.approved(yunnan).when(Self.recheck(months: 12)).state.tapering?.endMonth == Fixtures.month("2023-09"))
        Self.approved(yunnan).when(Self.recheck(months: 13)).thenRejected(.taperingExceedsPolicyMaximum(months: 13))
        Self.approved(yunnan).when(Self.recheck(months: 5)).thenRejected(.taperingBelowPolicyMinimum(months: 5))
    }

    @Test("R-D12: a re-check during tapering that finds income below the standard again ends tapering early")
    func endsEarly() {
        let tapering = Self.approved().and(Self.recheck())
        let outcome = tapering.when(Self.recheck(on: "2022-12-10", incomes: [IncomeRecord(kind: .wages, monthlyFen: 60_000)], cause: nil))
        #expect(outcome.events.dropFirst().first == .taperingEnded(TaperingEnded(endedOn: Fixtures.date("2022-12-10"), outcome: .returnedToNormal)))
        #expect(outcome.state.status == .active)
        #expect(outcome.state.monthlyAmountFen == 174_000 - 60_000 + 2_900)
        #expect(tapering.when(Self.recheck(on: "2022-12-10")).state.status == .tapering)
    }

    @Test("R-D12: after its last month tapering completes and the case exits; earlier it is refused; an overrun is visible")
    func completes() {
        let tapering = Self.approved().and(Self.recheck())
        tapering.when(.completeTapering(decidedBy: "S-APPROVE", on: Fixtures.date("2023-02-20"))).thenRejected(.taperingNotFinished(endMonth: Fixtures.month("2023-03")))
        tapering.when(.completeTapering(decidedBy: "S-APPROVE", on: Fixtures.date("2023-03-20"))).then([
            .taperingEnded(TaperingEnded(endedOn: Fixtures.date("2023-03-20"), outcome: .completed)),
            .caseExited(CaseExited(decidedBy: "S-APPROVE", decidedOn: Fixtures.date("2023-03-20"), effectiveMonth: Fixtures.month("2023-04"),
                                   reason: .incomeAboveStandardAfterTapering)),
        ])
        #expect(!tapering.state.isTaperingOverrun(asOf: Fixtures.date("2023-03-31")))
        #expect(tapering.state.isTaperingOverrun(asOf: Fixtures.date("2023-04-01")))
    }
}
