import Metrics
import Prometheus

/// Where `GET /metrics` gets its figures: one Prometheus registry that every swift-metrics
/// counter and gauge of the process reports into (the store's append counters, the projection
/// gauges and errors).
public enum OperationsMetrics {
    /// Makes the registry and routes the process's metrics into it. swift-metrics allows this
    /// once per process (a second call traps), so `serve` calls it once, first.
    public static func bootstrap() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }
}
