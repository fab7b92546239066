import DibaoCaseService
import DibaoEvents
import DibaoHTTP
import DibaoProjections
import DibaoStore
import DibaoTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

/// A real application (router driven by HummingbirdTesting) on a real store with the policy
/// fixture loaded, and tokens for the staff of a Jinzhong (140702) township.
struct APIHarness {
    static let secret = Array("http-tests-secret-of-at-least-32-bytes".utf8)
    static let today = try! BusinessDate("2022-04-01")

    let client: any TestClientProtocol
    let tokens: [String: String]
    /// The store behind the API, for catching projections up and counting what was written.
    let store: EventStore

    static func run(_ database: TestDatabase, _ body: @Sendable (APIHarness) async throws -> Void) async throws {
        try await withStore(database, catalogue: LedgerCatalogue.make()) { store in
            _ = try await PolicyLoader(store: store).loadFixture()
            let routes = CaseRoutes(service: CaseService(store: store, logger: TestLogging.logger),
                                    verifier: await TokenVerifier(secret: secret), today: { today })
            let operations = OperationsRoutes(readiness: ReadinessProbe(checks: []), registry: PrometheusCollectorRegistry(), beforeScrape: {})
            let issuer = await TokenIssuer(secret: secret)
            var tokens: [String: String] = [:]
            for (name, role, code) in [("caseworker", ActorRole.caseworker, "140702001"), ("reviewer", .caseworker, "140702001"),
                                       ("approver", .approver, "140702"), ("finance", .finance, "140702"), ("yunnan", .approver, "530000"),
                                       ("inspector", .inspector, "140702")] {
                tokens[name] = try await issuer.issue(for: Actor(actorId: "S-\(name.uppercased())", displayName: name, role: role,
                                                                 jurisdictionCode: try RegionCode(code)))
            }
            let engine = ProjectionEngine(store: store, projections: [Caseload()], logger: TestLogging.logger)
            let caseload = CaseloadRoutes(caseload: CaseloadQuery(client: store.client, logger: TestLogging.logger),
                                          monthly: MonthlyStatisticsQuery(client: store.client, logger: TestLogging.logger),
                                          verifier: await TokenVerifier(secret: secret),
                                          freshness: { try? await engine.status(of: Caseload()) })
            let app = Application(router: DibaoApplication.router(operations: operations, cases: routes, caseload: caseload))
            let issued = tokens
            try await app.test(.router) { client in try await body(APIHarness(client: client, tokens: issued, store: store)) }
        }
    }

    /// Sends a request as `as` (a token name, or nil for none); returns status and parsed body.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, as who: String?, key: UUID? = UUID(), body: String? = nil,
              token: String? = nil) async throws -> (status: HTTPResponse.Status, json: JSONValue) {
        var headers = HTTPFields()
        if let bearer = token ?? who.flatMap({ tokens[$0] }) { headers[.authorization] = "Bearer \(bearer)" }
        if let key { headers[HTTPFields.Element.Name("Idempotency-Key")!] = key.uuidString }
        headers[.contentType] = "application/json"
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        let text = String(buffer: response.body)
        return (response.status, (try? StrictJSONParser.parse(text)) ?? .string(text))
    }

    static func idNumber(_ birth: String, _ sequence: String) -> String {
        let body = "140702" + birth + sequence
        return body + String(Character(Unicode.Scalar(ResidentIdNumber.checkCharacter(body.utf8.map { Int($0) - 48 }))))
    }

    /// An ID number whose check character is wrong.
    static func wrongCheckCharacter(_ birth: String, _ sequence: String) -> String {
        let valid = idNumber(birth, sequence)
        return String(valid.dropLast()) + (valid.hasSuffix("0") ? "1" : "0")
    }

    /// A valid application body; `change` edits it before it is printed.
    static func application(_ change: (inout [String: JSONValue]) -> Void = { _ in }) -> String {
        var members: [String: JSONValue] = [
            "programme": "rural_dibao", "villageCode": "140702001001", "submittedOn": "2022-03-01",
            "members": [
                ["idNumber": .string(idNumber("19770305", "111")), "relation": "applicant", "seriouslyIll": false, "ableToWork": true],
                ["idNumber": .string(idNumber("19790611", "222")), "relation": "spouse", "seriouslyIll": false, "ableToWork": false],
            ],
            "incomes": [["kind": "wages", "monthlyFen": 60_033]], "deductions": [], "assets": [],
            "applicantDeclaresStaffKinship": false, "incomeIrregular": false,
        ]
        change(&members)
        return CanonicalJSON.string(.object(members))
    }

    static func errorCode(_ json: JSONValue) -> String? { json["error"]?["code"]?.stringValue }
    static func errorField(_ json: JSONValue) -> String? { json["error"]?["field"]?.stringValue }
}
