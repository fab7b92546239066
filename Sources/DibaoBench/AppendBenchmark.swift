import DibaoEvents
import DibaoStore
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// `dibao bench append`: appends through the store beside plain INSERTs of the same rows into
/// a bare table (`dibao_bench_raw.events`, no keys, no checks, no chain), in alternating rounds
/// against the same server, and reports medians.
///
/// The targets (issue 3): single events at 8 writers ≥ 0.9 × raw, 100-event appends ≥ 0.8 × raw.
/// 100-event appends are judged beside plain INSERTs of the rows, 100 single-row INSERTs per
/// transaction: the form the reference figure (65k events/s in 100-row transactions)
/// describes (docs/decisions/0005). Two stricter baselines are printed beside it as context:
/// one INSERT statement carrying all 100 rows into the bare table, the bulk technique the
/// store itself uses, and the same statement into a table with the keys any event table needs.
public struct AppendBenchmark: Sendable {
    /// One measured shape of load.
    public struct Scenario: Sendable {
        public var name: String
        public var writers: Int
        public var eventsPerAppend: Int
        public var baseline: Baseline = .oneStatement
        /// The target this scenario is judged on; nil prints it as context.
        public var target: Target? = nil
    }

    /// How the raw side writes one append's rows.
    public enum Baseline: Sendable {
        /// One INSERT of all the rows (`INSERT … SELECT FROM unnest(…)` for several).
        case oneStatement
        /// BEGIN, one single-row INSERT per row, COMMIT.
        case rowByRow
        /// One INSERT of all the rows into a table with a primary key (an identity position)
        /// and a unique (stream, version): the keys any event table needs, and nothing of ours.
        case keyedTable
    }

    public static let scenarioNames = scenarios.map(\.name)

    static let scenarios = [
        Scenario(name: "single_event_1_writer", writers: 1, eventsPerAppend: 1),
        Scenario(name: "single_event_8_writers", writers: 8, eventsPerAppend: 1, target: .ratio(0.9)),
        Scenario(name: "batch_100_events_8_writers_vs_row_inserts", writers: 8, eventsPerAppend: 100, baseline: .rowByRow, target: .ratio(0.8)),
        Scenario(name: "batch_100_events_8_writers_vs_one_statement", writers: 8, eventsPerAppend: 100),
        Scenario(name: "batch_100_events_8_writers_vs_keyed_table", writers: 8, eventsPerAppend: 100, baseline: .keyedTable),
    ]

    public let store: EventStore
    /// A superuser (or `pg_checkpoint`) connection: each round starts after a CHECKPOINT, so no
    /// round pays for the WAL another round wrote (nil, or no such right: rounds start as they come).
    let owner: PostgresClient?
    public let rounds: Int
    public let roundDuration: Duration
    /// The scenarios to run (by name); nil runs all.
    public let only: Set<String>?
    let logger: Logger

    public init(store: EventStore, owner: PostgresClient? = nil, rounds: Int = 5, roundDuration: Duration = .seconds(3),
                only: Set<String>? = nil, logger: Logger) {
        self.store = store
        self.owner = owner
        self.rounds = rounds
        self.roundDuration = roundDuration
        self.only = only
        self.logger = logger
    }

    /// Creates the baseline tables (as the owner) and lets `dibao_app` write to them.
    public static func prepareRawTable(owner: PostgresClient, logger: Logger) async throws {
        for statement in [
            "CREATE SCHEMA IF NOT EXISTS dibao_bench_raw",
            """
            CREATE TABLE IF NOT EXISTS dibao_bench_raw.events (
                stream_id text, stream_version bigint, event_id uuid, event_type text, schema_version integer,
                data jsonb, metadata jsonb, command_id uuid, effective_date date, hash bytea, previous_hash bytea)
            """,
            """
            CREATE TABLE IF NOT EXISTS dibao_bench_raw.keyed_events (
                position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                stream_id text, stream_version bigint, event_id uuid, event_type text, schema_version integer,
                data jsonb, metadata jsonb, command_id uuid, effective_date date, hash bytea, previous_hash bytea,
                UNIQUE (stream_id, stream_version))
            """,
            "GRANT USAGE ON SCHEMA dibao_bench_raw TO dibao_app",
            "GRANT INSERT, SELECT ON dibao_bench_raw.events, dibao_bench_raw.keyed_events TO dibao_app",
        ] as [PostgresQuery] {
            try await owner.query(statement, logger: logger)
        }
    }

