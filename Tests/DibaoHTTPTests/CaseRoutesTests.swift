import DibaoEvents
import DibaoHTTP
import DibaoTestSupport
import Foundation
import Hummingbird
import Testing

@Suite("The /v1 casework API on PostgreSQL", .tags(.postgres))
struct CaseRoutesTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("caseroutes") }

    @Test("Submit → … → approve through HTTP; GET shows the active case with overdue flags")
    func happyPath() async throws {
        try await APIHarness.run(database) { api in
            let key = UUID()
            let created = try await api.send(.post, "/v1/cases", as: "caseworker", key: key, body: APIHarness.application())
            #expect(created.status == .created)
            let caseId = try #require(created.json["caseId"]?.stringValue)
            #expect(caseId == "140702001001-" + key.uuidString.lowercased())
            let steps: [(String, String, String)] = [
                ("verification", "caseworker", #"{"verifiedOn":"2022-03-08","incomes":[{"kind":"wages","monthlyFen":60033}],"deductions":[],"findings":"核对一致"}"#),
                ("home-visits", "caseworker", #"{"visitedOn":"2022-03-10","investigatorIds":["S-CASEWORKER","S-V2"],"level":"township","findings":"属实"}"#),
                ("appraisals", "caseworker", #"{"heldOn":"2022-03-12","outcome":"supported"}"#),
                ("notices", "caseworker", #"{"postedOn":"2022-03-14","endsOn":"2022-03-20"}"#),
                ("review", "reviewer", #"{"on":"2022-03-22"}"#),
                ("approval", "approver", #"{"on":"2022-03-25"}"#),
            ]
            for (path, who, body) in steps {
                let result = try await api.send(.post, "/v1/cases/\(caseId)/\(path)", as: who, body: body)
                #expect(result.status == .ok, "\(path): \(result.json)")
            }
            let read = try await api.send(.get, "/v1/cases/\(caseId)", as: "finance", key: nil)
            #expect(read.status == .ok)
            #expect(read.json["status"] == "active" && read.json["version"] == 7)
            #expect(read.json["overdue"]?["recheck"] == .bool(false))
            #expect(!CanonicalJSON.string(read.json).contains("19770305"))
        }
    }

    @Test("A retried POST returns the first result; the same key with another body is 409")
    func idempotency() async throws {
        try await APIHarness.run(database) { api in
            let key = UUID()
            let first = try await api.send(.post, "/v1/cases", as: "caseworker", key: key, body: APIHarness.application())
            let retry = try await api.send(.post, "/v1/cases", as: "caseworker", key: key, body: APIHarness.application())
            #expect(first.status == .created && retry.status == .ok && retry.json["replayed"] == .bool(true))
            let other = try await api.send(.post, "/v1/cases", as: "caseworker", key: key,
                                           body: APIHarness.application { $0["submittedOn"] = "2022-03-02" })
            #expect(other.status == .conflict && APIHarness.errorCode(other.json) == "idempotency_key_reused")
        }
    }

    @Test("401 without a token or with a forged one")
    func unauthenticated() async throws {
        try await APIHarness.run(database) { api in
            let none = try await api.send(.post, "/v1/cases", as: nil, body: APIHarness.application())
            #expect(none.status == .unauthorized && APIHarness.errorCode(none.json) == "token_missing")
            let forged = try await api.send(.get, "/v1/cases/x", as: nil, token: "eyJhbGciOiJIUzI1NiJ9.e30.AAAA")
            #expect(forged.status == .unauthorized && APIHarness.errorCode(forged.json) == "token_invalid")
        }
    }

    @Test("403 for a role that may not act and for a case outside the jurisdiction; nothing is written")
    func forbidden() async throws {
        try await APIHarness.run(database) { api in
            let caseId = try #require(try await api.send(.post, "/v1/cases", as: "caseworker", body: APIHarness.application()).json["caseId"]?.stringValue)
            let finance = try await api.send(.post, "/v1/cases/\(caseId)/approval", as: "finance", body: #"{"on":"2022-03-25"}"#)
            #expect(finance.status == .forbidden && APIHarness.errorCode(finance.json) == "role_not_permitted")
            let outside = try await api.send(.get, "/v1/cases/\(caseId)", as: "yunnan", key: nil)
            #expect(outside.status == .forbidden && APIHarness.errorCode(outside.json) == "outside_jurisdiction")
            let submitOutside = try await api.send(.post, "/v1/cases", as: "caseworker", body: APIHarness.application { $0["villageCode"] = "530102001001" })
            #expect(submitOutside.status == .forbidden)
            #expect(try await api.send(.get, "/v1/cases/\(caseId)", as: "approver", key: nil).json["version"] == 1)
        }
    }

    @Test("400 names the field: malformed JSON, ID checksum, region code, negative and fractional amounts, missing key")
    func badRequests() async throws {
        try await APIHarness.run(database) { api in
            let malformed = try await api.send(.post, "/v1/cases", as: "caseworker", body: "{\"programme\":")
            #expect(malformed.status == .badRequest && APIHarness.errorCode(malformed.json) == "malformed_json")
            let checksum = try await api.send(.post, "/v1/cases", as: "caseworker", body: APIHarness.application { body in
                body["members"] = [["idNumber": .string(APIHarness.wrongCheckCharacter("19770305", "111")), "relation": "applicant", "seriouslyIll": false, "ableToWork": true]]
            })
            #expect(checksum.status == .badRequest && APIHarness.errorField(checksum.json) == "members[0].idNumber")
            let region = try await api.send(.post, "/v1/cases", as: "caseworker", body: APIHarness.application { $0["villageCode"] = "14070" })
            #expect(region.status == .badRequest && APIHarness.errorField(region.json) == "villageCode")
            let caseId = try #require(try await api.send(.post, "/v1/cases", as: "caseworker", body: APIHarness.application()).json["caseId"]?.stringValue)
            let negative = try await api.send(.post, "/v1/cases/\(caseId)/review", as: "reviewer", body: #"{"on":"2022-03-22","proposedMonthlyFen":-1}"#)
            #expect(negative.status == .badRequest && APIHarness.errorField(negative.json) == "proposedMonthlyFen")
            let fraction = try await api.send(.post, "/v1/cases/\(caseId)/review", as: "reviewer", body: #"{"on":"2022-03-22","proposedMonthlyFen":12.5}"#)
            #expect(fraction.status == .badRequest && APIHarness.errorCode(fraction.json) == "malformed_json")
            let unknown = try await api.send(.post, "/v1/cases/\(caseId)/review", as: "reviewer", body: #"{"on":"2022-03-22","reviewerId":"S-OTHER"}"#)
            #expect(unknown.status == .badRequest && APIHarness.errorField(unknown.json) == "reviewerId")
            let staffField = try await api.send(.post, "/v1/cases/\(caseId)/appraisals", as: "caseworker",
                                                body: #"{"heldOn":"2022-03-12","outcome":"supported","recordedBy":"S-SOMEONE"}"#)
            #expect(staffField.status == .badRequest && APIHarness.errorField(staffField.json) == "recordedBy")
            let noKey = try await api.send(.post, "/v1/cases/\(caseId)/review", as: "reviewer", key: nil, body: #"{"on":"2022-03-22"}"#)
            #expect(noKey.status == .badRequest && APIHarness.errorField(noKey.json) == "Idempotency-Key")
            #expect(try await api.send(.get, "/v1/cases/\(caseId)", as: "reviewer", key: nil).json["version"] == 1)
        }
    }

    @Test("404 for an unknown case, 422 with the rejection's stable code")
    func notFoundAndRejected() async throws {
        try await APIHarness.run(database) { api in
            let missing = try await api.send(.get, "/v1/cases/140702001001-nothing", as: "caseworker", key: nil)
            #expect(missing.status == .notFound && APIHarness.errorCode(missing.json) == "case_not_found")
            let missingPost = try await api.send(.post, "/v1/cases/140702001001-nothing/review", as: "reviewer", body: #"{"on":"2022-03-22"}"#)
            #expect(missingPost.status == .notFound)
            let caseId = try #require(try await api.send(.post, "/v1/cases", as: "caseworker", body: APIHarness.application()).json["caseId"]?.stringValue)
            let early = try await api.send(.post, "/v1/cases/\(caseId)/approval", as: "approver", body: #"{"on":"2022-03-25"}"#)
            #expect(early.status == .unprocessableContent && APIHarness.errorCode(early.json) == "review_missing")
        }
    }
}
