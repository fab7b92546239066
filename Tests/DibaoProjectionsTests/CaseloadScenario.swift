import DibaoEvents
import DibaoStore
import DibaoTestSupport

/// The caseload scenario every caseload test reads (amounts are ILLUSTRATIVE, in fen):
///
/// | case | programme | village | persons | story |
/// |---|---|---|---|---|
/// | A | rural 低保 | 140702001001 | 3 | approved from 2022-02 at 121,900; approval corrected to 120,000 |
/// | B | rural 低保 | 140702001002 | 2 | approved from 2022-03 at 80,000; tapering from 2022-05 (6 months) |
/// | C | urban 低保 | 140702002001 | 1 of 2 (单人户) | approved from 2022-02 at 60,000; suspended from 2022-04 |
/// | D | rural 低保 | 140702001001 | 4 | approved from 2022-02 at 100,000; exits effective 2022-04 |
/// | E | 特困 dispersed | 140721001001 | 1 | approved from 2022-03 at 95,000, corrected to 94,000; adjusted to 98,000 from 2022-04 |
/// | F | rural 低保 | 140702001001 | 2 | pending (never decided) |
/// | G | rural 低保 | 533103001001 | 2 | approved from 2022-02 at 50,000 (Yunnan: outside every 14… query) |
/// | H | 临时救助 | 140702001002 | 3 | emergency 500.00 paid 2022-04-10 at 140702001; stages 300.00 (04-20) and 200.00 (05-05) |
/// | I | rural 低保 | 140702002001 | 2 | approved from 2022-03 at 70,000 |
/// | J | rural 低保 | 140702001001 | 1 | rejected |
enum CaseloadScenario {
    static func seed(_ store: EventStore) async throws {
        typealias F = CaseloadFixtures
        try await F.append(store, "A", [F.application("A", "rural_dibao", village: "140702001001", size: 3, on: "2022-01-05")], on: "2022-01-05")
        try await F.append(store, "B", [F.application("B", "rural_dibao", village: "140702001002", size: 2, on: "2022-01-20")], on: "2022-01-20")
        try await F.append(store, "A", [F.approved(121_900, from: "2022-02", on: "2022-01-28")], on: "2022-01-28")
        try await F.append(store, "C", [F.application("C", "urban_dibao", village: "140702002001", size: 2, on: "2022-01-06", single: true),
                                        F.approved(60_000, from: "2022-02", on: "2022-01-27")], on: "2022-01-27")
        try await F.append(store, "D", [F.application("D", "rural_dibao", village: "140702001001", size: 4, on: "2022-01-07"),
                                        F.approved(100_000, from: "2022-02", on: "2022-01-29")], on: "2022-01-29")
        try await F.append(store, "B", [F.approved(80_000, from: "2022-03", on: "2022-02-25")], on: "2022-02-25")
        try await F.append(store, "E", [F.application("E", "tekun_dispersed", village: "140721001001", size: 1, on: "2022-02-01"),
                                        F.approved(95_000, from: "2022-03", on: "2022-02-20")], on: "2022-02-20")
        try await F.append(store, "F", [F.application("F", "rural_dibao", village: "140702001001", size: 2, on: "2022-03-01")], on: "2022-03-01")
        try await F.append(store, "G", [F.application("G", "rural_dibao", village: "533103001001", size: 2, on: "2022-01-03"),
                                        F.approved(50_000, from: "2022-02", on: "2022-01-25")], on: "2022-01-25")
        try await F.append(store, "I", [F.application("I", "rural_dibao", village: "140702002001", size: 2, on: "2022-02-03"),
                                        F.approved(70_000, from: "2022-03", on: "2022-02-26")], on: "2022-02-26")
        try await F.append(store, "J", [F.application("J", "rural_dibao", village: "140702001001", size: 1, on: "2022-02-03"),
                                        ApplicationRejected(decidedBy: "S-APPROVE", decidedOn: F.date("2022-02-27"), level: .county,
                                                            reasonCode: "income_not_below_standard", reason: "收入高于标准")], on: "2022-02-27")
        try await F.append(store, "C", [CaseSuspended(suspendedOn: F.date("2022-03-28"), fromMonth: F.month("2022-04"), reason: "未按时参加核查")], on: "2022-03-28")
        try await F.append(store, "D", [F.exited(from: "2022-04", on: "2022-03-15")], on: "2022-03-15")
        try await F.append(store, "E", [AmountAdjusted(adjustedOn: F.date("2022-03-20"), effectiveMonth: F.month("2022-04"), previousMonthlyFen: 95_000,
                                                       newMonthlyFen: 98_000, cause: .recheck)], on: "2022-03-20")
        // Corrections name the recorded event id; E's is upper-case to prove the match ignores case.
        let approvalA = try await F.eventId(store, "A", CaseApproved.eventType).uuidString.lowercased()
        try await F.append(store, "A", [correction(approvalA, 120_000, on: "2022-03-10")], on: "2022-03-10")
        let approvalE = try await F.eventId(store, "E", CaseApproved.eventType).uuidString
        try await F.append(store, "E", [correction(approvalE, 94_000, on: "2022-03-22")], on: "2022-03-22")
        try await F.append(store, "B", [TaperingStarted(startMonth: F.month("2022-05"), months: 6, endMonth: F.month("2022-10"), monthlyAmountFen: 80_000)],
                           on: "2022-04-25")
        try await F.append(store, "H", [F.application("H", "temporary_assistance", village: "140702001002", size: 3, on: "2022-04-09"),
                                        EmergencyAssistancePaid(paidOn: F.date("2022-04-10"), paidBy: "S-TOWN", level: .township,
                                                                emergencyLocationCode: F.region("140702001"), amountFen: 50_000,
                                                                explanationDueOn: F.date("2022-04-20"))], on: "2022-04-10")
        try await F.append(store, "H", [AssistanceStagePaid(stageNumber: 1, paidOn: F.date("2022-04-20"), amountFen: 30_000)], on: "2022-04-20")
        try await F.append(store, "H", [AssistanceStagePaid(stageNumber: 2, paidOn: F.date("2022-05-05"), amountFen: 20_000)], on: "2022-05-05")
    }

    static func correction(_ eventId: String, _ amountFen: Int64, on day: String) -> EventCorrected {
        EventCorrected(correctedEventId: eventId, correctedEventType: CaseApproved.eventType, correctedBy: "S-AUDIT",
                       correctedOn: CaseloadFixtures.date(day), reason: "保障金额录入错误", correctedMonthlyFen: amountFen)
    }
}
