import DibaoEvents
@testable import DibaoProjections
import DibaoStore
import DibaoTestSupport
import Foundation
import Logging
import PostgresNIO
import Testing

/// A rebuilt read model must equal the incrementally built one on the same events, also when
/// the rebuild was killed halfway and restarted, and the old generation keeps answering
/// queries until the switch.
@Suite("Projection rebuilds", .tags(.postgres))
struct RebuildTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("rebuild") }

    /// Events in one `seed`: 240 appends of 1 + (index mod 9) events.
    static let seededEvents = (0..<240).map { 1 + $0 % 9 }.reduce(0, +)

    /// 1,191 events over four categories, in appends of 1 to 9 events.
    static func seed(_ store: EventStore) async throws {
        for index in 0..<240 {
            let stream = Fixtures.uniqueStream(["case", "policy", "note", "payout"][index % 4])
            let events = (0..<(1 + index % 9)).map { Fixtures.thing(Int64($0)) }
            _ = try await Fixtures.append(store, stream, events)
        }
    }

    static func rows(_ store: EventStore, view: String = "dibao.category_daily_counts_counts") async throws -> [String] {
        try await CategoryCountRows.model(store.client, relation: view)
    }

    /// Applies batches until the projection has every event. An empty batch while events remain
    /// is lag (another suite's open transaction holds the cluster-wide horizon): wait and retry.
    static func catchUp(_ engine: ProjectionEngine, _ projection: any Projection, batch: Int) async throws {
        let generation = try await engine.activeGeneration(of: projection)
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if try await engine.applyNextBatch(projection, generation: generation, limit: batch) > 0 { continue }
            let checkpoint = try await engine.checkpoint(projection, generation: generation)
            if try await engine.store.backlog(after: checkpoint, category: projection.category).events == 0 { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the projection did not catch up within 60 seconds")
    }

    @Test("A rebuild equals the incrementally built read model, and switches generations")
    func rebuildEqualsIncremental() async throws {
        try await withStore(database) { store in
            let engine = ProjectionEngine(store: store, projections: [CategoryDailyCounts()], logger: TestLogging.logger)
            try await engine.register()
            try await Self.seed(store)
            let projection = CategoryDailyCounts()
            try await Self.catchUp(engine, projection, batch: 7)
            let incremental = try await Self.rows(store)
            #expect(incremental.count >= 4)
            #expect(incremental.map { Int($0.split(separator: " ")[2])! }.reduce(0, +) == Self.seededEvents)

            let generation = try await engine.rebuild(projection, batchSizeMax: 113)
            #expect(generation == 2)
            #expect(try await engine.activeGeneration(of: projection) == 2)
            // No catch-up after the switch: the new generation holds every event the old one did.
            #expect(try await Self.rows(store) == incremental)
        }
    }

    @Test("A rebuild killed halfway resumes its generation and still equals the incremental model; the old one answers meanwhile")
    func killedRebuildResumes() async throws {
        try await withStore(database) { store in
            let projection = CategoryDailyCounts()
            let engine = ProjectionEngine(store: store, projections: [projection], logger: TestLogging.logger)
            try await engine.register()
            try await Self.seed(store)
            try await Self.catchUp(engine, projection, batch: 50)
            let incremental = try await Self.rows(store)

            // The first attempt builds generation 2 part of the way, then dies.
            let building = try await engine.startOrResumeBuild(projection)
            #expect(building == 2)
            var applied = 0
            while applied < 500 { applied += try await engine.applyNextBatch(projection, generation: building, limit: 100) }
            #expect(try await engine.activeGeneration(of: projection) == 1, "queries still read generation 1")
            #expect(try await Self.rows(store) == incremental, "the live read model is untouched by the half-built one")
            let statuses = try await engine.statuses()
            #expect(statuses.first?.buildingGeneration == 2)

            // More events arrive while no rebuild runs; the live generation follows them.
            try await Self.seed(store)
            try await Self.catchUp(engine, projection, batch: 50)
            let incrementalAfter = try await Self.rows(store)

            // The restarted rebuild resumes generation 2 from its checkpoint, not from zero.
            let halfway = try await engine.checkpoint(projection, generation: 2)
            #expect(halfway > .start)
            let generation = try await engine.rebuild(projection, batchSizeMax: 97)
            #expect(generation == 2)
            #expect(try await Self.rows(store) == incrementalAfter)
            #expect(incrementalAfter.map { Int($0.split(separator: " ")[2])! }.reduce(0, +) == 2 * Self.seededEvents)
        }
    }

    @Test("A generation left behind by a switch killed before its drop is dropped at the next start")
    func staleGenerationIsDropped() async throws {
        try await withStore(database) { store in
            let projection = CategoryDailyCounts()
            let engine = ProjectionEngine(store: store, projections: [projection], logger: TestLogging.logger)
            try await engine.register()
            try await store.client.transaction(logger: TestLogging.logger) { connection in
                try await engine.createGeneration(projection, ReadModelNames(projection: projection.name, generation: 7), on: connection)
            }
            try await engine.register()
            let left = try await store.client.query("""
                SELECT count(*) FROM dibao.projection_checkpoints WHERE name = 'category_daily_counts' AND generation = 7
                """, logger: TestLogging.logger).decode(Int64.self).first { _ in true }
            #expect(left == 0)
            let table = try await store.client.query("SELECT to_regclass('dibao.proj_category_daily_counts_g7_counts') IS NULL", logger: TestLogging.logger)
                .decode(Bool.self).first { _ in true }
            #expect(table == true)
            #expect(try await engine.activeGeneration(of: projection) == 1)
        }
    }

    @Test("The checkpoint moves with the read model: a batch that fails writes neither")
    func failedBatchWritesNothing() async throws {
        try await withStore(database) { store in
            let failing = FailingProjection()
            let engine = ProjectionEngine(store: store, projections: [failing], logger: TestLogging.logger)
            try await engine.register()
            _ = try await Fixtures.append(store, Fixtures.uniqueStream(), [Fixtures.thing(1), Fixtures.thing(2)])
            while try await store.readAll(after: .start).count < 2 { try await Task.sleep(for: .milliseconds(20)) }
            await #expect(throws: (any Error).self) { try await engine.applyNextBatch(failing, generation: 1, limit: 10) }
            #expect(try await engine.checkpoint(failing, generation: 1) == .start)
            let count = try await store.client.query("SELECT count(*) FROM dibao.failing_seen", logger: TestLogging.logger).decode(Int64.self).first { _ in true }
            #expect(count == 0)
            let status = try #require(try await engine.statuses().first)
            #expect(status.lastError != nil)
            #expect(status.lagEvents == 2)
        }
    }
}

/// Writes a row per event, then fails: proves the engine's transaction rolls both back.
struct FailingProjection: Projection {
    let name = "failing"
    let category: String? = nil
    let tables = ["seen"]

    func createTables(_ names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE TABLE \(names.table("seen")) (position bigint PRIMARY KEY)"), logger: logger)
    }

    func apply(_ events: [RecordedEvent], to names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("INSERT INTO \(unescaped: names.table("seen")) SELECT unnest(\(events.map(\.globalPosition))::bigint[])", logger: logger)
        struct Boom: Error {}
        throw Boom()
    }
}
