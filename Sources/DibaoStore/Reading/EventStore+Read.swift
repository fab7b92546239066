import DibaoEvents
import Foundation
import PostgresNIO

extension EventStore {
    /// A stream's events in version order: from `fromVersion`, up to `toVersion` and/or up to
    /// the moment `recordedUpTo` (inclusive) — the stream "as of" a past time. All of them unless
    /// `limit` says how many at most: a caller that decides on a stream's history must not get a
    /// silently shortened one, so the whole stream is read, in pages of `pageSize`.
    public func readStream(
        _ stream: StreamName, fromVersion: Int64 = 1, toVersion: Int64? = nil, recordedUpTo: Date? = nil, limit: Int? = nil
    ) async throws -> [RecordedEvent] {
        try await translatingErrors {
            var events: [RecordedEvent] = []
            var from = fromVersion
            while true {
                let want = limit.map { Swift.min($0 - events.count, Self.pageSize) } ?? Self.pageSize
                guard want > 0 else { break }
                let rows = try await client.query("""
                    SELECT \(unescaped: EventRowDecoding.selectList(.all)) FROM dibao.events
                     WHERE stream_id = \(stream.rawValue) AND stream_version >= \(from)
                       AND (\(toVersion)::bigint IS NULL OR stream_version <= \(toVersion)::bigint)
                       AND (\(recordedUpTo)::timestamptz IS NULL OR recorded_at <= \(recordedUpTo)::timestamptz)
                     ORDER BY stream_version LIMIT \(want)
                    """, logger: logger)
                let page = try await EventRowDecoding.decode(rows, columns: .all)
                events += page
                guard page.count == want, let last = page.last else { break }
                from = last.streamVersion + 1
            }
            // A writer usually appends right after reading the stream: spare it the head read.
            if let last = events.last {
                streamHeads.remember(stream.rawValue, StreamHead(version: last.streamVersion, hash: last.hash))
            }
            return events
        }
    }

    /// Events per query when a stream is read whole.
    public static let pageSize = 10_000

    /// The next events of the global log after `checkpoint`, in (transaction id, position) order,
    /// only from transactions older than every transaction still running (the snapshot's xmin).
    /// An event committed late is therefore read late, never skipped: a long-open transaction
    /// holds readers back (lag) instead (docs/internals/reading.md).
    /// `columns` narrows what is selected beyond the checkpoint pair (`EventColumns`).
    public func readAll(after checkpoint: GlobalCheckpoint, category: String? = nil, limit: Int = 1_000,
                        columns: EventColumns = .all) async throws -> [RecordedEvent] {
        try await readPage(after: checkpoint, category: category, limit: limit, columns: columns).events
    }

    /// `readAll`, with where the reader stands afterwards: a short page ends at the horizon, so
    /// the next read does not scan again what this one passed over (`GlobalPage`).
    public func readPage(after checkpoint: GlobalCheckpoint, category: String? = nil, limit: Int = 1_000,
                         columns: EventColumns = .all) async throws -> GlobalPage {
        try await translatingErrors {
            try await Self.readPage(on: .pool(client), after: checkpoint, category: category, limit: limit, columns: columns, logger: logger)
        }
    }

    /// The same read on a given connection (inside a projection's transaction).
    public static func readPage(on connection: PostgresConnection, after checkpoint: GlobalCheckpoint, category: String? = nil,
                                limit: Int, columns: EventColumns = .all, logger: Logger) async throws -> GlobalPage {
        try await readPage(on: .connection(connection), after: checkpoint, category: category, limit: limit, columns: columns, logger: logger)
    }

