import DibaoEvents
import Foundation

/// An event as the log holds it: the proposed event plus what the store assigned.
public struct RecordedEvent: Sendable, Hashable {
    public var globalPosition: Int64
    /// The inserting transaction (xid8): with `globalPosition`, the global reading order.
    public var transactionId: UInt64
    public var streamId: String
    public var streamVersion: Int64
    public var eventId: UUID
    public var eventType: String
    public var schemaVersion: Int
    /// The stored jsonb, as PostgreSQL prints it (not the canonical form; see `dataJSON()`).
    public var dataText: String
    public var metadataText: String
    public var commandId: UUID
    public var recordedAt: Date
    public var effectiveDate: BusinessDate
    public var hash: [UInt8]
    public var previousHash: [UInt8]

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
}
