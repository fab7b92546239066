import DibaoCasework
import DibaoEvents
import Testing

@Suite("临时救助 temporary assistance (R001-10/11/12, R004-12)")
struct TemporaryAssistanceTests {
    static let application = Fixtures.application(caseId: "T1", programme: .temporaryAssistance, on: "2022-05-03")
    static let opened = CaseSpec.given(commands: [.submitApplication(application)])

    static func pay(_ amount: Int64, on date: String = "2022-05-03", location: String = "140702001001") -> CaseCommand {
        .payEmergencyAssistance(paidBy: "S-TOWN", level: .township, on: Fixtures.date(date), emergencyLocationCode: Fixtures.region(location), amountFen: amount)
    }

    @Test("R004-12, R001-11: the emergency type is paid first up to the cap (ILLUSTRATIVE 1 000 yuan); the explanation is due 10 days later (ILLUSTRATIVE)")
    func emergencyPaidFirst() {
        Self.opened.when(Self.pay(100_000)).then([.emergencyAssistancePaid(EmergencyAssistancePaid(
            paidOn: Fixtures.date("2022-05-03"), paidBy: "S-TOWN", level: .township, emergencyLocationCode: Fixtures.region("140702001001"),
            amountFen: 100_000, explanationDueOn: Fixtures.date("2022-05-13")))])
        Self.opened.when(Self.pay(100_001)).thenRejected(.emergencyAmountExceedsCap(capFen: 100_000))
    }

    @Test("R001-11: an explanation not recorded by its due day is overdue as of the next day; recording it clears it")
    func explanationOverdue() {
        let paid = Self.opened.and(Self.pay(50_000))
        #expect(paid.state.overdueExplanations(asOf: Fixtures.date("2022-05-13")).isEmpty)
        #expect(paid.state.overdueExplanations(asOf: Fixtures.date("2022-05-14")).count == 1)
        let explained = paid.and(.recordEmergencyExplanation(recordedBy: "S-TOWN", on: Fixtures.date("2022-05-20"), explanation: "火灾，房屋损毁"))
        #expect(explained.state.overdueExplanations(asOf: Fixtures.date("2022-06-01")).isEmpty)
        explained.when(.recordEmergencyExplanation(recordedBy: "S-TOWN", on: Fixtures.date("2022-05-21"), explanation: "again")).thenRejected(.noEmergencyPaymentAwaitingExplanation)
    }

    @Test("R001-10: paid where the emergency happened, under that jurisdiction's policy (Mangshi, inherited cap)")
    func placeOfEmergency() {
        #expect(Self.opened.when(Self.pay(80_000, location: "533103001001")).events.count == 1)
        CaseSpec.given(commands: Scenarios.approved()).when(Self.pay(10_000)).thenRejected(.programmeMismatch(programme: "rural_dibao"))
    }

    @Test("R001-12, R004-12: expenditure type — one approval after review, stages sum to at most the approved total")
    func stagedExpenditure() {
        let reviewed = Self.opened.and(Scenarios.verification()).and(Scenarios.homeVisit()).and(Scenarios.review(on: "2022-05-10", amount: 300_000))
        reviewed.when(.approveExpenditureAssistance(approverId: "S-REVIEW", on: Fixtures.date("2022-05-12"), totalFen: 300_000, plannedStages: 3))
            .thenRejected(.approverMustDifferFromReviewer)
        let approved = reviewed.and(.approveExpenditureAssistance(approverId: "S-APPROVE", on: Fixtures.date("2022-05-12"), totalFen: 300_000, plannedStages: 3))
        approved.when(.approveExpenditureAssistance(approverId: "S-APPROVE", on: Fixtures.date("2022-05-13"), totalFen: 1, plannedStages: 1))
            .thenRejected(.expenditureAssistanceAlreadyApproved)
        let two = approved.and(.payAssistanceStage(on: Fixtures.date("2022-05-15"), amountFen: 100_000)).and(.payAssistanceStage(on: Fixtures.date("2022-06-15"), amountFen: 150_000))
        two.when(.payAssistanceStage(on: Fixtures.date("2022-07-15"), amountFen: 50_001))
            .thenRejected(.stagesExceedApprovedTotal(approvedFen: 300_000, requestedTotalFen: 300_001))
        two.when(.payAssistanceStage(on: Fixtures.date("2022-07-15"), amountFen: 50_000))
            .then([.assistanceStagePaid(AssistanceStagePaid(stageNumber: 3, paidOn: Fixtures.date("2022-07-15"), amountFen: 50_000))])
        Self.opened.when(.payAssistanceStage(on: Fixtures.date("2022-07-15"), amountFen: 1)).thenRejected(.expenditureAssistanceNotApproved)
    }
}