    /// The horizon is taken first, by a statement of its own, and the read then keeps behind it:
    /// every transaction older than it had ended before the read's snapshot was taken, so a short
    /// page may end there. (A horizon taken after the read could pass a transaction that
    /// committed in between, unread.)
    static func readPage(on target: AppendTarget, after checkpoint: GlobalCheckpoint, category: String?, limit: Int,
                         columns: EventColumns, logger: Logger) async throws -> GlobalPage {
        let horizon = try await snapshotBound("pg_snapshot_xmin", on: target, logger: logger)
        // On one server the horizon only moves forward, and every checkpoint lies at or below it.
        // One ahead of it means the server's transaction ids went back under a running reader (a
        // point-in-time restore, a failover to a replica that lacked the last commits): new events
        // may take ids the reader already passed. Refuse, loudly, rather than skip them.
        guard checkpoint.transactionId <= horizon else {
            throw StoreError.unavailable(detail: """
                the reader's checkpoint \(checkpoint) is ahead of the server's transaction horizon \(horizon): transaction ids \
                went back (restore or failover?); restart readers from stored checkpoints (docs/internals/reading.md#failure-modes)
                """)
        }
        let rows = try await target.query(pageQuery(after: checkpoint, behind: horizon, category: category, limit: limit, columns: columns),
                                          logger: logger)
        let events = try await EventRowDecoding.decode(rows, columns: columns)
        return GlobalPage(events: events, after: checkpoint, limit: limit, horizon: horizon)
    }

    /// A bound of the current snapshot: `pg_snapshot_xmin` (the oldest transaction still running)
    /// or `pg_snapshot_xmax` (the id the next transaction will get).
    static func snapshotBound(_ function: StaticString, on target: AppendTarget, logger: Logger) async throws -> UInt64 {
        let rows = try await target.query(PostgresQuery(unsafeSQL: "SELECT \(function)(pg_current_snapshot())::text::bigint"), logger: logger)
        for try await bound in rows.decode(Int64.self) { return UInt64(bound) }
        throw StoreError.unavailable(detail: "\(function) returned nothing")
    }

    static func pageQuery(after checkpoint: GlobalCheckpoint, behind horizon: UInt64, category: String?, limit: Int,
                          columns: EventColumns) -> PostgresQuery {
        """
        SELECT \(unescaped: EventRowDecoding.selectList(columns)) FROM dibao.events
         WHERE (transaction_id, global_position) > (\(String(checkpoint.transactionId))::xid8, \(checkpoint.position))
           AND transaction_id < \(String(horizon))::xid8
           AND (\(category)::text IS NULL OR stream_category = \(category)::text)
         ORDER BY transaction_id, global_position
         LIMIT \(limit)
        """
    }

    /// Whether any event after `checkpoint` is committed (by a transaction whose id is below
    /// `before`, if given): a reader whose page came back empty or short while this holds has
    /// events waiting behind a transaction still open (the horizon).
    public func hasBacklog(after checkpoint: GlobalCheckpoint, category: String? = nil, before: UInt64? = nil) async throws -> Bool {
        try await translatingErrors {
            let rows = try await client.query("""
                SELECT EXISTS (SELECT 1 FROM dibao.events
                 WHERE (transaction_id, global_position) > (\(String(checkpoint.transactionId))::xid8, \(checkpoint.position))
                   AND (\(before.map(String.init))::text IS NULL OR transaction_id < \(before.map(String.init))::xid8)
                   AND (\(category)::text IS NULL OR stream_category = \(category)::text))
                """, logger: logger)
            for try await exists in rows.decode(Bool.self) { return exists }
            return false
        }
    }

    /// The id the server's next transaction will get (`pg_snapshot_xmax`): every transaction
    /// begun before this call has a smaller one. A reader that passes it has read everything
    /// committed before the call.
    public func nextTransactionId() async throws -> UInt64 {
        try await translatingErrors { try await Self.snapshotBound("pg_snapshot_xmax", on: .pool(client), logger: logger) }
    }

    /// The oldest event a reader at `checkpoint` has not yet been handed, whether or not it is
    /// already visible behind the horizon: (events behind, age in seconds of the oldest of them,
    /// by PostgreSQL's clock, the one that set `recorded_at`). For lag reports.
    public func backlog(after checkpoint: GlobalCheckpoint, category: String? = nil) async throws -> (events: Int64, oldestAgeSeconds: Double?) {
        try await translatingErrors {
            let rows = try await client.query("""
                SELECT count(*), extract(epoch FROM clock_timestamp() - min(recorded_at))::float8 FROM dibao.events
                 WHERE (transaction_id, global_position) > (\(String(checkpoint.transactionId))::xid8, \(checkpoint.position))
                   AND (\(category)::text IS NULL OR stream_category = \(category)::text)
                """, logger: logger)
            for try await (count, age) in rows.decode((Int64, Double?).self) { return (count, age) }
            return (0, nil)
        }
    }
}
