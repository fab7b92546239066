import Foundation
import PostgresNIO

/// The statements an append sends (one per append, or one per group of appends), prepared once
/// per connection: no parsing or planning per append. All are plain INSERTs of rows the store
/// computed completely (versions, ids, hash chain); PostgreSQL adds position, transaction id and
/// recording time, and its unique indexes decide conflicts and replays
/// (docs/internals/appending.md).
///
/// Each insert also proves its first link in the same statement (`linksToHead`): the previous
/// version must exist with exactly the `previous_hash` the store computed from, or, for
/// version 1, that hash must be the genesis. Otherwise nothing is inserted. So a head the store
/// believed in but the database does not hold (a failover that lost commits, a restore under
/// a running service) can never produce a version gap or a link to a missing event. The probe
/// reads the B-tree page the insert writes to anyway.
enum AppendStatements {
    static let columns = """
        stream_id, stream_version, event_id, event_type, schema_version, data, metadata, \
        command_id, command_index, effective_date, hash, previous_hash
        """

    /// True when `version` may follow the stream's committed head with `previousHash` (NULL,
    /// which refuses the row too, when the previous version is missing). A scalar subquery, not
    /// `EXISTS`: correlated to a column (group commit), an `EXISTS` may be planned as a hashed
    /// subplan over the whole log, which a small table's statistics make look cheap.
    static func linksToHead(stream: String, version: String, previousHash: String) -> String {
        """
        CASE WHEN \(version) = 1 THEN \(previousHash) = decode(repeat('00', 32), 'hex')
             ELSE (SELECT p.hash FROM dibao.events p
                    WHERE p.stream_id = \(stream) AND p.stream_version = \(version) - 1) = \(previousHash) END
        """
    }

    /// One event (the common case).
    struct InsertOne: PostgresPreparedStatement {
        static let sql = """
            INSERT INTO dibao.events (\(columns))
            SELECT $1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, 0, $9::date, $10, $11
             WHERE \(linksToHead(stream: "$1", version: "$2", previousHash: "$11"))
            RETURNING global_position
            """
        typealias Row = Int64

