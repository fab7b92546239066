/// The catalogue the service appends with: every event type of the ledger.
/// The casework, policy and payout events register here as their issues land.
public enum LedgerCatalogue {
    public static func make() -> EventCatalogue {
        var catalogue = EventCatalogue()
        catalogue.register(LedgerNoteRecorded.eventType, schemaVersion: LedgerNoteRecorded.schemaVersion, validator: LedgerNoteRecorded.validate)
        CaseworkEventTypes.register(into: &catalogue)
        return catalogue
    }
}

/// 台账备注 ledger note: a free-text note an administrator records on a stream (`note-…`), for
/// example to document an operational incident in the log itself. The first type of the
/// catalogue; it also gives the operations endpoints and the benchmark a real type to append.
public enum LedgerNoteRecorded {
    public static let eventType = "LedgerNoteRecorded"
    public static let schemaVersion = 1

    /// `{"text": "…"}`: a non-empty text of at most 2,000 characters.
    @Sendable public static func validate(_ data: JSONValue) throws(EventValidationError) {
        guard let members = data.objectValue, members.count == 1, let value = members["text"] else {
            throw .invalid(field: "data", reason: "must be {\"text\": string}")
        }
        // Counting characters walks grapheme clusters; at most 2,000 UTF-8 bytes cannot be more.
        guard let text = value.stringValue, !text.isEmpty, text.utf8.count <= 2_000 || text.count <= 2_000 else {
            throw .invalid(field: "data.text", reason: "must be a non-empty string of at most 2000 characters")
        }
    }
}
