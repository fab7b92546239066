import DibaoEvents
import Foundation

/// An event as the log holds it: the proposed event plus what the store assigned.
///
/// A global read may leave columns out (`EventColumns`, declared by a projection so a rebuild
/// does not pay for data it never looks at). The checkpoint pair is always there; every other
/// field traps when read if its column was not selected. A trap rather than an empty value or an
/// optional: an empty `eventType` or `streamId` would not fail, it would quietly put wrong rows
/// in a read model, and optionals would burden every reader that asked for everything. Reading
/// an undeclared column is a bug in the projection, found the first time it runs.
public struct RecordedEvent: Sendable, Hashable {
    public var globalPosition: Int64
    /// The inserting transaction (xid8): with `globalPosition`, the global reading order.
    public var transactionId: UInt64
    /// The columns this event was read with (`.all` unless a reader asked for fewer).
    public let columns: EventColumns

    private let storedStreamId: String
    private let storedStreamVersion: Int64
    private let storedEventId: UUID
    private let storedEventType: String
    private let storedSchemaVersion: Int
    private let storedDataText: String
    private let storedMetadataText: String
    private let storedCommandId: UUID
    private let storedRecordedAt: Date
    private let storedEffectiveDate: BusinessDate
    private let storedHash: [UInt8]
    private let storedPreviousHash: [UInt8]

    /// Omitted columns take the placeholder defaults; the accessors never hand them out.
    init(globalPosition: Int64, transactionId: UInt64, columns: EventColumns = .all,
         streamId: String = "", streamVersion: Int64 = 0, eventId: UUID = Self.noId, eventType: String = "", schemaVersion: Int = 0,
         dataText: String = "", metadataText: String = "", commandId: UUID = Self.noId, recordedAt: Date = .distantPast,
         effectiveDate: BusinessDate = Self.noDate, hash: [UInt8] = [], previousHash: [UInt8] = []) {
        self.globalPosition = globalPosition
        self.transactionId = transactionId
        self.columns = columns
        (storedStreamId, storedStreamVersion, storedEventId, storedEventType, storedSchemaVersion) =
            (streamId, streamVersion, eventId, eventType, schemaVersion)
        (storedDataText, storedMetadataText, storedCommandId, storedRecordedAt, storedEffectiveDate) =
            (dataText, metadataText, commandId, recordedAt, effectiveDate)
        (storedHash, storedPreviousHash) = (hash, previousHash)
    }

    public var streamId: String { selected(storedStreamId, .streamId, "streamId") }
    public var streamVersion: Int64 { selected(storedStreamVersion, .streamVersion, "streamVersion") }
    public var eventId: UUID { selected(storedEventId, .eventId, "eventId") }
    public var eventType: String { selected(storedEventType, .eventType, "eventType") }
    public var schemaVersion: Int { selected(storedSchemaVersion, .schemaVersion, "schemaVersion") }
    /// The stored jsonb, as PostgreSQL prints it (not the canonical form; see `dataJSON()`).
    public var dataText: String { selected(storedDataText, .data, "dataText") }
    public var metadataText: String { selected(storedMetadataText, .metadata, "metadataText") }
    public var commandId: UUID { selected(storedCommandId, .commandId, "commandId") }
    public var recordedAt: Date { selected(storedRecordedAt, .recordedAt, "recordedAt") }
    public var effectiveDate: BusinessDate { selected(storedEffectiveDate, .effectiveDate, "effectiveDate") }
    public var hash: [UInt8] { selected(storedHash, .hashes, "hash") }
    public var previousHash: [UInt8] { selected(storedPreviousHash, .hashes, "previousHash") }

    /// The stream's category (`case` for `case-…`).
    public var category: String { String(streamId.prefix { $0 != "-" }) }

    /// Where this event leaves a global reader.
    public var checkpoint: GlobalCheckpoint { GlobalCheckpoint(transactionId: transactionId, position: globalPosition) }

    /// The data, parsed.
    public func dataJSON() throws -> JSONValue { try StrictJSONParser.parse(dataText) }

    /// The metadata, parsed.
    public func metadataJSON() throws -> JSONValue { try StrictJSONParser.parse(metadataText) }

    /// Recomputes the hash from the stored columns alone; true when it matches `hash`.
    public func hashIsIntact() throws -> Bool {
        let content = HashChain.contentHash(
            streamId: streamId, eventId: eventId.uuidString, eventType: eventType, schemaVersion: schemaVersion,
            data: try dataJSON(), metadata: try metadataJSON(), effectiveDate: effectiveDate)
        return HashChain.link(previous: previousHash, streamVersion: streamVersion, contentHash: content) == hash
    }

    private func selected<Value>(_ value: Value, _ column: EventColumns, _ field: StaticString) -> Value {
        precondition(columns.contains(column), "RecordedEvent.\(field) was not read: add it to the reader's (the projection's) columns")
        return value
    }

    static let noId = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    // Force-try is safe: a fixed, valid date.
    static let noDate = try! BusinessDate(year: 1900, month: 1, day: 1)
}
