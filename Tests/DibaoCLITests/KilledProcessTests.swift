import DibaoEvents
import DibaoProjections
import DibaoStore
import DibaoTestSupport
import Foundation
import PostgresNIO
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A crash is a process that dies with its connections mid-transaction. These tests SIGKILL a
/// real `dibao` — a rebuild halfway, and `serve` while events keep arriving — restart it, and
/// hold the read model to the log's own count: nothing lost, nothing applied twice, and the
/// checkpoint always where the read model is.
@Suite("A dibao process killed mid-work", .tags(.postgres))
struct KilledProcessTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("killed") }

    static let projection = CategoryDailyCounts()
    static let categories = ["crasha", "crashb", "crashc"]

    /// `appends` commands of `size` events each, over the three categories; returns the events written.
    @discardableResult
    static func seed(_ store: EventStore, appends: Int, size: Int) async throws -> Int {
        for index in 0..<appends {
            let events = (0..<size).map { Fixtures.thing(Int64($0)) }
            _ = try await Fixtures.append(store, Fixtures.uniqueStream(categories[index % categories.count]), events)
        }
        return appends * size
    }

    static func eventCount(_ client: PostgresClient) async throws -> Int64 {
        try await client.query("SELECT count(*) FROM dibao.events", logger: TestLogging.logger).decode(Int64.self).first { _ in true } ?? 0
    }

    /// A generation's checkpoint row: events applied, and the events of the log at or before its
    /// checkpoint (the rows a correct batch history has applied, exactly once each).
    static func checkpointRow(_ client: PostgresClient, generation: Int) async throws -> (applied: Int64, covered: Int64)? {
        let rows = try await client.query("""
            SELECT c.events_applied,
                   (SELECT count(*) FROM dibao.events e WHERE (e.transaction_id, e.global_position) <= (c.transaction_id, c.global_position))
              FROM dibao.projection_checkpoints c
             WHERE c.name = \(projection.name) AND c.generation = \(generation)
            """, logger: TestLogging.logger)
        for try await (applied, covered) in rows.decode((Int64, Int64).self) { return (applied, covered) }
        return nil
    }

    /// The sum of a generation's counts table: what its read model holds.
    static func modelTotal(_ client: PostgresClient, generation: Int) async throws -> Int64 {
        try await client.query(PostgresQuery(unsafeSQL: "SELECT coalesce(sum(events), 0)::bigint FROM dibao.proj_category_daily_counts_g\(generation)_counts"),
                               logger: TestLogging.logger).decode(Int64.self).first { _ in true } ?? -1
    }

    /// A store on the suite's database, and an engine of `projection` alone, registered (its
    /// generation 1 exists; a child `dibao` registers the rest of the catalogue).
    func withRegisteredEngine(_ body: @Sendable (EventStore, ProjectionEngine) async throws -> Void) async throws {
        try await withStore(database) { store in
            let engine = ProjectionEngine(store: store, projections: [Self.projection], logger: TestLogging.logger)
            try await engine.register()
            try await body(store, engine)
        }
    }

    /// Polls `condition` every 5 ms for at most `limit`.
    static func waitFor(_ what: String, within limit: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw DibaoProcessError("timed out waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Kills `process` inside a batch of `generation`, at a known point: holds `category`'s rows
    /// of the generation's counts table locked until the process's batch waits for them — it has
    /// locked its checkpoint, read its page and begun its upsert (rows of categories sorted
    /// before `category` are already written) — SIGKILLs it there, then lets go. The batch's transaction dies uncommitted with its client (the
    /// server finds the client gone as soon as the lock wait ends).
    static func killInsideBatch(_ process: DibaoProcess, client: PostgresClient, generation: Int,
                                category: String) async throws -> (status: Int32, reason: Process.TerminationReason) {
        let table = "proj_category_daily_counts_g\(generation)_counts"
        return try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: TestLogging.logger)
            do {
                _ = try await connection.query(PostgresQuery(unsafeSQL: "SELECT 1 FROM dibao.\(table) WHERE category = '\(category)' FOR UPDATE"),
                                               logger: TestLogging.logger).collect()
                try await waitFor("a batch to wait for \(category)'s rows of \(table)") {
                    try await connection.query(PostgresQuery(unsafeSQL: """
                        SELECT count(*) FROM pg_stat_activity
                         WHERE datname = current_database() AND pg_backend_pid() = ANY(pg_blocking_pids(pid))
                        """), logger: TestLogging.logger).decode(Int64.self).first { _ in true } == 1
                }
                process.send(SIGKILL)
                let ended = try await process.exit(within: .seconds(30))
                try await connection.query("ROLLBACK", logger: TestLogging.logger)
                return ended
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: TestLogging.logger)
                throw error
            }
        }
    }

    @Test("dibao projections rebuild, SIGKILLed halfway: the old generation keeps answering, the half-built one is consistent, and a rerun finishes it equal to the log")
    func killedRebuild() async throws {
        try await withRegisteredEngine { store, engine in
            let client = store.client
            try await Self.seed(store, appends: 200, size: 100)
            // Generation 1, built in this process, is the live model.
            while try await engine.applyNextBatch(Self.projection, generation: 1, limit: 5_000) > 0 {}
            let truth = try await CategoryCountRows.log(client)
            #expect(try await CategoryCountRows.model(client) == truth)

            // Small batches make the rebuild thousands of transactions long: kill it inside one.
            let first = try DibaoProcess.start(["projections", "rebuild", Self.projection.name, "--batch-size", "10"], database: database.owner)
            try await Self.waitFor("the rebuild's first batches") {
                guard let row = try await Self.checkpointRow(client, generation: 2) else { return false }
                return row.applied >= 100
            }
            let killed = try await Self.killInsideBatch(first, client: client, generation: 2, category: "crasha")
            #expect(killed.reason == .uncaughtSignal && killed.status == SIGKILL, "output:\n\(first.output)")

            // Killed halfway: generation 1 still answers, unchanged; generation 2's checkpoint and
            // read model agree with each other and with the log up to that checkpoint.
            #expect(try await engine.activeGeneration(of: Self.projection) == 1)
            #expect(try await CategoryCountRows.model(client) == truth)
            let halfway = try #require(try await Self.checkpointRow(client, generation: 2))
            #expect(halfway.applied == halfway.covered)
            #expect(try await Self.modelTotal(client, generation: 2) == halfway.applied)
            #expect(halfway.applied > 0 && halfway.applied < 20_000, "killed halfway, not before or after: \(halfway.applied) applied")

            // Events keep arriving while no rebuild runs; the rerun resumes generation 2 and switches.
            try await Self.seed(store, appends: 30, size: 10)
            while try await engine.applyNextBatch(Self.projection, generation: 1, limit: 5_000) > 0 {}
            let second = try DibaoProcess.start(["projections", "rebuild", Self.projection.name, "--batch-size", "500"], database: database.owner)
            let finished = try await second.exit(within: .seconds(300))
            #expect(finished.reason == .exit && finished.status == 0, "output:\n\(second.output)")
            #expect(second.output.contains("category_daily_counts: generation 2 is now active"), "output:\n\(second.output)")
            #expect(second.output.contains("events/s, ETA"), "the rebuild prints its progress; output:\n\(second.output)")

            #expect(try await engine.activeGeneration(of: Self.projection) == 2)
            let total = try await Self.eventCount(client)
            #expect(total == 20_300)
            // A rebuild switches once it reaches the horizon; events behind a transaction still
            // open elsewhere in the cluster (another suite's) are the live runner's to apply.
            try await Self.waitFor("generation 2 to have every event") {
                _ = try await engine.applyNextBatch(Self.projection, generation: 2, limit: 5_000)
                return try await Self.checkpointRow(client, generation: 2)?.applied ?? 0 >= total
            }
            #expect(try await CategoryCountRows.model(client) == CategoryCountRows.log(client))
            let done = try #require(try await Self.checkpointRow(client, generation: 2))
            #expect(done.applied == total, "each event applied once across the kill")
        }
    }

    @Test("dibao serve, SIGKILLed twice while events arrive, then restarted: its projection equals the log, each event applied once; SIGTERM then ends it cleanly")
    func killedServe() async throws {
        try await withRegisteredEngine { store, _ in
            let client = store.client
            // A backlog, so that each serve is killed while it catches up in batches of 1,000.
            try await Self.seed(store, appends: 300, size: 100)

            // A writer appends commands of 1 to 20 events until told to stop.
            let stop = Shared(false)
            let writer = Task {
                var written = 0
                var index = 0
                while !stop.value {
                    let size = 1 + index % 20
                    _ = try await Fixtures.append(store, Fixtures.uniqueStream(Self.categories[index % Self.categories.count]),
                                                  (0..<size).map { Fixtures.thing(Int64($0)) })
                    written += size
                    index += 1
                }
                return written
            }

            for round in 1...2 {
                let before = try await Self.checkpointRow(client, generation: 1)?.applied ?? 0
                let serve = try DibaoProcess.start(["serve"], database: database.owner, environment: ["DIBAO_HTTP_PORT": "\(try freePort())"])
                try await Self.waitFor("serve (round \(round)) to apply events") {
                    (try await Self.checkpointRow(client, generation: 1)?.applied ?? 0) >= before + 3_000
                }
                let killed = try await Self.killInsideBatch(serve, client: client, generation: 1, category: "crashc")
                #expect(killed.reason == .uncaughtSignal, "round \(round); output:\n\(serve.output)")
                let row = try #require(try await Self.checkpointRow(client, generation: 1))
                #expect(row.applied == row.covered, "round \(round): the checkpoint is where the read model is")
                #expect(try await Self.modelTotal(client, generation: 1) == row.applied, "round \(round)")
            }
            stop.value = true
            _ = try await writer.value

            // The third start catches up with every event, then stops on SIGTERM.
            let serve = try DibaoProcess.start(["serve"], database: database.owner, environment: ["DIBAO_HTTP_PORT": "\(try freePort())"])
            let total = try await Self.eventCount(client)
            try await Self.waitFor("serve to catch up", within: .seconds(120)) {
                (try await Self.checkpointRow(client, generation: 1)?.applied ?? 0) >= total
            }
            serve.send(SIGTERM)
            let stopped = try await serve.exit(within: .seconds(60))
            #expect(stopped.reason == .exit && stopped.status == 0, "output:\n\(serve.output)")

            let row = try #require(try await Self.checkpointRow(client, generation: 1))
            #expect(row.applied == total && row.covered == total, "each event applied exactly once")
            #expect(try await CategoryCountRows.model(client) == CategoryCountRows.log(client))
        }
    }
}
