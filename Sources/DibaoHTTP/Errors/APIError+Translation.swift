import DibaoCaseService
import DibaoEvents
import DibaoStore
import Hummingbird

extension APIError {
    /// The one place operational and domain errors become HTTP: 400 malformed, 401 who are
    /// you, 403 you may not, 404 no such case, 409 conflict, 422 rule refused, 503 store down.
    static func translating(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as AccessError:
            return APIError(error.isAuthentication ? .unauthorized : .forbidden, code: error.code, message: error.description)
        case let error as CaseServiceError: return translating(error)
        case let error as StoreError: return translating(error)
        case let error as EventValidationError: return invalid(field: requestField(error.field), reason: error.description)
        case let error as JSONParseError: return invalid(field: error.path, reason: error.reason, code: "malformed_json")
        case let error as HTTPError where error.status.code < 500:
            return APIError(error.status, code: error.status.code == 404 ? "not_found" : "bad_request", message: error.body ?? error.status.reasonPhrase)
        default: return internalError
        }
    }

    static let internalError = APIError(.internalServerError, code: "internal_error", message: "the request failed; the operator's log has the details")

    private static func translating(_ error: CaseServiceError) -> APIError {
        switch error {
        case .caseNotFound: return APIError(.notFound, code: "case_not_found", message: error.description)
        case .rejected(let rejection): return APIError(.unprocessableContent, code: rejection.code, message: String(describing: rejection))
        case .conflict: return APIError(.conflict, code: "version_conflict", message: error.description)
        case .commandIdReused: return APIError(.conflict, code: "idempotency_key_reused", message: error.description)
        case .invalid(let field, let reason): return invalid(field: requestField(field), reason: reason)
        case .storedEventUnreadable: return internalError
        }
    }

    private static func translating(_ error: StoreError) -> APIError {
        switch error {
        case .wrongExpectedVersion: return APIError(.conflict, code: "version_conflict", message: error.description)
        case .commandIdReused: return APIError(.conflict, code: "idempotency_key_reused", message: error.description)
        case .invalid(let validation): return invalid(field: requestField(validation.field), reason: validation.description)
        case .unavailable: return APIError(.serviceUnavailable, code: "store_unavailable", message: "the event store is unavailable; try again later")
        }
    }

    /// An event field (`data.members[0].idNumber`) as the request names it (`members[0].idNumber`).
    static func requestField(_ field: String) -> String {
        field.hasPrefix("data.") ? String(field.dropFirst(5)) : field
    }
}
