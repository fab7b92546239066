/// The shape every casework, policy and staff event type shares: a `Codable` struct with a
/// past-tense type name and a schema version. Its JSON form is the event's `data`; decoding
/// refuses unknown members, explicit nulls and rule violations, naming the field
/// (`data.members[1].idNumber`), so the store's validator is simply "decode it".
public protocol LedgerEventData: Codable, Sendable, Hashable {
    /// Past-tense name in the catalogue (`ApplicationSubmitted`).
    static var eventType: String { get }
    /// Version of the data schema.
    static var schemaVersion: Int { get }
    /// Rules the schema alone cannot state; throws naming the field.
    func check() throws(EventValidationError)
}

extension LedgerEventData {
    public func check() throws(EventValidationError) {}

    /// The event's `data` object.
    public var json: JSONValue { EventDataCoding.encode(self) }

    /// Decodes and checks `data`; throws naming the first wrong field.
    public static func decode(_ data: JSONValue) throws(EventValidationError) -> Self {
        try EventDataCoding.decode(Self.self, from: data)
    }

    /// The catalogue validator: the data must decode as this type.
    @Sendable public static func validate(_ data: JSONValue) throws(EventValidationError) {
        _ = try decode(data)
    }

    /// The event ready for appending.
    public func proposed(effectiveDate: BusinessDate) -> ProposedEvent {
        ProposedEvent(eventType: Self.eventType, schemaVersion: Self.schemaVersion, data: json, effectiveDate: effectiveDate)
    }
}

extension EventCatalogue {
    /// Registers a `LedgerEventData` type with "decode it" as its validator.
    public mutating func register<Event: LedgerEventData>(_ type: Event.Type) {
        register(Event.eventType, schemaVersion: Event.schemaVersion) { data throws(EventValidationError) in
            _ = try Event.decode(data)
        }
    }
}
