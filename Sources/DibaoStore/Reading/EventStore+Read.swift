import DibaoEvents
import Foundation
import PostgresNIO

extension EventStore {
    /// A stream's events in version order: from `fromVersion`, up to `toVersion` and/or up to
    /// the moment `recordedUpTo` (inclusive) — the stream "as of" a past time.
    public func readStream(
        _ stream: StreamName, fromVersion: Int64 = 1, toVersion: Int64? = nil, recordedUpTo: Date? = nil, limit: Int = 10_000
    ) async throws -> [RecordedEvent] {
        try await translatingErrors {
            let rows = try await client.query("""
                SELECT \(unescaped: EventRowDecoding.selectList(.all)) FROM dibao.events
                 WHERE stream_id = \(stream.rawValue) AND stream_version >= \(fromVersion)
                   AND (\(toVersion)::bigint IS NULL OR stream_version <= \(toVersion)::bigint)
                   AND (\(recordedUpTo)::timestamptz IS NULL OR recorded_at <= \(recordedUpTo)::timestamptz)
                 ORDER BY stream_version LIMIT \(limit)
                """, logger: logger)
            let events = try await EventRowDecoding.decode(rows, columns: .all)
            // A writer usually appends right after reading the stream: spare it the head read.
            if let last = events.last { streamHeads.remember(stream.rawValue, StreamHead(version: last.streamVersion, hash: last.hash)) }
            return events
        }
    }

    /// The next events of the global log after `checkpoint`, in (transaction id, position) order,
    /// only from transactions older than every transaction still running (the snapshot's xmin).
    /// An event committed late is therefore read late, never skipped: a long-open transaction
    /// holds readers back (lag) instead (docs/internals/reading.md).
    /// `columns` narrows what is selected beyond the checkpoint pair (`EventColumns`).
    public func readAll(after checkpoint: GlobalCheckpoint, category: String? = nil, limit: Int = 1_000,
                        columns: EventColumns = .all) async throws -> [RecordedEvent] {
        try await translatingErrors {
            let rows = try await client.query(Self.readAllQuery(after: checkpoint, category: category, limit: limit, columns: columns), logger: logger)
            return try await EventRowDecoding.decode(rows, columns: columns)
        }
    }

    /// The same read on a given connection (inside a projection's transaction).
    public static func readAll(on connection: PostgresConnection, after checkpoint: GlobalCheckpoint, category: String? = nil,
                               limit: Int, columns: EventColumns = .all, logger: Logger) async throws -> [RecordedEvent] {
        let rows = try await connection.query(readAllQuery(after: checkpoint, category: category, limit: limit, columns: columns), logger: logger)
        return try await EventRowDecoding.decode(rows, columns: columns)
    }

    static func readAllQuery(after checkpoint: GlobalCheckpoint, category: String?, limit: Int, columns: EventColumns) -> PostgresQuery {
        """
        SELECT \(unescaped: EventRowDecoding.selectList(columns)) FROM dibao.events
         WHERE (transaction_id, global_position) > (\(String(checkpoint.transactionId))::xid8, \(checkpoint.position))
           AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           AND (\(category)::text IS NULL OR stream_category = \(category)::text)
         ORDER BY transaction_id, global_position
         LIMIT \(limit)
        """
    }

    /// The oldest event a reader at `checkpoint` has not yet been handed, whether or not it is
    /// already visible behind the horizon: (events behind, oldest recorded_at). For lag reports.
    public func backlog(after checkpoint: GlobalCheckpoint, category: String? = nil) async throws -> (events: Int64, oldest: Date?) {
        try await translatingErrors {
            let rows = try await client.query("""
                SELECT count(*), min(recorded_at) FROM dibao.events
                 WHERE (transaction_id, global_position) > (\(String(checkpoint.transactionId))::xid8, \(checkpoint.position))
                   AND (\(category)::text IS NULL OR stream_category = \(category)::text)
                """, logger: logger)
            for try await (count, oldest) in rows.decode((Int64, Date?).self) { return (count, oldest) }
            return (0, nil)
        }
    }
}
