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
/// real `dibao` inside a projection batch — a rebuild halfway, and `serve` while events keep
/// arriving — restart it, and hold the read model to the log's own count: nothing lost,
/// nothing applied twice, and the checkpoint always where the read model is.
@Suite("A dibao process killed mid-work", .tags(.postgres))
struct KilledProcessTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("killed") }

    static let projection = CategoryDailyCounts()
    static let categories = ["crasha", "crashb", "crashc"]

    /// `appends` commands of `size` events each, over the three categories in turn.
    static func seed(_ store: EventStore, appends: Int, size: Int) async throws {
        for index in 0..<appends {
            let events = (0..<size).map { Fixtures.thing(Int64($0)) }
            _ = try await Fixtures.append(store, Fixtures.uniqueStream(categories[index % categories.count]), events)
        }
    }

    static func count(_ client: PostgresClient, _ query: PostgresQuery) async throws -> Int64 {
        guard let value = try await client.query(query, logger: TestLogging.logger).decode(Int64.self).first(where: { _ in true }) else {
            throw TestFailure("no row from \(query.sql)")
        }
        return value
    }

    static func eventCount(_ client: PostgresClient) async throws -> Int64 {
        try await count(client, "SELECT count(*) FROM dibao.events")
    }

    /// The sum of a generation's counts table: the events its read model holds.
    static func modelTotal(_ client: PostgresClient, generation: Int) async throws -> Int64 {
        try await count(client, PostgresQuery(unsafeSQL: "SELECT coalesce(sum(events), 0)::bigint FROM dibao.proj_category_daily_counts_g\(generation)_counts"))
    }

    /// A generation's checkpoint row: events applied, and the log's events at or before its
    /// checkpoint (those a correct batch history has applied, each once).
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

    static func applied(_ client: PostgresClient, generation: Int) async throws -> Int64 {
        try await checkpointRow(client, generation: generation)?.applied ?? 0
    }

    /// Applies `generation` in this process until it holds every event of the log. An empty
    /// batch while events remain is lag (another suite's open transaction holds the horizon).
    static func catchUp(_ engine: ProjectionEngine, generation: Int) async throws {
        let total = try await eventCount(engine.store.client)
        try await waitUntil("generation \(generation) to apply all \(total) events") {
            _ = try await engine.applyNextBatch(projection, generation: generation, limit: 5_000)
            return try await applied(engine.store.client, generation: generation) >= total
        }
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

    /// Kills `child` inside a batch of `generation`, at a known point: holds `category`'s rows
    /// of the generation's counts table locked until the child's batch waits for them — it has
    /// locked its checkpoint, read its page and begun its upsert — SIGKILLs it there, then
    /// lets go. The batch dies uncommitted with its client: the server finds the client gone
    /// as soon as the lock wait ends.
    static func killInsideBatch(_ child: DibaoProcess, client: PostgresClient, generation: Int,
                                category: String) async throws -> DibaoProcess.Ending {
        let table = "proj_category_daily_counts_g\(generation)_counts"
        return try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: TestLogging.logger)
            do {
                _ = try await connection.query(PostgresQuery(unsafeSQL: "SELECT 1 FROM dibao.\(table) WHERE category = '\(category)' FOR UPDATE"),
                                               logger: TestLogging.logger).collect()
                try await waitUntil("a batch to wait for \(category)'s rows of \(table)") {
                    try child.expectRunning()
                    let waiting = try await connection.query("""
                        SELECT count(*) FROM pg_stat_activity
                         WHERE datname = current_database() AND wait_event_type = 'Lock' AND pg_backend_pid() = ANY(pg_blocking_pids(pid))
                        """, logger: TestLogging.logger).decode(Int64.self).first { _ in true }
                    return (waiting ?? 0) >= 1
                }
                child.send(SIGKILL)
                let ending = try await child.waitForExit(within: .seconds(30))
                try await connection.query("ROLLBACK", logger: TestLogging.logger)
                return ending
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: TestLogging.logger)
                throw error
            }
        }
    }

    /// The events the last progress line of a `projections rebuild` run says it applied.
    static func lastProgressApplied(_ output: String) -> Int64? {
        output.split(separator: "\n").reversed().lazy.compactMap { line -> Int64? in
            guard let match = line.firstMatch(of: /g\d+: (\d+) applied/) else { return nil }
            return Int64(match.1)
        }.first
    }

    @Test("dibao projections rebuild, SIGKILLed halfway: the old generation keeps answering, the half-built one is consistent, and a rerun resumes it")
    func killedRebuild() async throws {
        try await withRegisteredEngine { store, engine in
            let client = store.client
            try await Self.seed(store, appends: 200, size: 100)
            // Generation 1, built in this process, is the live model. Once it has every event, all
            // of them lie behind the horizon, so no page of the rebuild below can end short early.
            try await Self.catchUp(engine, generation: 1)
            let truth = try await CategoryCountRows.log(client)
            #expect(try await CategoryCountRows.model(client) == truth)

            // Small batches make the rebuild 2,000 transactions long: kill it inside one.
            let halfway = try await DibaoProcess.run(["projections", "rebuild", Self.projection.name, "--batch-size", "10"],
                                                     database: database.owner) { first in
                try await waitUntil("the rebuild's first batches") {
                    try first.expectRunning()
                    return try await Self.applied(client, generation: 2) >= 100
                }
                let ending = try await Self.killInsideBatch(first, client: client, generation: 2, category: "crasha")
                #expect(ending == .killed(by: SIGKILL), "output:\n\(first.output)")
                return try #require(try await Self.checkpointRow(client, generation: 2))
            }

            // Generation 1 still answers, unchanged; generation 2's checkpoint and read model
            // agree with each other and with the log up to that checkpoint.
            #expect(try await engine.activeGeneration(of: Self.projection) == 1)
            #expect(try await CategoryCountRows.model(client) == truth)
            #expect(halfway.applied == halfway.covered)
            #expect(try await Self.modelTotal(client, generation: 2) == halfway.applied)
            #expect(halfway.applied > 0 && halfway.applied < 20_000, "killed halfway, not before or after: \(halfway.applied) applied")

            // Events keep arriving while no rebuild runs; the rerun resumes generation 2 and switches.
            try await Self.seed(store, appends: 30, size: 10)
            try await Self.catchUp(engine, generation: 1)
            let total = try await Self.eventCount(client)
            #expect(total == 20_300)
            try await DibaoProcess.run(["projections", "rebuild", Self.projection.name, "--batch-size", "500"], database: database.owner) { second in
                #expect(try await second.waitForExit(within: .seconds(300)) == .success, "output:\n\(second.output)")
                #expect(second.output.contains("category_daily_counts: generation 2 is now active"), "output:\n\(second.output)")
                let applied = try #require(Self.lastProgressApplied(second.output), "the rebuild prints its progress; output:\n\(second.output)")
                #expect(applied > 0 && applied <= total - halfway.applied, "resumed from its checkpoint, not from zero: \(applied) applied")
                #expect(second.output.contains("events/s, ETA"))
            }
            #expect(try await engine.activeGeneration(of: Self.projection) == 2)

            // A rebuild switches once it reaches the horizon; events behind a transaction still
            // open elsewhere in the cluster (another suite's) are the live runner's, applied here.
            try await Self.catchUp(engine, generation: 2)
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
            defer { stop.value = true }
            let writer = Task {
                var index = 0
                while !stop.value {
                    _ = try await Fixtures.append(store, Fixtures.uniqueStream(Self.categories[index % Self.categories.count]),
                                                  (0..<(1 + index % 20)).map { Fixtures.thing(Int64($0)) })
                    index += 1
                }
            }

            for round in 1...2 {
                let before = try await Self.applied(client, generation: 1)
                try await DibaoProcess.run(["serve"], database: database.owner, environment: ["DIBAO_HTTP_PORT": "\(try freePort())"]) { serve in
                    try await waitUntil("serve (round \(round)) to apply 3,000 events") {
                        try serve.expectRunning()
                        return try await Self.applied(client, generation: 1) >= before + 3_000
                    }
                    let ending = try await Self.killInsideBatch(serve, client: client, generation: 1, category: "crashc")
                    #expect(ending == .killed(by: SIGKILL), "round \(round); output:\n\(serve.output)")
                }
                let row = try #require(try await Self.checkpointRow(client, generation: 1))
                #expect(row.applied == row.covered, "round \(round): the checkpoint is where the read model is")
                #expect(try await Self.modelTotal(client, generation: 1) == row.applied, "round \(round)")
            }
            stop.value = true
            try await writer.value

            // The third start catches up with every event, then stops on SIGTERM.
            let total = try await Self.eventCount(client)
            try await DibaoProcess.run(["serve"], database: database.owner, environment: ["DIBAO_HTTP_PORT": "\(try freePort())"]) { serve in
                try await waitUntil("serve to catch up", within: .seconds(120)) {
                    try serve.expectRunning()
                    return try await Self.applied(client, generation: 1) >= total
                }
                serve.send(SIGTERM)
                #expect(try await serve.waitForExit(within: .seconds(60)) == .success, "output:\n\(serve.output)")
            }

            let row = try #require(try await Self.checkpointRow(client, generation: 1))
            #expect(row.applied == total && row.covered == total, "each event applied exactly once")
            #expect(try await CategoryCountRows.model(client) == CategoryCountRows.log(client))
        }
    }
}