        var row: EventRow

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 11)
            bindings.append(row.streamId)
            bindings.append(row.version)
            bindings.append(row.eventId)
            bindings.append(row.eventType)
            bindings.append(row.schemaVersion)
            bindings.append(TextBytes(bytes: row.data))
            bindings.append(JSONBBytes(bytes: row.metadata))
            bindings.append(row.commandId)
            bindings.append(row.effectiveDate)
            bindings.append(ByteaBytes(bytes: row.hash))
            bindings.append(ByteaBytes(bytes: row.previousHash))
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Int64 { try row.decode(Int64.self) }
    }

    /// Several events of one command, inserted in order (positions follow the ordinality).
    struct InsertMany: PostgresPreparedStatement {
        static let sql = """
            WITH inserted AS (
            INSERT INTO dibao.events (\(columns))
            SELECT $1, u.version, u.event_id, u.event_type, u.schema_version, u.data::jsonb, $7::jsonb, $8,
                   (u.ordinal - 1)::integer, u.effective_date::date, u.hash, u.previous_hash
              FROM unnest($2::int8[], $3::uuid[], $4::text[], $5::int4[], $6::text[], $9::text[], $10::bytea[], $11::bytea[])
                   WITH ORDINALITY AS u(version, event_id, event_type, schema_version, data, effective_date, hash, previous_hash, ordinal)
             WHERE \(linksToHead(stream: "$1", version: "($2::int8[])[1]", previousHash: "($11::bytea[])[1]"))
             ORDER BY u.ordinal
            RETURNING global_position)
            SELECT min(global_position), max(global_position), count(*) FROM inserted
            """
        /// First position, last position (nil when nothing was inserted), rows inserted.
        typealias Row = (Int64?, Int64?, Int64)

        var rows: [EventRow]

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 11)
            bindings.append(rows[0].streamId)
            bindings.append(rows.map(\.version))
            bindings.append(rows.map(\.eventId))
            bindings.append(rows.map(\.eventType))
            bindings.append(rows.map(\.schemaVersion))
            bindings.append(rows.map { TextBytes(bytes: $0.data) })
            bindings.append(JSONBBytes(bytes: rows[0].metadata))
            bindings.append(rows[0].commandId)
            bindings.append(rows.map(\.effectiveDate))
            bindings.append(rows.map { ByteaBytes(bytes: $0.hash) })
            bindings.append(rows.map { ByteaBytes(bytes: $0.previousHash) })
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// Several commands, on distinct streams, in one statement (group commit, `InsertCombiner`).
    /// Each command is admitted only if its own first link holds (checked once per command: the
    /// CTE is materialised); the rows of the admitted ones are inserted in order. One result row
    /// per command that inserted.
    struct InsertCommands: PostgresPreparedStatement {
        static let sql = """
            WITH admitted AS MATERIALIZED (
            SELECT c.slot, c.command_id, c.stream_id, c.metadata
              FROM unnest($1::uuid[], $2::text[], $3::int8[], $4::bytea[], $5::jsonb[])
                   WITH ORDINALITY AS c(command_id, stream_id, first_version, previous_hash, metadata, slot)
             WHERE \(linksToHead(stream: "c.stream_id", version: "c.first_version", previousHash: "c.previous_hash"))
            ), inserted AS (
            INSERT INTO dibao.events (\(columns))
            SELECT a.stream_id, u.version, u.event_id, u.event_type, u.schema_version, u.data::jsonb, a.metadata,
                   a.command_id, u.command_index, u.effective_date::date, u.hash, u.previous_hash
              FROM unnest($6::int8[], $7::int8[], $8::uuid[], $9::text[], $10::int4[], $11::text[], $12::int4[], $13::text[],
                          $14::bytea[], $15::bytea[])
                   WITH ORDINALITY AS u(slot, version, event_id, event_type, schema_version, data, command_index, effective_date,
                                        hash, previous_hash, ordinal)
              JOIN admitted a ON a.slot = u.slot
             ORDER BY u.ordinal
            RETURNING command_id, global_position)
            SELECT command_id, min(global_position), max(global_position), count(*) FROM inserted GROUP BY command_id
            """
        /// Command id, its first and last position, its rows inserted.
        typealias Row = (UUID, Int64, Int64, Int64)

        var commands: [[EventRow]]

        func makeBindings() throws -> PostgresBindings {
            let firsts = commands.map { $0[0] }
            let rows = commands.joined()
            var bindings = PostgresBindings(capacity: 15)
            bindings.append(firsts.map(\.commandId))
            bindings.append(firsts.map(\.streamId))
            bindings.append(firsts.map(\.version))
            bindings.append(firsts.map { ByteaBytes(bytes: $0.previousHash) })
            bindings.append(firsts.map { JSONBBytes(bytes: $0.metadata) })
            bindings.append(commands.indices.flatMap { slot in Array(repeating: Int64(slot + 1), count: commands[slot].count) })
            bindings.append(rows.map(\.version))
            bindings.append(rows.map(\.eventId))
            bindings.append(rows.map(\.eventType))
            bindings.append(rows.map(\.schemaVersion))
            bindings.append(rows.map { TextBytes(bytes: $0.data) })
            bindings.append(commands.flatMap { $0.indices.map(Int32.init) })
            bindings.append(rows.map(\.effectiveDate))
            bindings.append(rows.map { ByteaBytes(bytes: $0.hash) })
            bindings.append(rows.map { ByteaBytes(bytes: $0.previousHash) })
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// Several single-event commands, on distinct streams, in one statement: the common group
    /// (concurrent one-event appends). Each row is a whole command, so each is admitted on its
    /// own first link row by row, without the slot join, sort and aggregate of `InsertCommands`
    /// (about 60 µs less per group on the server). One result row per command that inserted.
    struct InsertSingles: PostgresPreparedStatement {
        static let sql = """
            WITH inserted AS (
            INSERT INTO dibao.events (\(columns))
            SELECT u.stream_id, u.version, u.event_id, u.event_type, u.schema_version, u.data::jsonb, u.metadata,
                   u.command_id, 0, u.effective_date::date, u.hash, u.previous_hash
              FROM unnest($1::uuid[], $2::text[], $3::int8[], $4::uuid[], $5::text[], $6::int4[], $7::text[], $8::jsonb[],
                          $9::text[], $10::bytea[], $11::bytea[])
                   WITH ORDINALITY AS u(command_id, stream_id, version, event_id, event_type, schema_version, data, metadata,
                                        effective_date, hash, previous_hash, ordinal)
             WHERE \(linksToHead(stream: "u.stream_id", version: "u.version", previousHash: "u.previous_hash"))
             ORDER BY u.ordinal
            RETURNING command_id, global_position)
            SELECT command_id, global_position FROM inserted
            """
        /// Command id and the position of its one event.
        typealias Row = (UUID, Int64)

        /// One row per command.
        var rows: [EventRow]

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 11)
            bindings.append(rows.map(\.commandId))
            bindings.append(rows.map(\.streamId))
            bindings.append(rows.map(\.version))
            bindings.append(rows.map(\.eventId))
            bindings.append(rows.map(\.eventType))
            bindings.append(rows.map(\.schemaVersion))
            bindings.append(rows.map { TextBytes(bytes: $0.data) })
            bindings.append(rows.map { JSONBBytes(bytes: $0.metadata) })
            bindings.append(rows.map(\.effectiveDate))
            bindings.append(rows.map { ByteaBytes(bytes: $0.hash) })
            bindings.append(rows.map { ByteaBytes(bytes: $0.previousHash) })
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// One row of `dibao.events` as the store writes it.
    struct EventRow: Sendable {
        var streamId: String
        var version: Int64
        var eventId: UUID
        var eventType: String
        var schemaVersion: Int32
        /// Canonical JSON bytes of `data` and `metadata`.
        var data: [UInt8]
        var metadata: [UInt8]
        var commandId: UUID
        var effectiveDate: String
        var hash: [UInt8]
        var previousHash: [UInt8]
    }
}
