import DibaoEvents
import DibaoCaseService
import DibaoCasework
import DibaoHTTP
import DibaoStore
import DibaoTestSupport
import Foundation
import Hummingbird
import Testing

/// The case routes after approval and for 临时救助, through HTTP: one happy path and at least
/// one refusal each (a 403 for the wrong role, a 422 for a rule, a 400 for a bad field).
@Suite("The /v1 case changes on PostgreSQL", .tags(.postgres))
struct CaseChangeRoutesTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("casechanges") }

    func post(_ api: APIHarness, _ caseId: String, _ path: String, as who: String, _ body: String) async throws -> (status: HTTPResponse.Status, json: JSONValue) {
        try await api.send(.post, "/v1/cases/\(caseId)/\(path)", as: who, body: body)
    }

    @Test("rechecks: income from work starts 渐退期 tapering; tapering-completion refuses early, then exits the case")
    func recheckAndTaperingCompletion() async throws {
        try await APIHarness.run(database) { api in
            let caseId = try await api.approvedCase(monthlyFen: 50_000, sequence: 1)
            let byApprover = try await post(api, caseId, "rechecks", as: "approver", #"{"on":"2022-06-10"}"#)
            #expect(byApprover.status == .forbidden && APIHarness.errorCode(byApprover.json) == "role_not_permitted")
            let tooLong = try await post(api, caseId, "rechecks", as: "caseworker",
                                         #"{"on":"2022-06-10","incomes":[{"kind":"wages","monthlyFen":1000000}],"incomeRiseCause":"employment","taperingMonths":121}"#)
            #expect(tooLong.status == .badRequest && APIHarness.errorField(tooLong.json) == "taperingMonths")
            let recheck = try await post(api, caseId, "rechecks", as: "caseworker",
                                         #"{"on":"2022-06-10","incomes":[{"kind":"wages","monthlyFen":1000000}],"incomeRiseCause":"employment","taperingMonths":6}"#)
            #expect(recheck.status == .ok, "\(recheck.json)")
            #expect(recheck.json["events"] == ["RecheckRecorded", "TaperingStarted"])
            #expect(recheck.json["case"]?["status"] == "tapering" && recheck.json["case"]?["tapering"]?["endMonth"] == "2022-12")
            let early = try await post(api, caseId, "tapering-completion", as: "approver", #"{"on":"2022-09-01"}"#)
            #expect(early.status == .unprocessableContent && APIHarness.errorCode(early.json) == "tapering_not_finished")
            let done = try await post(api, caseId, "tapering-completion", as: "approver", #"{"on":"2022-12-20"}"#)
            #expect(done.status == .ok && done.json["case"]?["status"] == "exited", "\(done.json)")
            let again = try await post(api, caseId, "tapering-completion", as: "approver", #"{"on":"2022-12-21"}"#)
            #expect(again.status == .unprocessableContent && APIHarness.errorCode(again.json) == "case_not_tapering")
        }
    }

    @Test("suspension and resumption: 暂停 then 恢复; resuming an active case and a caseworker suspending are refused")
    func suspensionAndResumption() async throws {
        try await APIHarness.run(database) { api in
            let caseId = try await api.approvedCase(monthlyFen: 50_000, sequence: 2)
            let notSuspended = try await post(api, caseId, "resumption", as: "approver", #"{"on":"2022-05-01","fromMonth":"2022-05"}"#)
            #expect(notSuspended.status == .unprocessableContent && APIHarness.errorCode(notSuspended.json) == "case_not_suspended")
            let byCaseworker = try await post(api, caseId, "suspension", as: "caseworker", #"{"on":"2022-05-10","fromMonth":"2022-06","reason":"外出务工失联"}"#)
            #expect(byCaseworker.status == .forbidden)
            let badMonth = try await post(api, caseId, "suspension", as: "approver", #"{"on":"2022-05-10","fromMonth":"2022-6","reason":"外出务工失联"}"#)
            #expect(badMonth.status == .badRequest && APIHarness.errorField(badMonth.json) == "fromMonth")
            let suspended = try await post(api, caseId, "suspension", as: "approver", #"{"on":"2022-05-10","fromMonth":"2022-06","reason":"外出务工失联"}"#)
            #expect(suspended.status == .ok && suspended.json["case"]?["status"] == "suspended" && suspended.json["case"]?["suspendedFromMonth"] == "2022-06")
            let tooEarly = try await post(api, caseId, "resumption", as: "approver", #"{"on":"2022-07-02","fromMonth":"2022-05"}"#)
            #expect(tooEarly.status == .unprocessableContent && APIHarness.errorCode(tooEarly.json) == "resumption_before_suspension")
            let resumed = try await post(api, caseId, "resumption", as: "approver", #"{"on":"2022-07-02","fromMonth":"2022-07"}"#)
            #expect(resumed.status == .ok && resumed.json["case"]?["status"] == "active", "\(resumed.json)")
        }
    }

    @Test("exit: 退出 from the next month; an unknown reason is 400, exiting twice is 422")
    func exit() async throws {
        try await APIHarness.run(database) { api in
            let caseId = try await api.approvedCase(monthlyFen: 50_000, sequence: 3)
            let unknown = try await post(api, caseId, "exit", as: "approver", #"{"on":"2022-06-15","reason":"bored"}"#)
            #expect(unknown.status == .badRequest && APIHarness.errorField(unknown.json) == "reason")
            let exited = try await post(api, caseId, "exit", as: "approver", #"{"on":"2022-06-15","reason":"moved_away"}"#)
            #expect(exited.status == .ok && exited.json["case"]?["status"] == "exited" && exited.json["case"]?["exit"]?["effectiveMonth"] == "2022-07")
            let twice = try await post(api, caseId, "exit", as: "approver", #"{"on":"2022-06-16","reason":"moved_away"}"#)
            #expect(twice.status == .unprocessableContent && APIHarness.errorCode(twice.json) == "case_not_active")
        }
    }

    @Test("corrections: 更正 names the approval by the event id the case's history shows; an unknown id is 422; nothing is overwritten")
    func corrections() async throws {
        try await APIHarness.run(database) { api in
            let caseId = try await api.approvedCase(monthlyFen: 50_000, sequence: 4)
            let events = try await api.store.readStream(StreamName("case-\(caseId)"))
            let approval = try #require(events.first { $0.eventType == "CaseApproved" })

            // The history lists every event with its id, version, actor and authority, as the log holds them.
            let before = try await api.send(.get, "/v1/cases/\(caseId)", as: "inspector")
            let history = try #require(before.json["history"]?.arrayValue, "\(before.json)")
            #expect(history.count == events.count)
            #expect(history.map { $0["eventId"]?.stringValue } == events.map { $0.eventId.uuidString.lowercased() })
            #expect(history.map { $0["version"]?.integerValue } == events.map(\.streamVersion))
            let approvalEntry = try #require(history.first { $0["eventType"] == "CaseApproved" })
            #expect(approvalEntry["actorId"] == "S-APPROVER" && approvalEntry["actorRole"] == "approver" && approvalEntry["jurisdictionCode"] == "140702",
                    "\(approvalEntry)")
            #expect(approvalEntry["effectiveDate"]?.stringValue == approval.effectiveDate.description)
            let recordedAt = try #require(approvalEntry["recordedAt"]?.stringValue)
            #expect(recordedAt.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil, "\(recordedAt)")
            for entry in history {
                let keys = Set(entry.objectValue?.keys.map { $0 } ?? [])
                #expect(keys.subtracting(["reason"]) == ["version", "eventId", "eventType", "effectiveDate", "recordedAt", "actorId", "actorRole", "jurisdictionCode"],
                        "\(entry)")
            }

            let unknown = try await post(api, caseId, "corrections", as: "approver",
                                         #"{"on":"2022-04-02","eventId":"00000000-0000-0000-0000-000000000000","reason":"录入错误"}"#)
            #expect(unknown.status == .unprocessableContent && APIHarness.errorCode(unknown.json) == "corrected_event_unknown")
            let eventId = try #require(approvalEntry["eventId"]?.stringValue)
            let withIdNumber = try await post(api, caseId, "corrections", as: "approver",
                                              #"{"on":"2022-04-02","eventId":"\#(eventId)","reason":"身份证号 14070219800101123X 录错"}"#)
            #expect(withIdNumber.status == .badRequest && APIHarness.errorField(withIdNumber.json) == "reason", "\(withIdNumber.json)")
            // Event ids are shown lower-case and accepted in any case.
            let corrected = try await post(api, caseId, "corrections", as: "approver",
                                           #"{"on":"2022-04-02","eventId":"\#(eventId.uppercased())","reason":"录入错误","correctedMonthlyFen":48000}"#)
            #expect(corrected.status == .ok && corrected.json["events"] == ["EventCorrected"], "\(corrected.json)")
            let after = try await api.store.readStream(StreamName("case-\(caseId)"))
            #expect(after.count == events.count + 1 && after.first { $0.eventType == "CaseApproved" }?.dataText == approval.dataText)

            // The corrected event stays in the history; the correction follows it, with its reason.
            let afterHistory = try #require(try await api.send(.get, "/v1/cases/\(caseId)", as: "inspector").json["history"]?.arrayValue)
            #expect(afterHistory.count == history.count + 1 && Array(afterHistory.prefix(history.count)) == history)
            #expect(afterHistory.last?["eventType"] == "EventCorrected" && afterHistory.last?["reason"] == "录入错误", "\(String(describing: afterHistory.last))")
        }
    }

    @Test("A reason stored before free text was checked is shown with its ID number masked (R-D04)")
    func storedReasonIsMasked() async throws {
        try await APIHarness.run(database) { api in
            let caseId = try await api.approvedCase(monthlyFen: 50_000, sequence: 5)
            // Straight through the case service, as an older build's HTTP layer let it through.
            let service = CaseService(store: api.store, logger: TestLogging.logger)
            let approver = Actor(actorId: "S-APPROVER", displayName: "approver", role: .approver, jurisdictionCode: try RegionCode("140702"))
            _ = try await service.execute(.suspendCase(on: try BusinessDate("2022-05-10"), fromMonth: try CalendarMonth("2022-06"),
                                                       reason: "户主 14070219800101123X 外出失联"),
                                          caseId: caseId, actor: approver, commandId: UUID())
            let view = try await api.send(.get, "/v1/cases/\(caseId)", as: "inspector")
            let suspension = try #require(view.json["history"]?.arrayValue?.last)
            #expect(suspension["eventType"] == "CaseSuspended" && suspension["reason"] == "户主 140702********123X 外出失联", "\(suspension)")
        }
    }

    @Test("emergency-assistance and emergency-explanation: 急难型 paid first, explained afterwards; over the cap and a second explanation are 422")
    func emergencyAssistance() async throws {
        try await APIHarness.run(database) { api in
            let created = try await api.send(.post, "/v1/cases", as: "caseworker", body: APIHarness.application { $0["programme"] = "temporary_assistance" })
            let caseId = try #require(created.json["caseId"]?.stringValue, "\(created.json)")
            let overCap = try await post(api, caseId, "emergency-assistance", as: "approver",
                                         #"{"on":"2022-03-02","emergencyLocationCode":"140702001001","amountFen":100001}"#)
            #expect(overCap.status == .unprocessableContent && APIHarness.errorCode(overCap.json) == "emergency_amount_exceeds_cap", "\(overCap.json)")
            let badLocation = try await post(api, caseId, "emergency-assistance", as: "approver", #"{"on":"2022-03-02","emergencyLocationCode":"1407","amountFen":100}"#)
            #expect(badLocation.status == .badRequest && APIHarness.errorField(badLocation.json) == "emergencyLocationCode")
            let paid = try await post(api, caseId, "emergency-assistance", as: "approver", #"{"on":"2022-03-02","emergencyLocationCode":"140702001001","amountFen":80000}"#)
            #expect(paid.status == .ok && paid.json["events"] == ["EmergencyAssistancePaid"], "\(paid.json)")
            let explained = try await post(api, caseId, "emergency-explanation", as: "caseworker", #"{"on":"2022-03-05","explanation":"火灾，先行救助"}"#)
            #expect(explained.status == .ok && explained.json["events"] == ["EmergencyExplanationRecorded"], "\(explained.json)")
            let twice = try await post(api, caseId, "emergency-explanation", as: "caseworker", #"{"on":"2022-03-06","explanation":"补充"}"#)
            #expect(twice.status == .unprocessableContent && APIHarness.errorCode(twice.json) == "no_emergency_payment_awaiting_explanation")
        }
    }

    @Test("expenditure-approval and stages: 支出型 approved once, paid in stages up to the total; a stage before approval and one over the total are 422")
    func expenditureAssistance() async throws {
        try await APIHarness.run(database) { api in
            let caseId = try await api.reviewedCase(programme: "temporary_assistance", monthlyFen: 300_000, sequence: 5)
            let early = try await post(api, caseId, "stages", as: "caseworker", #"{"on":"2022-03-28","amountFen":10000}"#)
            #expect(early.status == .unprocessableContent && APIHarness.errorCode(early.json) == "expenditure_assistance_not_approved", "\(early.json)")
            let noStages = try await post(api, caseId, "expenditure-approval", as: "approver", #"{"on":"2022-03-25","totalFen":300000}"#)
            #expect(noStages.status == .badRequest && APIHarness.errorField(noStages.json) == "plannedStages")
            let approved = try await post(api, caseId, "expenditure-approval", as: "approver", #"{"on":"2022-03-25","totalFen":300000,"plannedStages":2}"#)
            #expect(approved.status == .ok && approved.json["events"] == ["ExpenditureAssistanceApproved"], "\(approved.json)")
            let first = try await post(api, caseId, "stages", as: "caseworker", #"{"on":"2022-03-28","amountFen":200000}"#)
            #expect(first.status == .ok && first.json["events"] == ["AssistanceStagePaid"], "\(first.json)")
            let over = try await post(api, caseId, "stages", as: "caseworker", #"{"on":"2022-04-28","amountFen":100001}"#)
            #expect(over.status == .unprocessableContent && APIHarness.errorCode(over.json) == "stages_exceed_approved_total")
            let byApprover = try await post(api, caseId, "stages", as: "approver", #"{"on":"2022-04-28","amountFen":100000}"#)
            #expect(byApprover.status == .forbidden)
            let second = try await post(api, caseId, "stages", as: "caseworker", #"{"on":"2022-04-28","amountFen":100000}"#)
            #expect(second.status == .ok)
        }
    }
}
