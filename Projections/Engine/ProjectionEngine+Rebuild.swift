import DibaoStore
import Foundation
import PostgresNIO

/// How far a rebuild is, reported after every batch.
public struct RebuildProgress: Sendable {
    public var projection: String
    public var generation: Int
    public var eventsApplied: Int64
    public var eventsRemaining: Int64
    public var eventsPerSecond: Double
    /// Estimated seconds to catch up, nil until a rate is known.
    public var etaSeconds: Double?
}

extension ProjectionEngine {
    /// Builds a new generation of `projection` from position zero while the active one keeps
    /// answering queries, then switches the views to it in one transaction and drops the old one.
    /// A rebuild that was killed resumes its generation from that generation's checkpoint.
    /// Pages are read one ahead of the page being applied (`catchUp`). Returns the generation now active.
    @discardableResult
    public func rebuild(_ projection: any Projection, batchSizeMax: Int = 5_000,
                        progress: @Sendable (RebuildProgress) -> Void = { _ in }) async throws -> Int {
        guard batchSizeMax >= 1 else { throw ConfigurationError("a rebuild's batch size must be at least 1, not \(batchSizeMax)") }
        let generation = try await startOrResumeBuild(projection)
        let started = ContinuousClock.now
        var applied: Int64 = 0
        var remaining = try await store.backlog(after: checkpoint(projection, generation: generation), category: projection.category).events
        try await catchUp(projection, generation: generation, batchSizeMax: batchSizeMax) { batch in
            applied += Int64(batch)
            remaining = max(0, remaining - Int64(batch))
            let seconds = max(0.001, (ContinuousClock.now - started).seconds)
            let rate = Double(applied) / seconds
            progress(RebuildProgress(projection: projection.name, generation: generation, eventsApplied: applied, eventsRemaining: remaining,
                                     eventsPerSecond: rate, etaSeconds: rate > 0 ? Double(remaining) / rate : nil))
        }
        try await switchTo(projection, generation: generation, batchSizeMax: batchSizeMax)
        return generation
    }

    /// The generation being built: resumes one a killed rebuild left, else creates the next.
    func startOrResumeBuild(_ projection: any Projection) async throws -> Int {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query("""
                SELECT active_generation, building_generation FROM dibao.projections WHERE name = \(projection.name) FOR UPDATE
                """, logger: logger)
            var found: (Int, Int?)?
            for try await row in rows.decode((Int, Int?).self) { found = row }
            guard let (active, building) = found else { throw ConfigurationError("projection '\(projection.name)' is not registered") }
            if let building { return building }
            let generation = active + 1
            try await createGeneration(projection, ReadModelNames(projection: projection.name, generation: generation), on: connection)
            try await connection.query("""
                UPDATE dibao.projections SET building_generation = \(generation), updated_at = now() WHERE name = \(projection.name)
                """, logger: logger)
            return generation
        }
    }

    /// Points the views at `generation`, makes it active, and drops the previous generation.
    ///
    /// In one transaction, holding the projection's row and the active generation's checkpoint
    /// (so its live runner waits): the new generation is first brought level with the active
    /// one, so a query never sees the read model step back at the switch. A generation no longer
    /// being built is never switched to: another run of the same rebuild switched already (a
    /// no-op), or a newer rebuild replaced it (refused, nothing changes).
    func switchTo(_ projection: any Projection, generation: Int, batchSizeMax: Int = 5_000) async throws {
        let previous: Int? = try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query("""
                SELECT active_generation, building_generation FROM dibao.projections WHERE name = \(projection.name) FOR UPDATE
                """, logger: logger)
            var found: (Int, Int?)?
            for try await row in rows.decode((Int, Int?).self) { found = row }
            guard let (active, building) = found else { throw ConfigurationError("projection '\(projection.name)' is not registered") }
            if active == generation { return nil }
            guard building == generation else {
                throw ConfigurationError("""
                    generation \(generation) of '\(projection.name)' is no longer being built \
                    (active: \(active), building: \(building.map(String.init) ?? "none")); nothing was switched
                    """)
            }
            try await bringLevel(projection, generation: generation, with: active, batchSizeMax: batchSizeMax, on: connection)
            try await pointViews(of: projection, at: ReadModelNames(projection: projection.name, generation: generation), on: connection)
            try await connection.query("""
                UPDATE dibao.projections SET active_generation = \(generation), building_generation = NULL, updated_at = now()
                 WHERE name = \(projection.name)
                """, logger: logger)
            return active
        }
        guard previous != nil else { return }
        try await dropStaleGenerations(of: projection)
    }

    /// Inside the switch's transaction: locks the active generation's checkpoint, then applies
    /// pages to `generation` until it has passed that checkpoint. The rebuild stopped at its
    /// horizon, and the live runner may have moved the active generation past it since; every
    /// event up to the active checkpoint is committed and behind this transaction's horizon, so
    /// the loop ends.
    func bringLevel(_ projection: any Projection, generation: Int, with active: Int, batchSizeMax: Int,
                    on connection: PostgresConnection) async throws {
        let target = try await lockCheckpoint(projection, generation: active, on: connection)
        var checkpoint = try await lockCheckpoint(projection, generation: generation, on: connection)
        while checkpoint < target {
            let page = try await EventStore.readPage(on: connection, after: checkpoint, category: projection.category,
                                                     limit: batchSizeMax, columns: projection.columns, logger: logger)
            guard page.end > checkpoint else {
                throw ConfigurationError("""
                    generation \(generation) of '\(projection.name)' cannot pass \(checkpoint) to reach the active generation's \(target); \
                    nothing was switched
                    """)
            }
            try await write(page, after: checkpoint, of: projection, generation: generation, on: connection, storingEnd: true)
            checkpoint = page.end
        }
    }

    /// Drops every generation that is neither active nor being built: the one a switch replaced,
    /// and any a switch left behind when it was killed before its drop.
    func dropStaleGenerations(of projection: any Projection) async throws {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query("""
                SELECT c.generation FROM dibao.projection_checkpoints c JOIN dibao.projections p ON p.name = c.name
                 WHERE c.name = \(projection.name) AND c.generation <> p.active_generation
                   AND c.generation IS DISTINCT FROM p.building_generation
                """, logger: logger)
            var stale: [Int] = []
            for try await generation in rows.decode(Int.self) { stale.append(generation) }
            for generation in stale {
                // The checkpoint row first: a runner still applying this generation locks that row
                // before it writes the tables, so taking the row first waits for it instead of
                // meeting it in a deadlock (its next batch then finds no checkpoint, and moves on).
                try await connection.query("DELETE FROM dibao.projection_checkpoints WHERE name = \(projection.name) AND generation = \(generation)", logger: logger)
                let old = ReadModelNames(projection: projection.name, generation: generation)
                for table in projection.tables {
                    try await connection.query(PostgresQuery(unsafeSQL: "DROP TABLE IF EXISTS \(old.table(table))"), logger: logger)
                }
            }
        }
    }

    /// A generation's checkpoint.
    public func checkpoint(_ projection: any Projection, generation: Int) async throws -> GlobalCheckpoint {
        let rows = try await client.query("""
            SELECT transaction_id::text, global_position FROM dibao.projection_checkpoints
             WHERE name = \(projection.name) AND generation = \(generation)
            """, logger: logger)
        for try await (transactionId, position) in rows.decode((String, Int64).self) {
            return GlobalCheckpoint(transactionId: UInt64(transactionId) ?? 0, position: position)
        }
        throw ConfigurationError("no checkpoint for \(projection.name) generation \(generation)")
    }
}

extension Duration {
    /// The duration in seconds, as a Double (for rates, never for money).
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
