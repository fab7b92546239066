import DibaoEvents
import Foundation

/// Why the store refused or could not do something. Refusals write nothing.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stream's version was not what the writer expected.
    case wrongExpectedVersion(stream: String, expected: ExpectedVersion, actual: Int64)
    /// The command id was already used for a different request.
    case commandIdReused(commandId: UUID)
    /// The request itself is malformed (unknown type, bad data, oversized payload…).
    case invalid(EventValidationError)
    /// The database could not be reached or failed; the detail is for logs, never for clients.
    case unavailable(detail: String)

    public var description: String {
        switch self {
        case .wrongExpectedVersion(let stream, let expected, let actual):
            return "wrong expected version for stream \(stream): expected \(expected), actual \(actual)"
        case .commandIdReused(let commandId):
            return "command \(commandId.uuidString.lowercased()) was already used with different content"
        case .invalid(let error): return error.description
        case .unavailable(let detail): return "the event store is unavailable: \(detail)"
        }
    }
}

extension StoreError {
    /// A failure of a read-model query (outside the store), reported the way the store reports
    /// its own: `.unavailable`, with a summary for logs and no database text for clients.
    public static func unavailable(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        return .unavailable(detail: EventStore.summary(of: error))
    }
}
