import DibaoEvents
import DibaoHTTP
import DibaoProjections
import DibaoStore
import DibaoTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

/// The `/metrics` text that `serve` publishes, after real appends. swift-metrics is bootstrapped
/// once per process and every suite of this run shares the process, so their appends would
/// count in the same counters. The scrape therefore runs as an exit test, in a child process of
/// its own, where the counters hold exactly what this test did.
@Suite("The /metrics text on PostgreSQL", .tags(.postgres))
struct MetricsOutputTests {
    /// Where the child process finds the suite's database (a configuration is not Codable).
    struct DatabaseLocation: Codable, Sendable {
        var socketDirectory: String?
        var host: String?
        var port: Int
        var username: String
        var password: String?
        var database: String

        init(_ configuration: DatabaseConfiguration) {
            switch configuration.endpoint {
            case .unixSocket(let directory, let port): (socketDirectory, host, self.port) = (directory, nil, port)
            case .tcp(let host, let port): (socketDirectory, self.host, self.port) = (nil, host, port)
            }
            (username, password, database) = (configuration.username, configuration.password, configuration.database)
        }

        var configuration: DatabaseConfiguration {
            DatabaseConfiguration(endpoint: socketDirectory.map { .unixSocket(directory: $0, port: port) } ?? .tcp(host: host ?? "localhost", port: port),
                                  username: username, password: password, database: database)
        }
    }

    /// The service's `/metrics` body, scraped through its router with `serve`'s refresh.
    static func scrape(_ registry: PrometheusCollectorRegistry, _ engine: ProjectionEngine) async throws -> [String] {
        let operations = OperationsRoutes(readiness: ReadinessProbe(checks: []), registry: registry,
                                          beforeScrape: { _ = try? await engine.publishMetrics() })
        let app = Application(router: DibaoApplication.router(operations: operations))
        return try await app.test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            return String(buffer: response.body).split(separator: "\n").map(String.init)
        }
    }

    @Test("After a real conflict, a real replay and a projection status publication, /metrics carries each with its value")
    func countersAndGauges() async throws {
        let database = try await TestCluster.shared.freshDatabase("metrics")
        let location = DatabaseLocation(database.app)
        await #expect(processExitsWith: .success) { [location = location as DatabaseLocation] in
            let registry = OperationsMetrics.bootstrap()
            try await withRunningClient(location.configuration) { client in
                let store = EventStore(client: client, catalogue: TestCatalogue.make(), logger: TestLogging.logger)
                let engine = ProjectionEngine(store: store, projections: [CategoryDailyCounts()], logger: TestLogging.logger)
                try await engine.register()
                let stream = Fixtures.uniqueStream()
                let request = AppendRequest(stream: stream, expectedVersion: .noStream, commandId: UUID(), metadata: Fixtures.metadata(),
                                            events: [Fixtures.thing(1), Fixtures.thing(2)])
                #expect(try await !store.append(request).replayed)
                #expect(try await store.append(request).replayed)
                await #expect(throws: StoreError.wrongExpectedVersion(stream: stream.rawValue, expected: .noStream, actual: 2)) {
                    try await Fixtures.append(store, stream, [Fixtures.thing(3)], expected: .noStream)
                }

                let lines = try await Self.scrape(registry, engine)
                for line in ["dibao_appends_total 1", "dibao_appended_events_total 2", "dibao_append_conflicts_total 1",
                             "dibao_append_idempotent_replays_total 1",
                             #"dibao_projection_lag_events{projection="category_daily_counts"} 2.0"#,
                             #"dibao_projection_events_applied{projection="category_daily_counts"} 0.0"#,
                             #"dibao_projection_failing{projection="category_daily_counts"} 0.0"#] {
                    #expect(lines.contains(line), "\(line) in:\n\(lines.joined(separator: "\n"))")
                }
                #expect(lines.contains("# TYPE dibao_append_conflicts_total counter"))
                #expect(lines.contains("# TYPE dibao_projection_lag_events gauge"))

                // Each scrape refreshes the gauges: once the projection has the events, no lag.
                let deadline = ContinuousClock.now + .seconds(60)
                var applied = 0
                while applied < 2, ContinuousClock.now < deadline {
                    applied += try await engine.applyNextBatch(CategoryDailyCounts(), generation: 1, limit: 100)
                    if applied < 2 { try await Task.sleep(for: .milliseconds(20)) }
                }
                let after = try await Self.scrape(registry, engine)
                #expect(after.contains(#"dibao_projection_lag_events{projection="category_daily_counts"} 0.0"#))
                #expect(after.contains(#"dibao_projection_events_applied{projection="category_daily_counts"} 2.0"#))
            }
        }
    }
}
