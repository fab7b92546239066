import DibaoEvents
import DibaoHTTP
import DibaoProjections
import DibaoStore
import DibaoTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Prometheus
import Testing

/// `GET /ready`'s `projections` check on a real engine: a projection whose batches fail makes
/// the service not ready, naming it and its last error.
@Suite("Readiness of the projections on PostgreSQL", .tags(.postgres))
struct ProjectionReadinessTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("readiness") }

    /// The application's /ready, with the projections check as `serve` wires it.
    static func ready(_ engine: ProjectionEngine, running: Bool) async throws -> (status: HTTPResponse.Status, body: String) {
        let probe = ReadinessProbe(checks: [("projections", { await ProjectionReadiness.check(engine, running: running) })])
        let app = Application(router: DibaoApplication.router(operations: OperationsRoutes(readiness: probe, registry: PrometheusCollectorRegistry(),
                                                                                           beforeScrape: {})))
        return try await app.test(.router) { client in
            let response = try await client.execute(uri: "/ready", method: .get)
            return (response.status, String(buffer: response.body))
        }
    }

    /// An `ApplicationSubmitted` with empty data, written by the owner with plain SQL (the store
    /// would refuse it): the caseload projection cannot apply it, every projection can read it.
    func insertUnreadableCaseEvent() async throws {
        try await withRunningClient(database.owner) { client in
            try await client.query("""
                INSERT INTO dibao.events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata, command_id,
                                          command_index, effective_date, hash, previous_hash)
                VALUES ('case-530102001001-broken', 1, gen_random_uuid(), 'ApplicationSubmitted', 1, '{}', '{}', gen_random_uuid(),
                        0, '2024-01-01', sha256(''), sha256(''))
                """, logger: TestLogging.logger)
        }
    }

    /// Applies batches until one fails. An empty batch means the event still waits behind
    /// another suite's open transaction (the cluster-wide horizon): wait and try again.
    static func applyUntilABatchFails(_ engine: ProjectionEngine, _ projection: any Projection) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            do {
                if try await engine.applyNextBatch(projection, generation: 1, limit: 100) == 0 { try await Task.sleep(for: .milliseconds(20)) }
            } catch {
                return
            }
        }
        Issue.record("no batch of \(projection.name) failed within 60 seconds")
    }

    @Test("Ready while no projection fails; not ready, naming the failing projection and its last error, once one does")
    func failingProjectionIsNotReady() async throws {
        try await withStore(database, catalogue: LedgerCatalogue.make()) { store in
            let engine = ProjectionEngine(store: store, projections: ProjectionCatalogue.all(), logger: TestLogging.logger)
            try await engine.register()
            for projection in engine.projections {
                try await engine.applyNextBatch(projection, generation: 1, limit: 100)
            }
            #expect(await ProjectionReadiness.check(engine, running: true) == nil)
            #expect(await ProjectionReadiness.check(engine, running: false) == "projections are not running")
            let healthy = try await Self.ready(engine, running: true)
            #expect(healthy.status == .ok)
            #expect(healthy.body == #"{"projections":"ok","status":"ready"}"#)

            try await insertUnreadableCaseEvent()
            let caseload = try engine.projection(named: "caseload")
            try await Self.applyUntilABatchFails(engine, caseload)
            try await engine.applyNextBatch(try engine.projection(named: "category_daily_counts"), generation: 1, limit: 100)

            let statuses = try await engine.statuses()
            let lastError = try #require(statuses.first { $0.name == "caseload" }?.lastError)
            #expect(lastError.contains("data.caseId"), "the recorded error names the field the event lacks: \(lastError)")
            #expect(statuses.first { $0.name == "category_daily_counts" }?.lastError == nil)
            let message = try #require(await ProjectionReadiness.check(engine, running: true))
            #expect(message == "failing: caseload (\(lastError))")
            #expect(!message.contains("category_daily_counts"))
            let failing = try await Self.ready(engine, running: true)
            #expect(failing.status == .serviceUnavailable)
            #expect(failing.body.contains("failing: caseload ("))
            #expect(failing.body.contains(#""status":"not ready""#))
        }
    }

    @Test("Each failing projection is named; a long last error is cut to 200 characters")
    func summaries() {
        let long = String(repeating: "x", count: 300)
        let statuses: [(projection: String, lastError: String?)] = [("a", "database error 22P02: bad\ninput"), ("b", nil), ("c", long)]
        #expect(ProjectionReadiness.failing(statuses) == "failing: a (database error 22P02: bad input); c (\(String(repeating: "x", count: 200))…)")
        #expect(ProjectionReadiness.failing([statuses[1]]) == nil)
    }
}
