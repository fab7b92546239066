import DibaoEvents
import Foundation
import PostgresNIO

/// The one column list every reader selects, and its decoding into `RecordedEvent`.
enum EventRowDecoding {
    static let columns = """
        global_position, transaction_id::text, stream_id, stream_version, event_id, event_type, schema_version, \
        data::text, metadata::text, command_id, recorded_at, effective_date::text, hash, previous_hash
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        for try await row in rows {
            let (position, transactionId, streamId, version, eventId, eventType, schemaVersion, data, metadata, commandId, recordedAt, effectiveDate, hash, previousHash) =
                try row.decode((Int64, String, String, Int64, UUID, String, Int32, String, String, UUID, Date, String, ByteBuffer, ByteBuffer).self)
            events.append(RecordedEvent(
                globalPosition: position, transactionId: UInt64(transactionId) ?? 0, streamId: streamId, streamVersion: version,
                eventId: eventId, eventType: eventType, schemaVersion: Int(schemaVersion), dataText: data, metadataText: metadata,
                commandId: commandId, recordedAt: recordedAt, effectiveDate: try BusinessDate(effectiveDate),
                hash: Array(buffer: hash), previousHash: Array(buffer: previousHash)))
        }
        return events
    }
}

extension EventStore {
    /// The column list every reader selects (for baselines that must read the same bytes).
    public static var eventColumns: String { EventRowDecoding.columns }
}
