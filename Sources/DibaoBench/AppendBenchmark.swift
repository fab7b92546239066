import DibaoEvents
import DibaoStore
import Foundation
import Logging
import PostgresNIO

/// `dibao bench append`: appends through the store beside plain INSERTs of the same rows into
/// a bare table (`dibao_bench_raw.events`, no keys, no checks, no chain), in alternating rounds
/// against the same server, and reports medians.
public struct AppendBenchmark: Sendable {
    /// One measured shape of load.
    public struct Scenario: Sendable {
        public var name: String
        public var writers: Int
        public var eventsPerAppend: Int
    }

    public static let scenarios = [
        Scenario(name: "single_event_1_writer", writers: 1, eventsPerAppend: 1),
        Scenario(name: "single_event_8_writers", writers: 8, eventsPerAppend: 1),
        Scenario(name: "batch_100_events_8_writers", writers: 8, eventsPerAppend: 100),
    ]

    public let store: EventStore
    public let rounds: Int
    public let roundDuration: Duration
    let logger: Logger

    public init(store: EventStore, rounds: Int = 5, roundDuration: Duration = .seconds(3), logger: Logger) {
        self.store = store
        self.rounds = rounds
        self.roundDuration = roundDuration
        self.logger = logger
    }

    /// Creates the bare baseline table (as the owner) and lets `dibao_app` write to it.
    public static func prepareRawTable(owner: PostgresClient, logger: Logger) async throws {
        for statement in [
            "CREATE SCHEMA IF NOT EXISTS dibao_bench_raw",
            """
            CREATE TABLE IF NOT EXISTS dibao_bench_raw.events (
                stream_id text, stream_version bigint, event_id uuid, event_type text, schema_version integer,
                data jsonb, metadata jsonb, command_id uuid, effective_date date, hash bytea, previous_hash bytea)
            """,
            "GRANT USAGE ON SCHEMA dibao_bench_raw TO dibao_app",
            "GRANT INSERT, SELECT ON dibao_bench_raw.events TO dibao_app",
        ] as [PostgresQuery] {
            try await owner.query(statement, logger: logger)
        }
    }

    /// Runs every scenario; `report` sees each comparison as it completes.
    public func run(report: @Sendable (Comparison) -> Void = { _ in }) async throws -> [Comparison] {
        var comparisons: [Comparison] = []
        for scenario in Self.scenarios {
            var ours: [Double] = [], raw: [Double] = []
            for round in 0..<rounds {
                raw.append(try await measure(scenario, round: round, appendOne: appendRaw))
                ours.append(try await measure(scenario, round: round, appendOne: appendOurs))
            }
            let comparison = Comparison(name: scenario.name, oursRounds: ours, rawRounds: raw)
            report(comparison)
            comparisons.append(comparison)
        }
        return comparisons
    }

    typealias AppendOne = @Sendable (_ stream: StreamName, _ version: Int64, _ events: [ProposedEvent]) async throws -> Void

    /// Events per second of `writers` tasks appending until the round's time is up. Each writer
    /// owns 50 streams and knows their versions, so every append states an exact expectation.
    private func measure(_ scenario: Scenario, round: Int, appendOne: @escaping AppendOne) async throws -> Double {
        let runId = UUID().uuidString.prefix(8).lowercased()
        let events = (0..<scenario.eventsPerAppend).map { Self.event($0) }
        let deadline = ContinuousClock.now + roundDuration
        let started = ContinuousClock.now
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<scenario.writers {
                group.addTask {
                    var versions = [Int64](repeating: 0, count: 50)
                    var appended = 0
                    while ContinuousClock.now < deadline {
                        let slot = appended % versions.count
                        let stream = try StreamName("bench-r\(round)\(runId)w\(writer)s\(slot)")
                        try await appendOne(stream, versions[slot], events)
                        versions[slot] += Int64(events.count)
                        appended += 1
                    }
                    return appended * events.count
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(counts) / (ContinuousClock.now - started).secondsValue
    }

    private func appendOurs(_ stream: StreamName, _ version: Int64, _ events: [ProposedEvent]) async throws {
        _ = try await store.append(AppendRequest(stream: stream, expectedVersion: version == 0 ? .noStream : .exactly(version),
                                                 commandId: UUID(), metadata: Self.metadata, events: events))
    }

    private func appendRaw(_ stream: StreamName, _ version: Int64, _ events: [ProposedEvent]) async throws {
        let metadata = CanonicalJSON.string(Self.metadata.json)
        let hash = ByteBuffer(bytes: [UInt8](repeating: 7, count: 32))
        let commandId = UUID()
        if events.count == 1, let event = events.first {
            try await store.client.query("""
                INSERT INTO dibao_bench_raw.events VALUES (\(stream.rawValue), \(version + 1), \(UUID()), \(event.eventType),
                  \(Int32(event.schemaVersion)), \(CanonicalJSON.string(event.data))::jsonb, \(metadata)::jsonb, \(commandId),
                  \(event.effectiveDate.description)::date, \(hash), \(hash))
                """, logger: logger)
            return
        }
        let count = events.count
        try await store.client.query("""
            INSERT INTO dibao_bench_raw.events
            SELECT * FROM unnest(\(Array(repeating: stream.rawValue, count: count)), \((1...Int64(count)).map { version + $0 }),
              \((0..<count).map { _ in UUID() }), \(events.map(\.eventType)), \(events.map { Int32($0.schemaVersion) }),
              \(events.map { CanonicalJSON.string($0.data) })::text[]::jsonb[], \(Array(repeating: metadata, count: count))::text[]::jsonb[],
              \(Array(repeating: commandId, count: count)), \(events.map(\.effectiveDate.description))::text[]::date[],
              \(Array(repeating: hash, count: count)), \(Array(repeating: hash, count: count)))
            """, logger: logger)
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
