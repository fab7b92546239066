/// Who did it, on what authority, and why: the `metadata` column of every event.
/// Actor, role and jurisdiction come from the caller's signed token, never from a request body.
public struct EventMetadata: Sendable, Hashable {
    public var actorId: String
    public var actorRole: String
    public var jurisdictionCode: String
    public var reason: String?
    public var correlationId: String
    public var causationId: String?
    public var commandId: String

    public init(actorId: String, actorRole: String, jurisdictionCode: String, reason: String? = nil,
                correlationId: String, causationId: String? = nil, commandId: String) {
        self.actorId = actorId
        self.actorRole = actorRole
        self.jurisdictionCode = jurisdictionCode
        self.reason = reason
        self.correlationId = correlationId
        self.causationId = causationId
        self.commandId = commandId
    }

    /// The JSON object stored in `metadata` (absent optionals are omitted, not null).
    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "actorId": .string(actorId), "actorRole": .string(actorRole), "jurisdictionCode": .string(jurisdictionCode),
            "correlationId": .string(correlationId), "commandId": .string(commandId),
        ]
        if let reason { members["reason"] = .string(reason) }
        if let causationId { members["causationId"] = .string(causationId) }
        return .object(members)
    }

    /// Reads the stored JSON back; refuses a metadata object missing a required member.
    public init(json: JSONValue) throws(EventValidationError) {
        func required(_ key: String) throws(EventValidationError) -> String {
            guard let value = json[key]?.stringValue, !value.isEmpty else { throw .invalid(field: "metadata.\(key)", reason: "required string") }
            return value
        }
        self.init(actorId: try required("actorId"), actorRole: try required("actorRole"), jurisdictionCode: try required("jurisdictionCode"),
                  reason: json["reason"]?.stringValue, correlationId: try required("correlationId"),
                  causationId: json["causationId"]?.stringValue, commandId: try required("commandId"))
    }
}
