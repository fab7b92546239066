/// Which columns of `dibao.events` a global reader selects, beyond the checkpoint pair
/// (`global_position`, `transaction_id`) that every read carries because every reader has to
/// move its checkpoint.
///
/// Converting and shipping columns nobody looks at dominates a rebuild (`data` and `metadata`
/// are printed from jsonb on the server and copied into Swift strings), so a projection that
/// needs only a few fields declares them and the read leaves the rest out. Accessing an
/// omitted field of the resulting `RecordedEvent` is a programmer error and traps; see
/// `RecordedEvent.columns`.
public struct EventColumns: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `stream_id`, and with it `RecordedEvent.category`.
    public static let streamId = EventColumns(rawValue: 1 << 0)
    public static let streamVersion = EventColumns(rawValue: 1 << 1)
    public static let eventId = EventColumns(rawValue: 1 << 2)
    public static let eventType = EventColumns(rawValue: 1 << 3)
    public static let schemaVersion = EventColumns(rawValue: 1 << 4)
    /// `data`, printed as text by the server (`dataText`, `dataJSON()`).
    public static let data = EventColumns(rawValue: 1 << 5)
    /// `metadata`, printed as text by the server (`metadataText`, `metadataJSON()`).
    public static let metadata = EventColumns(rawValue: 1 << 6)
    public static let commandId = EventColumns(rawValue: 1 << 7)
    public static let recordedAt = EventColumns(rawValue: 1 << 8)
    public static let effectiveDate = EventColumns(rawValue: 1 << 9)
    /// `hash` and `previous_hash`: the chain link, only useful together.
    public static let hashes = EventColumns(rawValue: 1 << 10)

    /// Every column: what stream reads, subscriptions and projections that declare nothing get.
    public static let all: EventColumns = [
        .streamId, .streamVersion, .eventId, .eventType, .schemaVersion, .data, .metadata, .commandId, .recordedAt,
        .effectiveDate, .hashes,
    ]

    /// What `RecordedEvent.hashIsIntact()` recomputes the hash from.
    public static let hashInputs: EventColumns = [
        .streamId, .streamVersion, .eventId, .eventType, .schemaVersion, .data, .metadata, .effectiveDate, .hashes,
    ]
}
