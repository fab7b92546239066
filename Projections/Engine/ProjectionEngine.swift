import DibaoStore
import Foundation
import Logging
import Metrics
import PostgresNIO

/// Runs projections against the log: registers them, applies batches with their checkpoint in
/// the same transaction, follows the log live, reports status and rebuilds without downtime.
public final class ProjectionEngine: Sendable {
    public let store: EventStore
    public let projections: [any Projection]
    let logger: Logger
    /// Events per batch during live runs.
    public let batchSizeMax: Int

    public init(store: EventStore, projections: [any Projection], batchSizeMax: Int = 1_000, logger: Logger) {
        precondition(Set(projections.map(\.name)).count == projections.count, "projection names must be unique")
        self.store = store
        self.projections = projections
        self.batchSizeMax = batchSizeMax
        self.logger = logger
    }

    var client: PostgresClient { store.client }

    public func projection(named name: String) throws -> any Projection {
        guard let projection = projections.first(where: { $0.name == name }) else {
            throw ConfigurationError("unknown projection '\(name)'; known: \(projections.map(\.name).joined(separator: ", "))")
        }
        return projection
    }

    /// Makes sure every projection has a registry row, a first generation and its views, and
    /// drops generations a killed switch left behind.
    public func register() async throws {
        for projection in projections {
            try await client.transaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("dibao.projection." + projection.name)))", logger: logger)
                let exists = try await connection.query("SELECT 1 FROM dibao.projections WHERE name = \(projection.name)", logger: logger)
                    .decode(Int.self).first { _ in true } != nil
                guard !exists else { return }
                let names = ReadModelNames(projection: projection.name, generation: 1)
                try await createGeneration(projection, names, on: connection)
                try await connection.query("INSERT INTO dibao.projections (name, active_generation) VALUES (\(projection.name), 1)", logger: logger)
                try await pointViews(of: projection, at: names, on: connection)
            }
            try await dropStaleGenerations(of: projection)
        }
    }

    func createGeneration(_ projection: any Projection, _ names: ReadModelNames, on connection: PostgresConnection) async throws {
        try await projection.createTables(names, on: connection, logger: logger)
        for table in projection.tables {
            try await connection.query(PostgresQuery(unsafeSQL: "GRANT SELECT ON \(names.table(table)) TO dibao_auditor"), logger: logger)
        }
        try await connection.query(
            "INSERT INTO dibao.projection_checkpoints (name, generation) VALUES (\(projection.name), \(names.generation))", logger: logger)
    }

    /// Replaces the projection's views so they read `names`' generation (inside the caller's transaction).
    func pointViews(of projection: any Projection, at names: ReadModelNames, on connection: PostgresConnection) async throws {
        for table in projection.tables {
            try await connection.query(PostgresQuery(unsafeSQL: "DROP VIEW IF EXISTS \(names.view(table))"), logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE VIEW \(names.view(table)) AS SELECT * FROM \(names.table(table))"), logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: "GRANT SELECT ON \(names.view(table)) TO dibao_auditor"), logger: logger)
        }
    }

    /// The generation queries currently read.
    public func activeGeneration(of projection: any Projection) async throws -> Int {
        let rows = try await client.query("SELECT active_generation FROM dibao.projections WHERE name = \(projection.name)", logger: logger)
        for try await generation in rows.decode(Int.self) { return generation }
        throw ConfigurationError("projection '\(projection.name)' is not registered")
    }

    /// Applies the next batch (at most `limit` events) to one generation, moving its checkpoint in
    /// the same transaction. Returns how many events were applied.
    @discardableResult
    public func applyNextBatch(_ projection: any Projection, generation: Int, limit: Int) async throws -> Int {
        try await applyBatch(projection, generation: generation, limit: limit).applied
    }

    /// `applyNextBatch`, reading from `hint` when it lies past the stored checkpoint: the end of
    /// this runner's previous page of the same generation, which passed only transactions that
    /// hold nothing for the projection (an empty page's end is stored only now and then, see
    /// `write`). Returns the events applied and the page's end, the next hint.
    func applyBatch(_ projection: any Projection, generation: Int, limit: Int,
                    after hint: GlobalCheckpoint? = nil) async throws -> (applied: Int, end: GlobalCheckpoint) {
        do {
            return try await client.transaction(logger: logger) { connection in
                let checkpoint = try await lockCheckpoint(projection, generation: generation, on: connection)
                let page = try await EventStore.readPage(on: connection, after: max(checkpoint, hint ?? checkpoint), category: projection.category,
                                                         limit: limit, columns: projection.columns, logger: logger)
                try await write(page, after: checkpoint, of: projection, generation: generation, on: connection)
                return (page.events.count, page.end)
            }
        } catch {
            await recordError(error, projection: projection, generation: generation)
            throw error
        }
    }

    /// Reads a generation's checkpoint and locks its row until the transaction ends, so everyone
    /// applying the same generation takes turns and each starts where the previous one stopped.
    func lockCheckpoint(_ projection: any Projection, generation: Int, on connection: PostgresConnection) async throws -> GlobalCheckpoint {
        let rows = try await connection.query("""
            SELECT transaction_id::text, global_position FROM dibao.projection_checkpoints
             WHERE name = \(projection.name) AND generation = \(generation) FOR UPDATE
            """, logger: logger)
        for try await (transactionId, position) in rows.decode((String, Int64).self) {
            return GlobalCheckpoint(transactionId: UInt64(transactionId) ?? 0, position: position)
        }
        throw ConfigurationError("no checkpoint for \(projection.name) generation \(generation)")
    }

    /// Applies `page`, which follows the locked `checkpoint`, and moves the checkpoint to the
    /// page's end, inside the caller's transaction. An empty page applies nothing, so an error
    /// recorded earlier is over and is cleared (lag stays visible); its end is stored only once it
    /// lies `storedSkipTransactions` transactions past the checkpoint: often enough that a
    /// restarted runner does not scan far, seldom enough that an idle projection does not write a
    /// row version and its WAL on every poll (each batch's row lock takes a transaction id, so an
    /// idle projection's horizon moves by one per poll, and its end is stored every 1,000 polls).
    /// `storingEnd` stores an empty page's end whatever its distance (a switch levelling two generations).
    func write(_ page: GlobalPage, after checkpoint: GlobalCheckpoint, of projection: any Projection, generation: Int,
               on connection: PostgresConnection, storingEnd: Bool = false) async throws {
        guard !page.events.isEmpty else {
            let moves = storingEnd ? page.end > checkpoint : page.end.transactionId >= checkpoint.transactionId + Self.storedSkipTransactions
            let stored = moves ? page.end : checkpoint
            try await connection.query("""
                UPDATE dibao.projection_checkpoints
                   SET transaction_id = \(String(stored.transactionId))::xid8, global_position = \(stored.position),
                       last_error = NULL, last_error_at = NULL, updated_at = CASE WHEN \(moves) THEN now() ELSE updated_at END
                 WHERE name = \(projection.name) AND generation = \(generation) AND (\(moves) OR last_error IS NOT NULL)
                """, logger: logger)
            return
        }
        try await projection.apply(page.events, to: ReadModelNames(projection: projection.name, generation: generation), on: connection, logger: logger)
        try await connection.query("""
            UPDATE dibao.projection_checkpoints
               SET transaction_id = \(String(page.end.transactionId))::xid8, global_position = \(page.end.position),
                   events_applied = events_applied + \(page.events.count), last_error = NULL, last_error_at = NULL, updated_at = now()
             WHERE name = \(projection.name) AND generation = \(generation)
            """, logger: logger)
    }

    /// How far past its stored checkpoint an empty page's end must lie to be stored.
    static let storedSkipTransactions: UInt64 = 1_000

    /// Records a failed batch (counter, log, `last_error`). A batch cut short because its task
    /// was cancelled (the service shutting down) did not fail, and is not recorded.
    func recordError(_ error: any Error, projection: any Projection, generation: Int) async {
        guard !Task.isCancelled else { return }
        Counter(label: "dibao_projection_errors_total", dimensions: [("projection", projection.name)]).increment()
        logger.error("projection batch failed", metadata: ["projection": "\(projection.name)", "error": "\(String(reflecting: error))"])
        let summary = (error as? PSQLError).map { "database error \($0.sqlState ?? "?"): \($0.serverMessage ?? "\($0.code)")" } ?? "\(error)"
        _ = try? await client.query("""
            UPDATE dibao.projection_checkpoints SET last_error = \(summary), last_error_at = now()
             WHERE name = \(projection.name) AND generation = \(generation)
            """, logger: logger)
    }

    /// Catches every projection up, then follows the log live until cancelled. A failing
    /// projection is retried with back-off; the others keep running.
    public func runLive(pollInterval: Duration = .milliseconds(500)) async {
        await withTaskGroup(of: Void.self) { group in
            for projection in projections {
                group.addTask { await self.follow(projection, pollInterval: pollInterval) }
            }
            await group.waitForAll()
        }
    }

    private func follow(_ projection: any Projection, pollInterval: Duration) async {
        var backoffSeconds = 1
        // Where this runner's last page of a generation ended (`applyBatch`).
        var hint: (generation: Int, end: GlobalCheckpoint)?
        var retry = HeldBackRetry(pollInterval: pollInterval)
        while !Task.isCancelled {
            do {
                let wakeUpGeneration = store.wakeUps.generation
                let generation = try await activeGeneration(of: projection)
                let (applied, end) = try await applyBatch(projection, generation: generation, limit: batchSizeMax,
                                                          after: hint?.generation == generation ? hint?.end : nil)
                hint = (generation, end)
                backoffSeconds = 1
                if applied < batchSizeMax {
                    retry.caughtUp(heldBack: try await store.hasBacklog(after: end, category: projection.category))
                    await store.wakeUps.wait(timeout: retry.timeout, since: wakeUpGeneration)
                } else {
                    retry.reset()
                }
            } catch {
                if Task.isCancelled { return }
                hint = nil  // start again from what is stored (a failure may be a server that went back in time)
                try? await Task.sleep(for: .seconds(backoffSeconds))
                backoffSeconds = min(backoffSeconds * 2, 30)
            }
        }
    }
}
