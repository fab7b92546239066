/// The set of event types the log accepts. An append of a type the catalogue does not know is
/// refused, and so is data that does not decode as the type's schema.
public struct EventCatalogue: Sendable {
    /// Checks one event's data; throws naming the field that is wrong.
    public typealias Validator = @Sendable (JSONValue) throws(EventValidationError) -> Void

    /// Largest canonical `data`, in bytes: 64 KiB. A household with many members fits in a few KiB;
    /// scanned documents belong in a document store, referenced by hash.
    public static let dataBytesMax = 64 * 1024
    /// Largest canonical `metadata`, in bytes.
    public static let metadataBytesMax = 4 * 1024

    private var validators: [Key: Validator] = [:]

    private struct Key: Hashable {
        let eventType: String
        let schemaVersion: Int
    }

    public init() {}

    /// Registers a type at a schema version with the check its data must pass.
    public mutating func register(_ eventType: String, schemaVersion: Int, validator: @escaping Validator) {
        precondition(validators[Key(eventType: eventType, schemaVersion: schemaVersion)] == nil, "\(eventType) v\(schemaVersion) registered twice")
        validators[Key(eventType: eventType, schemaVersion: schemaVersion)] = validator
    }

    /// Every registered type name, sorted.
    public var eventTypes: [String] { Set(validators.keys.map(\.eventType)).sorted() }

    /// Whether the type is known at that schema version.
    public func contains(_ eventType: String, schemaVersion: Int) -> Bool {
        validators[Key(eventType: eventType, schemaVersion: schemaVersion)] != nil
    }

    /// Refuses unknown types, oversized payloads and data that fails the type's check.
    /// `canonicalData`, when the caller already has `CanonicalJSON.bytes(event.data)`, spares
    /// computing it again; it must be exactly those bytes, since the size bound and the NUL
    /// check are decided on it.
    public func validate(_ event: ProposedEvent, canonicalData: [UInt8]? = nil) throws(EventValidationError) {
        guard let validator = validators[Key(eventType: event.eventType, schemaVersion: event.schemaVersion)] else {
            throw .unknownEventType(event.eventType, schemaVersion: event.schemaVersion)
        }
        guard case .object = event.data else { throw .invalid(field: "data", reason: "must be a JSON object") }
        let canonical = canonicalData ?? CanonicalJSON.bytes(event.data)
        guard canonical.count <= Self.dataBytesMax else { throw .payloadTooLarge(field: "data", bytes: canonical.count, bytesMax: Self.dataBytesMax) }
        guard !CanonicalJSON.containsNUL(canonical: canonical) else { throw .invalid(field: "data", reason: "the NUL character (U+0000) is not allowed") }
        try validator(event.data)
    }

    /// Refuses oversized metadata.
    public static func validate(_ metadata: EventMetadata) throws(EventValidationError) {
        try validate(canonicalMetadata: CanonicalJSON.bytes(metadata.json))
    }

    /// The same for metadata the caller already holds as canonical bytes (the writer's hot path
    /// builds them once).
    public static func validate(canonicalMetadata canonical: [UInt8]) throws(EventValidationError) {
        guard canonical.count <= metadataBytesMax else { throw .payloadTooLarge(field: "metadata", bytes: canonical.count, bytesMax: metadataBytesMax) }
        guard !CanonicalJSON.containsNUL(canonical: canonical) else { throw .invalid(field: "metadata", reason: "the NUL character (U+0000) is not allowed") }
    }
}
