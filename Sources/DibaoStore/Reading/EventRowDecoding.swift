import DibaoEvents
import Foundation
import PostgresNIO

/// The one column list every reader selects, and its decoding into `RecordedEvent`.
enum EventRowDecoding {
    /// Converted columns get names of their own: an output column called `transaction_id`
    /// would capture `ORDER BY transaction_id` (SQL resolves ORDER BY names against the output
    /// first) and sort xids as text, "1000" before "867". The date is formatted explicitly so
    /// the server's DateStyle cannot change it.
    static let columns = """
        global_position, transaction_id::text AS transaction_id_text, stream_id, stream_version, event_id, event_type, \
        schema_version, data::text AS data_text, metadata::text AS metadata_text, command_id, recorded_at, \
        to_char(effective_date, 'YYYY-MM-DD') AS effective_date_text, hash, previous_hash
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