    /// Runs every scenario; `report` sees each comparison as it completes.
    public func run(report: @Sendable (Comparison) -> Void = { _ in }) async throws -> [Comparison] {
        var comparisons: [Comparison] = []
        for scenario in Self.scenarios where only?.contains(scenario.name) ?? true {
            var ours: [Double] = [], raw: [Double] = []
            for round in 0..<rounds {
                raw.append(try await measure(scenario, round: round, appendOne: rawAppend(scenario.baseline)))
                ours.append(try await measure(scenario, round: round, appendOne: appendOurs))
            }
            let comparison = Comparison(name: scenario.name, oursRounds: ours, rawRounds: raw, target: scenario.target)
            report(comparison)
            comparisons.append(comparison)
        }
        return comparisons
    }

    typealias AppendOne = @Sendable (_ stream: StreamName, _ version: Int64, _ events: [ProposedEvent]) async throws -> Void

    /// Events per second of `writers` tasks appending until the round's time is up. Each writer
    /// owns 50 streams and knows their versions, so every append states an exact expectation.
    private func measure(_ scenario: Scenario, round: Int, appendOne: @escaping AppendOne) async throws -> Double {
        try await checkpoint()
        let runId = UUID().uuidString.prefix(8).lowercased()
        let events = (0..<scenario.eventsPerAppend).map { Self.event($0) }
        let deadline = ContinuousClock.now + roundDuration
        let started = ContinuousClock.now
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<scenario.writers {
                group.addTask {
                    var versions = [Int64](repeating: 0, count: 50)
                    var appended = 0
                    // At least one append each, even when a busy machine starts a writer late:
                    // the rate divides by the time the round really took.
                    repeat {
                        let slot = appended % versions.count
                        let stream = try StreamName("bench-r\(round)\(runId)w\(writer)s\(slot)")
                        try await appendOne(stream, versions[slot], events)
                        versions[slot] += Int64(events.count)
                        appended += 1
                    } while ContinuousClock.now < deadline
                    return appended * events.count
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(counts) / (ContinuousClock.now - started).secondsValue
    }

    /// Flushes what earlier rounds wrote, so a checkpoint (and the full-page images after it)
    /// does not land in the middle of whichever round happens to cross `max_wal_size`.
    private func checkpoint() async throws {
        guard let owner else { return }
        do {
            try await owner.query("CHECKPOINT", logger: logger)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42501" {
            logger.warning("CHECKPOINT not permitted for the benchmark's owner role; rounds start without one")
        }
    }

    private func appendOurs(_ stream: StreamName, _ version: Int64, _ events: [ProposedEvent]) async throws {
        _ = try await store.append(AppendRequest(stream: stream, expectedVersion: version == 0 ? .noStream : .exactly(version),
                                                 commandId: BenchIds.next(), metadata: Self.metadata, events: events))
    }

    private func rawAppend(_ baseline: Baseline) -> AppendOne {
        switch baseline {
        case .oneStatement: return appendRaw
        case .rowByRow: return appendRawRowByRow
        case .keyedTable: return appendRawKeyed
        }
    }

    /// The same rows into the bare table, with the same client technique as the store (one
    /// statement prepared once per connection; canonical JSON sent as bytes, the metadata as one
    /// `jsonb` parameter), so the ratio compares the work, not the protocol.
    private func appendRaw(_ stream: StreamName, _ version: Int64, _ events: [ProposedEvent]) async throws {
        let rows = RawRows(events, after: version, on: stream)
        if events.count == 1 {
            for try await _ in try await store.client.execute(RawInsertOne(rows: rows), logger: logger) {}
        } else {
            for try await _ in try await store.client.execute(RawInsertMany<BareTable>(rows: rows), logger: logger) {}
        }
    }

    /// The same statement into the keyed table.
    private func appendRawKeyed(_ stream: StreamName, _ version: Int64, _ events: [ProposedEvent]) async throws {
        let rows = RawRows(events, after: version, on: stream)
        for try await _ in try await store.client.execute(RawInsertMany<KeyedTable>(rows: rows), logger: logger) {}
    }

    /// The same rows as single-row INSERTs in one transaction on one connection.
    private func appendRawRowByRow(_ stream: StreamName, _ version: Int64, _ events: [ProposedEvent]) async throws {
        let rows = RawRows(events, after: version, on: stream)
        try await store.client.transaction(logger: logger) { connection in
            for index in events.indices {
                for try await _ in try await connection.execute(RawInsertOne(rows: rows, index: index), logger: logger) {}
            }
        }
    }

    static let metadata = EventMetadata(actorId: "bench", actorRole: "admin", jurisdictionCode: "530000", reason: "benchmark",
                                        correlationId: "bench", commandId: "set-by-request")

    /// A realistic small event: a 160-character note.
    static func event(_ index: Int) -> ProposedEvent {
        let text = "benchmark note \(index): 乡镇民政办受理低保申请，已入户调查并完成家庭经济状况核对；" + String(repeating: "x", count: 100)
        return ProposedEvent(eventType: LedgerNoteRecorded.eventType, schemaVersion: LedgerNoteRecorded.schemaVersion,
                             data: ["text": .string(text)], effectiveDate: try! BusinessDate("2024-03-01"))
    }
}

/// The values of one raw append: what the store writes, minus its checks and chain.
struct RawRows: Sendable {
    var stream: String
    var firstVersion: Int64
    var commandId: UUID
    /// Canonical metadata, bound as `jsonb` as the store binds it.
    var metadata: [UInt8]
    var events: [ProposedEvent]

    /// `events` following `version` of `stream`, under a new command id and the benchmark's metadata.
    init(_ events: [ProposedEvent], after version: Int64, on stream: StreamName) {
        self.stream = stream.rawValue
        self.firstVersion = version + 1
        self.commandId = BenchIds.next()
        self.metadata = CanonicalJSON.bytes(AppendBenchmark.metadata.json)
        self.events = events
    }

    static let hash = ByteBuffer(bytes: [UInt8](repeating: 7, count: 32))
}

/// `INSERT … VALUES` of one row (the `index`-th) into the bare table.
struct RawInsertOne: PostgresPreparedStatement {
    static let sql = """
        INSERT INTO dibao_bench_raw.events VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9::date, $10, $11)
        """
    typealias Row = ()
    var rows: RawRows
    var index = 0

    func makeBindings() throws -> PostgresBindings {
        let event = rows.events[index]
        var bindings = PostgresBindings(capacity: 11)
        bindings.append(rows.stream)
        bindings.append(rows.firstVersion + Int64(index))
        bindings.append(BenchIds.next())
        bindings.append(event.eventType)
        bindings.append(Int32(event.schemaVersion))
        bindings.append(TextBytes(bytes: CanonicalJSON.bytes(event.data)))
        bindings.append(JSONBBytes(bytes: rows.metadata))
        bindings.append(rows.commandId)
        bindings.append(event.effectiveDate.description)
        bindings.append(RawRows.hash)
        bindings.append(RawRows.hash)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws {}
}

/// The table a raw baseline writes to.
protocol RawTable: Sendable {
    static var name: String { get }
}

/// No key, no index, no constraint.
enum BareTable: RawTable {
    static let name = "dibao_bench_raw.events"
}

/// A primary key and a unique (stream, version), nothing else.
enum KeyedTable: RawTable {
    static let name = "dibao_bench_raw.keyed_events"
}

/// `INSERT … SELECT FROM unnest(…)` of many rows into a baseline table.
struct RawInsertMany<Table: RawTable>: PostgresPreparedStatement {
    static var sql: String { """
        INSERT INTO \(Table.name) (stream_id, stream_version, event_id, event_type, schema_version, data, metadata, command_id,
                                   effective_date, hash, previous_hash)
        SELECT $1, u.version, u.event_id, u.event_type, u.schema_version, u.data::jsonb, $7::jsonb, $8, u.effective_date::date, u.hash, u.previous_hash
          FROM unnest($2::int8[], $3::uuid[], $4::text[], $5::int4[], $6::text[], $9::text[], $10::bytea[], $11::bytea[])
               AS u(version, event_id, event_type, schema_version, data, effective_date, hash, previous_hash)
        """ }
    typealias Row = ()
    var rows: RawRows

    func makeBindings() throws -> PostgresBindings {
        let events = rows.events
        var bindings = PostgresBindings(capacity: 11)
        bindings.append(rows.stream)
        bindings.append(events.indices.map { rows.firstVersion + Int64($0) })
        bindings.append(events.map { _ in BenchIds.next() })
        bindings.append(events.map(\.eventType))
        bindings.append(events.map { Int32($0.schemaVersion) })
        bindings.append(events.map { TextBytes(bytes: CanonicalJSON.bytes($0.data)) })
        bindings.append(JSONBBytes(bytes: rows.metadata))
        bindings.append(rows.commandId)
        bindings.append(events.map(\.effectiveDate.description))
        bindings.append(Array(repeating: RawRows.hash, count: events.count))
        bindings.append(Array(repeating: RawRows.hash, count: events.count))
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws {}
}

/// Unique ids for both sides of the benchmark at the cost of one atomic increment: a random
/// prefix per process and a counter. (Foundation's `UUID()` reads /dev/urandom on Linux, about
/// 2 µs here, which would weigh on the raw side's per-row ids and flatter the ratio.)
enum BenchIds {
    private static let prefix = UInt64.random(in: .min ... .max)
    private static let counter = Atomic<UInt64>(0)

    static func next() -> UUID {
        let count = counter.add(1, ordering: .relaxed).newValue
        return UUID(uuid: unsafeBitCast((prefix.bigEndian, count.bigEndian), to: uuid_t.self))
    }
}
