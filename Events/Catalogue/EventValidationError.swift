/// Why a proposed event was refused before anything was written. Every case names the field.
public enum EventValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field's value is malformed or out of range.
    case invalid(field: String, reason: String)
    /// The event type is not in the catalogue (or not at this schema version).
    case unknownEventType(String, schemaVersion: Int)
    /// The canonical payload is larger than the bound.
    case payloadTooLarge(field: String, bytes: Int, bytesMax: Int)

    /// The field the error is about.
    public var field: String {
        switch self {
        case .invalid(let field, _), .payloadTooLarge(let field, _, _): return field
        case .unknownEventType: return "event_type"
        }
    }

    public var description: String {
        switch self {
        case .invalid(let field, let reason): return "\(field): \(reason)"
        case .unknownEventType(let type, let version): return "event_type: unknown event type '\(type)' at schema version \(version)"
        case .payloadTooLarge(let field, let bytes, let bytesMax): return "\(field): \(bytes) bytes exceeds the bound of \(bytesMax) bytes"
        }
    }
}
