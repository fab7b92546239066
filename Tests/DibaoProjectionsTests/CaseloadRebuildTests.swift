@testable import DibaoProjections
import DibaoStore
import PostgresNIO
import DibaoTestSupport
import Testing

/// The caseload read model must not depend on how the log was split into batches.
@Suite("Caseload rebuild", .tags(.postgres))
struct CaseloadRebuildTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("caseloadrebuild") }

    /// Every row of the three views, as text, in a fixed order.
    static func dump(_ store: EventStore) async throws -> [String] {
        var lines: [String] = []
        for (view, order) in [("cases", "case_id"), ("history", "case_id, stream_version"), ("temporary_payments", "event_id")] {
            let rows = try await store.client.query(PostgresQuery(unsafeSQL: "SELECT t::text FROM dibao.caseload_\(view) t ORDER BY \(order)"),
                                                    logger: TestLogging.logger)
            for try await line in rows.decode(String.self) { lines.append("\(view) \(line)") }
        }
        return lines
    }

    @Test("Built one event at a time, then rebuilt in one batch and in batches of 7: the same rows")
    func rebuildEqualsIncremental() async throws {
        try await withCaseloadScenario(database, batch: 1) { store, engine in
            let incremental = try await Self.dump(store)
            #expect(incremental.filter { $0.hasPrefix("cases ") }.count == 10)
            #expect(incremental.filter { $0.hasPrefix("temporary_payments ") }.count == 3)
            #expect(incremental.contains { $0.hasPrefix("history (A,2,") && $0.contains(",120000)") }, "A's approval row carries the corrected amount")

            let projection = Caseload()
            #expect(try await engine.rebuild(projection, batchSizeMax: 1_000) == 2)
            try await RebuildTests.catchUp(engine, projection, batch: 1_000)
            #expect(try await Self.dump(store) == incremental)

            #expect(try await engine.rebuild(projection, batchSizeMax: 7) == 3)
            try await RebuildTests.catchUp(engine, projection, batch: 7)
            #expect(try await Self.dump(store) == incremental)
        }
    }
}
