import DibaoCasework
import Foundation

/// Why `CaseService` did not apply a command, besides access refusals (`AccessError`) and an
/// unavailable store (`StoreError.unavailable`, passed through untouched). Nothing was written.
public enum CaseServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `case-<id>` stream, or one without an application.
    case caseNotFound(caseId: String)
    /// The decision rules refused the command (a business outcome, with a stable code).
    case rejected(CaseRejection)
    /// Other writers kept changing the case; the last attempt's versions are named.
    case conflict(stream: String, expectedVersion: String, actualVersion: Int64)
    /// The command id (idempotency key) was used before for a different request.
    case commandIdReused(commandId: UUID)
    /// The request names something malformed (a case id that is not a stream id…).
    case invalid(field: String, reason: String)
    /// A stored event could not be decoded: a defect or a schema gap, never the caller's fault.
    case storedEventUnreadable(stream: String, version: Int64, reason: String)

    public var description: String {
        switch self {
        case .caseNotFound(let caseId): "no case \(caseId)"
        case .rejected(let rejection): "rejected: \(rejection.code)"
        case .conflict(let stream, let expected, let actual):
            "stream \(stream) changed concurrently: expected version \(expected), actual \(actual)"
        case .commandIdReused(let commandId): "command id \(commandId.uuidString.lowercased()) was already used for a different request"
        case .invalid(let field, let reason): "\(field): \(reason)"
        case .storedEventUnreadable(let stream, let version, let reason): "event \(version) of \(stream) cannot be read: \(reason)"
        }
    }
}
