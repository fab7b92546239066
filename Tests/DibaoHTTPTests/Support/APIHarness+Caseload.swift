import DibaoEvents
import DibaoProjections
import DibaoStore
import DibaoTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

extension APIHarness {
    /// Runs a case through HTTP from application to approval (首次审批) in `village`, with the
    /// reviewer proposing `monthlyFen`; returns the case id. `sequence` keeps ID numbers apart.
    func approvedCase(village: String = "140702001001", programme: String = "rural_dibao", monthlyFen: Int64, sequence: Int) async throws -> String {
        try await reviewedCase(village: village, programme: programme, monthlyFen: monthlyFen, sequence: sequence, approve: true)
    }

    /// Application → verification → home visit → appraisal → notice → review (→ approval).
    func reviewedCase(village: String = "140702001001", programme: String = "rural_dibao", monthlyFen: Int64, sequence: Int,
                      approve: Bool = false) async throws -> String {
        let created = try await send(.post, "/v1/cases", as: "caseworker", body: APIHarness.application { body in
            body["villageCode"] = .string(village)
            body["programme"] = .string(programme)
            body["members"] = [
                ["idNumber": .string(APIHarness.idNumber("19770305", String(100 + sequence))), "relation": "applicant", "seriouslyIll": false, "ableToWork": true],
                ["idNumber": .string(APIHarness.idNumber("19790611", String(500 + sequence))), "relation": "spouse", "seriouslyIll": false, "ableToWork": false],
            ]
        })
        let caseId = try #require(created.json["caseId"]?.stringValue, "\(created.json)")
        let steps: [(String, String, String)] = [
            ("verification", "caseworker", #"{"verifiedOn":"2022-03-08","incomes":[{"kind":"wages","monthlyFen":60033}],"deductions":[],"findings":"核对一致"}"#),
            ("home-visits", "caseworker", #"{"visitedOn":"2022-03-10","investigatorIds":["S-CASEWORKER","S-V2"],"level":"township","findings":"属实"}"#),
            ("appraisals", "caseworker", #"{"heldOn":"2022-03-12","outcome":"supported"}"#),
            ("notices", "caseworker", #"{"postedOn":"2022-03-14","endsOn":"2022-03-20"}"#),
            ("review", "reviewer", #"{"on":"2022-03-22","proposedMonthlyFen":\#(monthlyFen)}"#),
        ] + (approve ? [("approval", "approver", #"{"on":"2022-03-25"}"#)] : [])
        for (path, who, body) in steps {
            let result = try await send(.post, "/v1/cases/\(caseId)/\(path)", as: who, body: body)
            try #require(result.status == .ok, "\(path): \(result.json)")
        }
        return caseId
    }

    /// Applies caseload batches until the projection has every event. An empty batch while
    /// events remain is lag (another suite's open transaction holds the cluster-wide snapshot
    /// horizon), so it waits and retries rather than stopping early.
    func catchUpCaseload() async throws {
        let projection = Caseload()
        let engine = ProjectionEngine(store: store, projections: [projection], logger: TestLogging.logger)
        try await engine.register()
        let generation = try await engine.activeGeneration(of: projection)
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if try await engine.applyNextBatch(projection, generation: generation, limit: 50) > 0 { continue }
            let checkpoint = try await engine.checkpoint(projection, generation: generation)
            if try await store.backlog(after: checkpoint, category: projection.category).events == 0 { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the caseload projection did not catch up within 60 seconds")
    }

    /// Sends a GET and returns status, headers and the raw body text (for CSV).
    func raw(_ uri: String, as who: String?, headers extra: HTTPFields = [:]) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String) {
        var headers = extra
        if let who, let bearer = tokens[who] { headers[.authorization] = "Bearer \(bearer)" }
        let response = try await client.executeRequest(uri: uri, method: .get, headers: headers, body: nil)
        return (response.status, response.headers, String(buffer: response.body))
    }
}
