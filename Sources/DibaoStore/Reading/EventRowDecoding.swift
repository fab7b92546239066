import DibaoEvents
import Foundation
import PostgresNIO

/// The column list readers select, built from an `EventColumns` set, and its decoding into
/// `RecordedEvent`. The select list and the decoder walk the same table in the same order.
enum EventRowDecoding {
    /// Every read starts with the checkpoint pair. `transaction_id` is an xid8, which PostgreSQL
    /// can only send as text; `::text::bigint` makes it a binary int8 instead of a string to
    /// parse per row. An xid8 is (epoch << 32 | xid) and the epoch would have to pass 2^31
    /// wraparounds before it stopped fitting in a signed 64-bit integer, so the cast cannot fail
    /// in practice; if it ever did, the read would fail loudly (bigint out of range).
    ///
    /// Converted columns get names of their own: an output column called `transaction_id`
    /// would capture `ORDER BY transaction_id` (SQL resolves ORDER BY names against the output
    /// first) and sort by the converted value, which as text put "1000" before "867".
    static let checkpointColumns = "global_position, transaction_id::text::bigint AS transaction_id_int8"

    /// The optional columns, in select (and decode) order. `effective_date` travels as days
    /// since 1970-01-01 (a binary int4), so neither the server's DateStyle nor a text format
    /// is involved.
    static let optionalColumns: [(column: EventColumns, sql: String)] = [
        (.streamId, "stream_id"),
        (.streamVersion, "stream_version"),
        (.eventId, "event_id"),
        (.eventType, "event_type"),
        (.schemaVersion, "schema_version"),
        (.data, "data::text AS data_text"),
        (.metadata, "metadata::text AS metadata_text"),
        (.commandId, "command_id"),
        (.recordedAt, "recorded_at"),
        (.effectiveDate, "effective_date - DATE '1970-01-01' AS effective_day_number"),
        (.hashes, "hash, previous_hash"),
    ]

    /// The select list for `columns`.
    static func selectList(_ columns: EventColumns) -> String {
        ([checkpointColumns] + optionalColumns.filter { columns.contains($0.column) }.map(\.sql)).joined(separator: ", ")
    }

    static func decode(_ rows: PostgresRowSequence, columns: EventColumns) async throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        for try await row in rows { events.append(try event(from: row, columns: columns)) }
        return events
    }

    /// One row, its cells in `selectList(columns)` order.
    static func event(from row: PostgresRow, columns: EventColumns) throws -> RecordedEvent {
        var cells = CellReader(cells: row.makeIterator(), columns: columns)
        let position = try cells.next(Int64.self)
        let transactionId = try cells.next(Int64.self)
        let streamId = try cells.next(.streamId, or: "")
        let streamVersion = try cells.next(.streamVersion, or: Int64(0))
        let eventId = try cells.next(.eventId, or: RecordedEvent.noId)
        let eventType = try cells.next(.eventType, or: "")
        let schemaVersion = try cells.next(.schemaVersion, or: Int32(0))
        let data = try cells.next(.data, or: "")
        let metadata = try cells.next(.metadata, or: "")
        let commandId = try cells.next(.commandId, or: RecordedEvent.noId)
        let recordedAt = try cells.next(.recordedAt, or: Date.distantPast)
        let effectiveDate = columns.contains(.effectiveDate)
            ? try BusinessDate(daysSince1970: Int(cells.next(Int32.self))) : RecordedEvent.noDate
        let hash = try cells.next(.hashes, or: ByteBuffer())
        let previousHash = try cells.next(.hashes, or: ByteBuffer())
        return RecordedEvent(
            globalPosition: position, transactionId: UInt64(transactionId), columns: columns, streamId: streamId,
            streamVersion: streamVersion, eventId: eventId, eventType: eventType, schemaVersion: Int(schemaVersion),
            dataText: data, metadataText: metadata, commandId: commandId, recordedAt: recordedAt,
            effectiveDate: effectiveDate,
            hash: Array(buffer: hash), previousHash: Array(buffer: previousHash))
    }

    /// Hands out a row's cells in order, skipping the columns that were not selected.
    private struct CellReader {
        var cells: PostgresRow.Iterator
        let columns: EventColumns

        mutating func next<Value: PostgresDecodable>(_: Value.Type) throws -> Value {
            guard let cell = cells.next() else { preconditionFailure("the row has fewer cells than its select list") }
            return try cell.decode(Value.self)
        }

        mutating func next<Value: PostgresDecodable>(_ column: EventColumns, or placeholder: Value) throws -> Value {
            columns.contains(column) ? try next(Value.self) : placeholder
        }
    }
}

extension EventStore {
    /// The select list readers use for `columns` (for baselines that must read the same bytes).
    public static func selectList(_ columns: EventColumns = .all) -> String { EventRowDecoding.selectList(columns) }
}
