import DibaoEvents
@testable import DibaoProjections
import DibaoStore
import DibaoTestSupport
import Foundation
import Logging
import PostgresNIO
import Testing

/// The switch at the end of a rebuild: the new generation never shows less than the one it
/// replaces, and a switch only ever moves to the generation still being built.
@Suite("Projection rebuild switches", .tags(.postgres))
struct RebuildSwitchTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("switch") }

    static func registry(_ store: EventStore) async throws -> (active: Int, building: Int?) {
        let rows = try await store.client.query("""
            SELECT active_generation, building_generation FROM dibao.projections WHERE name = 'category_daily_counts'
            """, logger: TestLogging.logger)
        for try await row in rows.decode((Int, Int?).self) { return row }
        throw ConfigurationError("category_daily_counts is not registered")
    }

    /// `category_daily_counts`, registered, with one `RebuildTests.seed` applied to generation 1.
    static func caughtUpEngine(_ store: EventStore) async throws -> (CategoryDailyCounts, ProjectionEngine) {
        let projection = CategoryDailyCounts()
        let engine = ProjectionEngine(store: store, projections: [projection], logger: TestLogging.logger)
        try await engine.register()
        try await RebuildTests.seed(store)
        try await RebuildTests.catchUp(engine, projection, batch: 50)
        return (projection, engine)
    }

    @Test("Events the live generation took after the new one caught up are in the new one the moment it is active")
    func switchBringsTheNewGenerationLevel() async throws {
        try await withStore(database) { store in
            let (projection, engine) = try await Self.caughtUpEngine(store)

            // Generation 2 catches up as a rebuild does, and stops there…
            let building = try await engine.startOrResumeBuild(projection)
            try await engine.catchUp(projection, generation: building, batchSizeMax: 100) { _ in }
            let caughtUp = try await RebuildTests.rows(store, view: "dibao.proj_category_daily_counts_g2_counts")

            // …while more events arrive and the live generation 1 takes them.
            try await RebuildTests.seed(store)
            try await RebuildTests.catchUp(engine, projection, batch: 50)
            let live = try await RebuildTests.rows(store)
            #expect(live != caughtUp, "generation 1 is ahead of generation 2 before the switch")
            let liveCheckpoint = try await engine.checkpoint(projection, generation: 1)

            try await engine.switchTo(projection, generation: building, batchSizeMax: 100)
            #expect(try await engine.activeGeneration(of: projection) == 2)
            #expect(try await RebuildTests.rows(store) == live, "no catch-up after the switch: generation 2 holds what 1 held")
            #expect(live.map { Int($0.split(separator: " ")[2])! }.reduce(0, +) == 2 * RebuildTests.seededEvents)
            #expect(try await engine.checkpoint(projection, generation: 2) >= liveCheckpoint)
            let applied = try await store.client.query("""
                SELECT events_applied FROM dibao.projection_checkpoints WHERE name = 'category_daily_counts' AND generation = 2
                """, logger: TestLogging.logger).decode(Int64.self).first { _ in true }
            #expect(applied == Int64(2 * RebuildTests.seededEvents), "each event applied to generation 2 once")
        }
    }

    @Test("A second switch to the active generation changes nothing; a switch to a replaced generation is refused and leaves the newer build alone")
    func switchOnlyToTheGenerationBeingBuilt() async throws {
        try await withStore(database) { store in
            let (projection, engine) = try await Self.caughtUpEngine(store)
            let incremental = try await RebuildTests.rows(store)

            // Two runs of one rebuild finish generation 2; the first switches.
            let building = try await engine.startOrResumeBuild(projection)
            #expect(try await engine.startOrResumeBuild(projection) == building, "a second run resumes the same generation")
            try await engine.catchUp(projection, generation: building, batchSizeMax: 100) { _ in }
            try await engine.switchTo(projection, generation: building)
            #expect(try await Self.registry(store) == (2, nil))

            // A newer rebuild starts generation 3; then the second run of the old one switches late.
            let newer = try await engine.startOrResumeBuild(projection)
            #expect(newer == 3)
            try await engine.switchTo(projection, generation: building)
            #expect(try await Self.registry(store) == (2, 3), "the late switch is a no-op and keeps generation 3 being built")
            try await engine.register()  // drops stale generations: generation 3 is not one
            #expect(try await engine.checkpoint(projection, generation: 3) == .start)

            // A switch to a generation nobody builds is refused, and nothing moves.
            await #expect(throws: ConfigurationError.self) { try await engine.switchTo(projection, generation: 4) }
            #expect(try await Self.registry(store) == (2, 3))
            #expect(try await RebuildTests.rows(store) == incremental)

            #expect(try await engine.rebuild(projection, batchSizeMax: 100) == 3)
            #expect(try await Self.registry(store) == (3, nil))
            #expect(try await RebuildTests.rows(store) == incremental)
        }
    }

    @Test("A rebuild's batch size must be at least 1")
    func batchSizeAtLeastOne() async throws {
        try await withStore(database) { store in
            let projection = CategoryDailyCounts()
            let engine = ProjectionEngine(store: store, projections: [projection], logger: TestLogging.logger)
            try await engine.register()
            await #expect(throws: ConfigurationError.self) { try await engine.rebuild(projection, batchSizeMax: 0) }
            #expect(try await Self.registry(store) == (1, nil), "a refused rebuild starts no generation")
        }
    }
}
