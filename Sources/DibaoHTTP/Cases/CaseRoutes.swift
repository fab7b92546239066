import DibaoCaseService
import DibaoCasework
import DibaoEvents
import Foundation
import Hummingbird

/// The /v1 casework API: one POST per `CaseCommand` and `GET /v1/cases/{id}`, behind bearer
/// tokens. Every POST needs an `Idempotency-Key` (a UUID): it is the command id, so a retry
/// returns the first result and writes nothing.
public struct CaseRoutes: Sendable {
    public let service: CaseService
    public let verifier: TokenVerifier
    /// Today's business date, for the overdue flags of a read (China Standard Time by default).
    public let today: @Sendable () -> BusinessDate

    public init(service: CaseService, verifier: TokenVerifier, today: @escaping @Sendable () -> BusinessDate = CaseRoutes.chinaToday) {
        self.service = service
        self.verifier = verifier
        self.today = today
    }

    /// Every route this adds, as `METHOD /path` (the OpenAPI completeness test walks it).
    public static var routes: [String] {
        ["POST /v1/cases", "GET /v1/cases/{id}"] + CaseEndpoint.all.map { "POST /v1/cases/{id}/\($0.path)" }
    }

    public func add(to router: Router<DibaoRequestContext>) {
        let group = router.group("v1").add(middleware: APIErrorMiddleware<DibaoRequestContext>()).add(middleware: BearerAuthMiddleware(verifier: verifier))
        group.post("cases") { request, context in
            let actor = try context.requireActor()
            let commandId = try Self.idempotencyKey(request)
            var body = try await CommandBody.read(request)
            let application = try ApplicationRequest.decode(&body, commandId: commandId)
            let outcome = try await service.execute(.submitApplication(application), caseId: application.caseId, actor: actor, commandId: commandId)
            return try await respond(outcome, status: outcome.replayed ? .ok : .created)
        }
        group.get("cases/{id}") { _, context in
            let actor = try context.requireActor()
            let snapshot = try await service.caseState(caseId: try context.parameters.require("id"), actor: actor)
            return JSONResponse.make(CaseView.json(snapshot, asOf: today()), status: .ok)
        }
        for endpoint in CaseEndpoint.all {
            group.post("cases/{id}/\(endpoint.path)") { request, context in
                let actor = try context.requireActor()
                let commandId = try Self.idempotencyKey(request)
                var body = try await CommandBody.read(request)
                let command = try endpoint.command(&body, actor)
                try body.finish()
                let outcome = try await service.execute(command, caseId: try context.parameters.require("id"), actor: actor, commandId: commandId)
                return try await respond(outcome, status: .ok)
            }
        }
    }

    private func respond(_ outcome: CaseOutcome, status: HTTPResponse.Status) async throws -> Response {
        let snapshot = try await service.caseState(caseId: outcome.caseId)
        let result: JSONValue = [
            "caseId": .string(outcome.caseId), "version": .integer(outcome.version), "replayed": .bool(outcome.replayed),
            "events": .array(outcome.eventTypes.map(JSONValue.string)), "case": CaseView.json(snapshot, asOf: today()),
        ]
        return JSONResponse.make(result, status: status)
    }

    /// The `Idempotency-Key` header (HTTPTypes' field name type, reached through `HTTPFields`).
    static let idempotencyKeyField = HTTPFields.Element.Name("Idempotency-Key")!

    static func idempotencyKey(_ request: Request) throws -> UUID {
        guard let text = request.headers[idempotencyKeyField] else {
            throw APIError.invalid(field: "Idempotency-Key", reason: "required header: a UUID naming this command", code: "idempotency_key_required")
        }
        guard let key = UUID(uuidString: text) else { throw APIError.invalid(field: "Idempotency-Key", reason: "must be a UUID") }
        return key
    }

    /// Today in China Standard Time (UTC+8, no daylight saving).
    public static func chinaToday() -> BusinessDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3_600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return try! BusinessDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
