import Foundation
import Hummingbird
import Prometheus

/// `GET /health` (the process answers), `GET /ready` (it can do its job) and `GET /metrics`
/// (Prometheus text: appends, conflicts, idempotent replays, projection lag).
public struct OperationsRoutes: Sendable {
    public let readiness: ReadinessProbe
    public let registry: PrometheusCollectorRegistry
    /// Refreshes gauges computed on demand (projection lag) before each scrape.
    public let beforeScrape: @Sendable () async -> Void

    public init(readiness: ReadinessProbe, registry: PrometheusCollectorRegistry, beforeScrape: @escaping @Sendable () async -> Void) {
        self.readiness = readiness
        self.registry = registry
        self.beforeScrape = beforeScrape
    }

    public func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("/health") { _, _ in
            Self.json(["status": "ok"], status: .ok)
        }
        router.get("/ready") { _, _ in
            let (ready, report) = await readiness.evaluate()
            return Self.json(report.merging(["status": ready ? "ready" : "not ready"]) { $1 }, status: ready ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            await beforeScrape()
            var output: [UInt8] = []
            registry.emit(into: &output)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: output)))
        }
    }

    static func json(_ object: [String: String], status: HTTPResponse.Status) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
