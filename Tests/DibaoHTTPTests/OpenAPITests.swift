import DibaoCaseService
@testable import DibaoHTTP
import DibaoStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

@Suite("OpenAPI document and error translation")
struct OpenAPITests {
    static let documentPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/openapi.yaml").standardizedFileURL.path

    static func document() throws -> String {
        try String(contentsOfFile: documentPath, encoding: .utf8)
    }

    @Test("docs/openapi.yaml is what GET /openapi.yaml serves, byte for byte")
    func servedDocumentMatchesDocs() async throws {
        #expect(try Self.document() == OpenAPIDocument.yaml)
        let router = Router()
        OpenAPIRoute.add(to: router)
        let app = Application(router: router)
        try await app.test(.router) { client in
            let response = try await client.executeRequest(uri: "/openapi.yaml", method: .get, headers: [:], body: nil)
            #expect(response.status == .ok && String(buffer: response.body) == OpenAPIDocument.yaml)
        }
    }

    @Test("Every registered route is described, with its method")
    func everyRouteIsDescribed() throws {
        let lines = try Self.document().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let routes = CaseRoutes.routes + CaseloadRoutes.routes + ["GET /health", "GET /ready", "GET /metrics", "GET /openapi.yaml"]
        for route in routes {
            let parts = route.split(separator: " ")
            let (method, path) = (parts[0].lowercased(), String(parts[1]))
            guard let start = lines.firstIndex(of: "  \(path):") else { Issue.record("\(path) is missing from docs/openapi.yaml"); continue }
            let block = lines[(start + 1)...].prefix { $0.hasPrefix("   ") }
            #expect(block.contains("    \(method):"), "\(route) is missing its method in docs/openapi.yaml")
        }
        #expect(CaseRoutes.routes.count == 21)
    }

    @Test("Service errors map once to their status and stable code")
    func serviceErrors() {
        let cases: [(any Error, Int, String)] = [
            (CaseServiceError.caseNotFound(caseId: "c"), 404, "case_not_found"),
            (CaseServiceError.rejected(.reviewMissing), 422, "review_missing"),
            (CaseServiceError.conflict(stream: "case-c", expectedVersion: "1", actualVersion: 2), 409, "version_conflict"),
            (CaseServiceError.commandIdReused(commandId: UUID()), 409, "idempotency_key_reused"),
            (CaseServiceError.storedEventUnreadable(stream: "case-c", version: 1, reason: "x"), 500, "internal_error"),
            (AccessError.tokenExpired, 401, "token_expired"),
            (AccessError.outsideJurisdiction(jurisdictionCode: "530000", villageCode: "140702001001"), 403, "outside_jurisdiction"),
        ]
        for (error, status, code) in cases {
            let translated = APIError.translating(error)
            #expect(translated.status.code == status && translated.code == code, "\(error)")
        }
    }

    @Test("An unavailable store is a generic 503: no database text reaches the client")
    func storeUnavailable() {
        let error = APIError.translating(StoreError.unavailable(detail: "PSQLError server: relation dibao.events does not exist"))
        #expect(error.status == .serviceUnavailable && error.code == "store_unavailable")
        #expect(!error.message.contains("PSQL") && !error.message.contains("dibao.events"))
        #expect(APIError.translating(CocoaError(.fileNoSuchFile)).status == .internalServerError)
    }
}
