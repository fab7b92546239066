import DibaoEvents
import DibaoProjections
import DibaoStore
import Foundation
import Logging
import PostgresNIO

/// `dibao bench rebuild`: loads a log through the real append path, then times full rebuilds of
/// `category_daily_counts` beside raw sequential reads of the same rows (the columns the
/// projection declares, decoded into the same Swift types; no paging, no checkpoint, no
/// read-model writes), alternating.
public struct RebuildBenchmark: Sendable {
    public let store: EventStore
    public let eventsTotal: Int
    public let rounds: Int
    let logger: Logger

    public init(store: EventStore, eventsTotal: Int = 1_000_000, rounds: Int = 3, logger: Logger) {
        self.store = store
        self.eventsTotal = eventsTotal
        self.rounds = rounds
        self.logger = logger
    }

    /// Appends `eventsTotal` events in appends of 1,000 by four writers, over four categories.
    /// Returns the loading rate (events/s) for the record.
    public func load() async throws -> Double {
        let appendsTotal = (eventsTotal + 999) / 1_000
        let events = (0..<1_000).map { AppendBenchmark.event($0) }
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for index in stride(from: writer, to: appendsTotal, by: 4) {
                        let category = ["case", "policy", "payout", "note"][index % 4]
                        let count = min(1_000, eventsTotal - index * 1_000)
                        _ = try await store.append(AppendRequest(
                            stream: try StreamName("\(category)-load\(index)"), expectedVersion: .noStream, commandId: UUID(),
                            metadata: AppendBenchmark.metadata, events: Array(events.prefix(count))))
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(eventsTotal) / (ContinuousClock.now - started).secondsValue
    }

    /// Rebuild rate and raw read rate, alternating rounds.
    public func run() async throws -> Comparison {
        let projection = CategoryDailyCounts()
        let engine = ProjectionEngine(store: store, projections: [projection], logger: logger)
        try await engine.register()
        var ours: [Double] = [], raw: [Double] = []
        for _ in 0..<rounds {
            raw.append(try await rawRead(projection))
            let started = ContinuousClock.now
            try await engine.rebuild(projection, batchSizeMax: 5_000)
            ours.append(Double(eventsTotal) / (ContinuousClock.now - started).secondsValue)
        }
        return Comparison(name: "rebuild_category_daily_counts", oursRounds: ours, rawRounds: raw, target: .eventsPerSecond(100_000))
    }

    /// Streams every row of the log once, selecting the columns the projection declares (the
    /// same select list its rebuild reads) and decoding each into the reader's Swift types.
    private func rawRead(_ projection: CategoryDailyCounts) async throws -> Double {
        precondition(projection.columns == [.streamId, .recordedAt], "the decoded tuple below must match the projection's columns")
        let started = ContinuousClock.now
        let rows = try await store.client.query("SELECT \(unescaped: EventStore.selectList(projection.columns)) FROM dibao.events", logger: logger)
        var count = 0
        for try await row in rows {
            _ = try row.decode((Int64, Int64, String, Date).self)
            count += 1
        }
        guard count == eventsTotal else { throw BenchmarkError("raw read saw \(count) events, expected \(eventsTotal)") }
        return Double(count) / (ContinuousClock.now - started).secondsValue
    }
}

/// A benchmark precondition that failed.
public struct BenchmarkError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
