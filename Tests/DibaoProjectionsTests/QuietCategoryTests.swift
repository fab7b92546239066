@testable import DibaoProjections
import DibaoStore
import DibaoTestSupport
import Foundation
import Logging
import PostgresNIO
import Testing

/// A projection of one category reads pages that end at the horizon (`GlobalPage`), so it passes
/// other categories' transactions once instead of scanning them on every poll.
@Suite("A projection of a quiet category passes the others' events without skipping its own", .tags(.postgres))
struct QuietCategoryTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("quiet") }

    static func category(_ letter: String) -> String { letter + UUID().uuidString.prefix(8).lowercased() }

    /// Events counted by the projection's view.
    static func counted(_ store: EventStore) async throws -> Int64 {
        try await store.client.query("SELECT coalesce(sum(events), 0)::bigint FROM dibao.quiet_counts_counts", logger: TestLogging.logger)
            .decode(Int64.self).first { _ in true } ?? -1
    }

    @Test("Its checkpoint is stored past other categories' transactions once they are many, and not rewritten for a few")
    func checkpointPassesOthers() async throws {
        try await withStore(database) { store in
            let quiet = Self.category("q"), loud = Self.category("l")
            let projection = InCategory(quiet)
            let engine = ProjectionEngine(store: store, projections: [projection], logger: TestLogging.logger)
            try await engine.register()
            _ = try await Fixtures.append(store, Fixtures.uniqueStream(quiet), [Fixtures.thing(1)])
            try await RebuildTests.catchUp(engine, projection, batch: 10)
            let before = try await engine.checkpoint(projection, generation: 1)

            let transactions = Int(ProjectionEngine.storedSkipTransactions) + 100
            for n in 0..<transactions { _ = try await Fixtures.append(store, Fixtures.uniqueStream(loud), [Fixtures.thing(Int64(n))]) }
            let lastLoud = try #require(try await store.readAll(after: .start, category: loud, limit: 100_000).last).checkpoint
            // A transaction held open elsewhere on the server holds the horizon back for a while.
            let deadline = ContinuousClock.now + .seconds(30)
            var stored = before
            while stored < lastLoud, ContinuousClock.now < deadline {
                #expect(try await engine.applyNextBatch(projection, generation: 1, limit: 10) == 0)
                stored = try await engine.checkpoint(projection, generation: 1)
                if stored < lastLoud { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(stored > lastLoud, "stored past \(transactions) transactions of another category")

            for n in 0..<5 { _ = try await Fixtures.append(store, Fixtures.uniqueStream(loud), [Fixtures.thing(Int64(n))]) }
            #expect(try await engine.applyNextBatch(projection, generation: 1, limit: 10) == 0)
            #expect(try await engine.checkpoint(projection, generation: 1) == stored, "a few passed transactions are not worth a write")

            _ = try await Fixtures.append(store, Fixtures.uniqueStream(quiet), [Fixtures.thing(2)])
            try await RebuildTests.catchUp(engine, projection, batch: 10)
            #expect(try await Self.counted(store) == 2)
        }
    }

    @Test("Followed live beside a busier category, with transactions of both held open, it counts each of its events once")
    func liveBesideOthers() async throws {
        try await withStore(database, connectionsMax: 30) { store in
            let quiet = Self.category("q"), loud = Self.category("l")
            let projection = InCategory(quiet)
            let engine = ProjectionEngine(store: store, projections: [projection], batchSizeMax: 7, logger: TestLogging.logger)
            try await engine.register()
            let quietEvents = 40 + 1
            let follower = Task { await engine.runLive(pollInterval: .milliseconds(50)) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (category, holdFor) in [(quiet, 1_500), (loud, 2_500)] {
                    group.addTask {
                        try await store.client.withConnection { connection in
                            try await connection.query("BEGIN", logger: TestLogging.logger)
                            _ = try await store.append(AppendRequest(stream: Fixtures.uniqueStream(category), expectedVersion: .noStream, commandId: UUID(),
                                                                     metadata: Fixtures.metadata(), events: [Fixtures.thing(0)]), on: connection)
                            try await Task.sleep(for: .milliseconds(holdFor))
                            try await connection.query("COMMIT", logger: TestLogging.logger)
                        }
                    }
                }
                group.addTask {
                    for n in 0..<(quietEvents - 1) {
                        _ = try await Fixtures.append(store, Fixtures.uniqueStream(quiet), [Fixtures.thing(Int64(n))])
                        try await Task.sleep(for: .milliseconds(40))
                    }
                }
                for _ in 0..<2 {
                    group.addTask {
                        for n in 0..<300 { _ = try await Fixtures.append(store, Fixtures.uniqueStream(loud), [Fixtures.thing(Int64(n))]) }
                    }
                }
                try await group.waitForAll()
            }
            let deadline = ContinuousClock.now + .seconds(30)
            while try await Self.counted(store) < Int64(quietEvents), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            try await Task.sleep(for: .milliseconds(300))  // a few more polls: nothing may be counted twice
            follower.cancel()
            await follower.value
            #expect(try await Self.counted(store) == Int64(quietEvents))
        }
    }
}

extension QuietCategoryTests {
    @Test("A runner woken for events held behind an open transaction applies them soon after it ends, not a poll interval later")
    func heldBackEventsSoon() async throws {
        try await withStore(database, connectionsMax: 10) { store in
            let quiet = Self.category("q"), loud = Self.category("l")
            let projection = InCategory(quiet)
            let engine = ProjectionEngine(store: store, projections: [projection], logger: TestLogging.logger)
            try await engine.register()
            let follower = Task { await engine.runLive(pollInterval: .seconds(120)) }
            try await Task.sleep(for: .milliseconds(300))  // caught up (nothing yet), waiting
            try await store.client.withConnection { connection in
                try await connection.query("BEGIN", logger: TestLogging.logger)
                // An append on a held connection: it sends no wake-up.
                _ = try await store.append(AppendRequest(stream: Fixtures.uniqueStream(loud), expectedVersion: .noStream, commandId: UUID(),
                                                         metadata: Fixtures.metadata(), events: [Fixtures.thing(0)]), on: connection)
                // The wake-up this sends is spent while the event waits behind the open transaction.
                _ = try await Fixtures.append(store, Fixtures.uniqueStream(quiet), [Fixtures.thing(1)])
                try await Task.sleep(for: .milliseconds(500))
                try await connection.query("COMMIT", logger: TestLogging.logger)
            }
            let deadline = ContinuousClock.now + .seconds(20)
            while try await Self.counted(store) < 1, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            follower.cancel()
            await follower.value
            #expect(try await Self.counted(store) == 1, "applied within 20 s of a 120 s poll interval")
        }
    }
}

/// `CategoryDailyCounts` kept for one category only.
struct InCategory: Projection {
    let inner = CategoryDailyCounts()
    let category: String?
    var name: String { "quiet_counts" }
    var tables: [String] { inner.tables }
    var columns: EventColumns { inner.columns }

    init(_ category: String) { self.category = category }

    func createTables(_ names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        try await inner.createTables(names, on: connection, logger: logger)
    }

    func apply(_ events: [RecordedEvent], to names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        try await inner.apply(events, to: names, on: connection, logger: logger)
    }
}
