import DibaoStore
import Foundation
import Metrics
import PostgresNIO

/// Where a projection stands: what `dibao projections status` prints and /metrics exports.
public struct ProjectionStatus: Sendable, Codable, Equatable {
    public var name: String
    public var activeGeneration: Int
    public var buildingGeneration: Int?
    /// `transaction_id/global_position` of the last event applied, or `horizon/0`: past every
    /// transaction before the horizon of a page that ended short (docs/internals/reading.md).
    public var checkpoint: String
    public var eventsApplied: Int64
    public var lagEvents: Int64
    public var lagSeconds: Double
    public var lastError: String?

    public init(name: String, activeGeneration: Int, buildingGeneration: Int?, checkpoint: String, eventsApplied: Int64,
                lagEvents: Int64, lagSeconds: Double, lastError: String?) {
        self.name = name
        self.activeGeneration = activeGeneration
        self.buildingGeneration = buildingGeneration
        self.checkpoint = checkpoint
        self.eventsApplied = eventsApplied
        self.lagEvents = lagEvents
        self.lagSeconds = lagSeconds
        self.lastError = lastError
    }
}

extension ProjectionEngine {
    /// The status of every projection (of its active generation).
    public func statuses() async throws -> [ProjectionStatus] {
        var statuses: [ProjectionStatus] = []
        for projection in projections {
            if let status = try await status(of: projection) { statuses.append(status) }
        }
        return statuses
    }

    /// The status of one projection's active generation; nil before it is registered.
    public func status(of projection: any Projection) async throws -> ProjectionStatus? {
        let rows = try await client.query("""
            SELECT p.active_generation, p.building_generation, c.transaction_id::text, c.global_position, c.events_applied, c.last_error
              FROM dibao.projections p JOIN dibao.projection_checkpoints c ON c.name = p.name AND c.generation = p.active_generation
             WHERE p.name = \(projection.name)
            """, logger: logger)
        for try await (active, building, transactionId, position, applied, lastError) in rows.decode((Int, Int?, String, Int64, Int64, String?).self) {
            let checkpoint = GlobalCheckpoint(transactionId: UInt64(transactionId) ?? 0, position: position)
            let backlog = try await store.backlog(after: checkpoint, category: projection.category)
            let lagSeconds = backlog.oldestAgeSeconds ?? 0
            return ProjectionStatus(name: projection.name, activeGeneration: active, buildingGeneration: building,
                                    checkpoint: checkpoint.description, eventsApplied: applied, lagEvents: backlog.events,
                                    lagSeconds: lagSeconds, lastError: lastError)
        }
        return nil
    }

    /// The projections whose active generation's last batch failed, with that error, in one
    /// query (no lag counts): cheap enough for every readiness probe.
    public func failing() async throws -> [(projection: String, lastError: String)] {
        let rows = try await client.query("""
            SELECT p.name, c.last_error
              FROM dibao.projections p JOIN dibao.projection_checkpoints c ON c.name = p.name AND c.generation = p.active_generation
             WHERE c.last_error IS NOT NULL AND p.name = ANY(\(projections.map(\.name)))
             ORDER BY p.name
            """, logger: logger)
        var failing: [(projection: String, lastError: String)] = []
        for try await (name, lastError) in rows.decode((String, String).self) { failing.append((name, lastError)) }
        return failing
    }

    /// Publishes the statuses as gauges (`dibao_projection_lag_events{projection=…}` and friends).
    public func publishMetrics() async throws -> [ProjectionStatus] {
        let statuses = try await statuses()
        for status in statuses {
            let dimensions = [("projection", status.name)]
            Gauge(label: "dibao_projection_lag_events", dimensions: dimensions).record(status.lagEvents)
            Gauge(label: "dibao_projection_lag_seconds", dimensions: dimensions).record(status.lagSeconds)
            Gauge(label: "dibao_projection_events_applied", dimensions: dimensions).record(status.eventsApplied)
            Gauge(label: "dibao_projection_failing", dimensions: dimensions).record(status.lastError == nil ? 0 : 1)
        }
        return statuses
    }
}
