/// An event a command wants to append, before the store gives it a position and a version.
public struct ProposedEvent: Sendable, Hashable {
    /// Past-tense name from the catalogue (`ApplicationSubmitted`).
    public var eventType: String
    /// The version of the type's data schema.
    public var schemaVersion: Int
    /// The event's facts.
    public var data: JSONValue
    /// The business date the event takes effect on.
    public var effectiveDate: BusinessDate

    public init(eventType: String, schemaVersion: Int, data: JSONValue, effectiveDate: BusinessDate) {
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.data = data
        self.effectiveDate = effectiveDate
    }
}
