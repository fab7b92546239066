import DibaoHTTP
import DibaoTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

/// The operations endpoints on a real Hummingbird application (no network mock: the testing
/// framework drives the router).
@Suite("Operations endpoints")
struct OperationsRoutesTests {
    static func routes(failing: String? = nil) -> OperationsRoutes {
        let registry = PrometheusCollectorRegistry()
        registry.makeCounter(name: "dibao_appends_total").increment(by: 3 as Int64)
        return OperationsRoutes(
            readiness: ReadinessProbe(checks: [("database", { nil }), ("projections", { failing })]),
            registry: registry, beforeScrape: {})
    }

    @Test("GET /health answers 200 while the process runs")
    func health() async throws {
        let app = Application(router: DibaoApplication.router(operations: Self.routes()))
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"ok\""))
            }
        }
    }

    @Test("GET /ready is 503 naming the failing check, 200 when all pass")
    func ready() async throws {
        let failing = Application(router: DibaoApplication.router(operations: Self.routes(failing: "projections are not running")))
        try await failing.test(.router) { client in
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("projections are not running"))
            }
        }
        let passing = Application(router: DibaoApplication.router(operations: Self.routes()))
        try await passing.test(.router) { client in
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("GET /ready answers 503 within its time limit while a check hangs, naming the check", .timeLimit(.minutes(1)))
    func readyWhileACheckHangs() async throws {
        // A check that does not answer for an hour, as a pool query does while PostgreSQL is
        // down and the pool keeps trying to connect. It counts how often it is started.
        let started = Shared(0)
        let hanging: ReadinessProbe.Check = {
            started.withLock { $0 += 1 }
            try? await Task.sleep(for: .seconds(3_600))
            return nil
        }
        let probe = ReadinessProbe(checks: [("database", hanging), ("migrations", { nil })], timeLimit: .milliseconds(200))
        let app = Application(router: DibaoApplication.router(operations: OperationsRoutes(readiness: probe, registry: PrometheusCollectorRegistry(), beforeScrape: {})))
        try await app.test(.router) { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/ready", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    let body = String(buffer: response.body)
                    #expect(body.contains("\"database\":\"no answer within 0.2 seconds\""), "\(body)")
                    #expect(body.contains("\"migrations\":\"ok\""), "\(body)")
                }
            }
        }
        #expect(started.value == 1, "three probes share the one check still running, instead of starting three")
    }

    @Test("GET /metrics serves Prometheus text")
    func metrics() async throws {
        let app = Application(router: DibaoApplication.router(operations: Self.routes()))
        try await app.test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("dibao_appends_total 3"))
            }
        }
    }
}
