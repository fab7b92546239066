import DibaoEvents
@testable import DibaoProjections
import DibaoStore
import DibaoTestSupport
import Foundation
import Logging
import PostgresNIO
import Synchronization
import Testing

/// Declared columns and read-ahead rebuilds: a projection that reads fewer columns builds the
/// same rows as one that reads them all, a pipelined rebuild killed halfway resumes to the
/// incremental result, and a page read ahead is refused once the checkpoint has moved.
@Suite("Projection columns and read-ahead rebuilds", .tags(.postgres))
struct RebuildReadAheadTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("readahead") }

    @Test("A projection declaring two columns builds the same rows as the same projection reading all columns")
    func declaredColumnsBuildTheSameRows() async throws {
        try await withStore(database) { store in
            let slim = CategoryDailyCounts()
            let full = EveryColumn(CategoryDailyCounts(), name: "category_daily_counts_full")
            #expect(slim.columns == [.streamId, .recordedAt])
            #expect(full.columns == .all, "a projection that declares nothing reads every column")
            let engine = ProjectionEngine(store: store, projections: [slim, full], logger: TestLogging.logger)
            try await engine.register()
            try await RebuildTests.seed(store)
            try await RebuildTests.catchUp(engine, slim, batch: 50)
            try await RebuildTests.catchUp(engine, full, batch: 50)
            let slimRows = try await RebuildTests.rows(store)
            let fullRows = try await RebuildTests.rows(store, view: "dibao.category_daily_counts_full_counts")
            #expect(slimRows.count >= 4)
            #expect(slimRows == fullRows)
            // Both passed the whole log; where exactly a short page ends depends on the horizon of its read.
            let last = try #require(try await store.readAll(after: .start, limit: 100_000).last).checkpoint
            #expect(try await engine.checkpoint(slim, generation: 1) >= last)
            #expect(try await engine.checkpoint(full, generation: 1) >= last)
        }
    }

    @Test("A read-ahead rebuild killed between pages resumes its generation and equals the incremental model")
    func killedReadAheadRebuildResumes() async throws {
        try await withStore(database) { store in
            let projection = CategoryDailyCounts()
            let engine = ProjectionEngine(store: store, projections: [projection], logger: TestLogging.logger)
            try await engine.register()
            try await RebuildTests.seed(store)
            try await RebuildTests.catchUp(engine, projection, batch: 50)

            // The first attempt applies six pages (with the seventh read ahead), then dies.
            await #expect(throws: Killed.self) {
                try await engine.rebuild(DiesAfter(pages: 6, CategoryDailyCounts()), batchSizeMax: 61)
            }
            #expect(try await engine.activeGeneration(of: projection) == 1)
            let halfway = try await engine.checkpoint(projection, generation: 2)
            #expect(halfway > .start)
            let appliedHalfway: Int64 = try #require(try await store.client.query("""
                SELECT events_applied FROM dibao.projection_checkpoints WHERE name = 'category_daily_counts' AND generation = 2
                """, logger: TestLogging.logger).decode(Int64.self).first { _ in true })
            #expect(appliedHalfway == 6 * 61, "six pages applied; the seventh, read ahead, was not")

            try await RebuildTests.seed(store)
            try await RebuildTests.catchUp(engine, projection, batch: 50)
            let incremental = try await RebuildTests.rows(store)

            #expect(try await engine.rebuild(projection, batchSizeMax: 97) == 2)
            #expect(try await RebuildTests.rows(store) == incremental)
            #expect(incremental.map { Int($0.split(separator: " ")[2])! }.reduce(0, +) == 2 * RebuildTests.seededEvents)
        }
    }

    @Test("A page read ahead is refused, and writes nothing, when the checkpoint moved after it was read")
    func stalePageIsRefused() async throws {
        try await withStore(database) { store in
            let projection = CategoryDailyCounts()
            let engine = ProjectionEngine(store: store, projections: [projection], logger: TestLogging.logger)
            try await engine.register()
            try await RebuildTests.seed(store)
            try await RebuildTests.catchUp(engine, projection, batch: 50)
            let generation = try await engine.startOrResumeBuild(projection)
            let page = try await engine.readPage(projection, after: .start, limit: 40)
            #expect(page.events.count == 40)

            // Another runner applies the same events first.
            #expect(try await engine.applyNextBatch(projection, generation: generation, limit: 40) == 40)
            let moved = try await engine.checkpoint(projection, generation: generation)
            #expect(moved == page.events.last?.checkpoint && moved == page.end)

            let outcome = try await engine.applyPage(page, from: .start, of: projection, generation: generation)
            #expect(outcome == .checkpointMoved(to: moved))
            let counted = try await store.client.query(PostgresQuery(unsafeSQL: """
                SELECT coalesce(sum(events), 0)::bigint FROM \(ReadModelNames(projection: projection.name, generation: generation).table("counts"))
                """), logger: TestLogging.logger).decode(Int64.self).first { _ in true }
            #expect(counted == 40, "the refused page was not counted a second time")
            #expect(try await engine.checkpoint(projection, generation: generation) == moved)
        }
    }
}

/// Another projection's rows from the same code, reading every column (the protocol's default).
struct EveryColumn: Projection {
    let inner: CategoryDailyCounts
    let name: String
    var category: String? { inner.category }
    var tables: [String] { inner.tables }

    init(_ inner: CategoryDailyCounts, name: String) { (self.inner, self.name) = (inner, name) }

    func createTables(_ names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        try await inner.createTables(names, on: connection, logger: logger)
    }

    func apply(_ events: [RecordedEvent], to names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        try await inner.apply(events, to: names, on: connection, logger: logger)
    }
}

/// The killed process: a projection that applies `pages` pages like `inner`, then fails.
struct DiesAfter: Projection {
    let inner: CategoryDailyCounts
    let pagesLeft: Countdown
    var name: String { inner.name }
    var category: String? { inner.category }
    var tables: [String] { inner.tables }
    var columns: EventColumns { inner.columns }

    init(pages: Int, _ inner: CategoryDailyCounts) { (self.inner, self.pagesLeft) = (inner, Countdown(pages)) }

    func createTables(_ names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        try await inner.createTables(names, on: connection, logger: logger)
    }

    func apply(_ events: [RecordedEvent], to names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        guard pagesLeft.take() else { throw Killed() }
        try await inner.apply(events, to: names, on: connection, logger: logger)
    }
}

struct Killed: Error {}

/// How many more pages `DiesAfter` applies (shared by its copies).
final class Countdown: Sendable {
    private let left: Mutex<Int>

    init(_ count: Int) { left = Mutex(count) }

    /// True while pages are left, counting this one.
    func take() -> Bool {
        left.withLock { left in
            left -= 1
            return left >= 0
        }
    }
}
