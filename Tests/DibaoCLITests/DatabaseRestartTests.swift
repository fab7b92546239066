import DibaoEvents
import DibaoPostgresLauncher
import DibaoProjections
import DibaoStore
import DibaoTestSupport
import Foundation
import PostgresNIO
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// PostgreSQL restarts under a running `serve`: `/ready` turns 503 within seconds, comes back
/// to 200 on its own once the server is back, and the projections go on from their
/// checkpoints — the events appended before and after are each applied once.
@Suite("dibao serve across a PostgreSQL restart", .tags(.postgres))
struct DatabaseRestartTests {
    @Test("The server stops and starts again under serve: /ready 503, then 200 again, and the projection has every event once", .timeLimit(.minutes(5)))
    func restartUnderServe() async throws {
        // A cluster of its own, so that stopping it disturbs no other suite.
        let home = "/tmp/dibao-restart-\(UUID().uuidString.prefix(8))"
        let launcher = PostgresLauncher(home: home, settings: ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"])
        try await offPool { try launcher.start() }
        defer {
            try? launcher.stop()
            try? FileManager.default.removeItem(atPath: home)
        }
        let owner = DatabaseConfiguration(endpoint: .unixSocket(directory: launcher.socketDirectory, port: launcher.port),
                                          username: PostgresLauncher.superuser, database: "postgres")
        let app = owner.asRole("dibao_app", password: nil)
        let port = try freePort()

        try await DibaoProcess.run(["serve"], database: owner, environment: ["DIBAO_HTTP_PORT": "\(port)"]) { serve in
            try await waitUntil("serve to be ready", every: .milliseconds(100)) {
                try serve.expectRunning()
                return try await httpGet(port: port, path: "/ready")?.status == 200
            }
            try await Self.appendAndAwait(app, appends: 20, expectedTotal: 200, serve: serve)

            // Down: /ready answers 503 at once (each check has 2 s), not after the pool gives up.
            try await offPool { try launcher.stop() }
            let asked = ContinuousClock.now
            let down = try await httpGet(port: port, path: "/ready", timeoutSeconds: 30)
            let waited = ContinuousClock.now - asked
            #expect(down?.status == 503 && down?.body.contains("\"status\":\"not ready\"") == true, "\(String(describing: down))")
            #expect(waited < .seconds(10), "/ready answered after \(waited)")

            try await offPool { try launcher.start() }
            try await waitUntil("/ready to pass again after the restart", within: .seconds(180), every: .milliseconds(250)) {
                try serve.expectRunning()
                return try await httpGet(port: port, path: "/ready")?.status == 200
            }
            try await Self.appendAndAwait(app, appends: 20, expectedTotal: 400, serve: serve)

            serve.send(SIGTERM)
            let ending = try await serve.waitForExit(within: .seconds(60))
            #expect(ending == .success, "output:\n\(serve.output)")
        }
    }

    /// Appends `appends` commands of 10 events on a fresh client, then waits for serve's
    /// `category_daily_counts` to have applied `expectedTotal` events, each once.
    static func appendAndAwait(_ app: DatabaseConfiguration, appends: Int, expectedTotal: Int64, serve: DibaoProcess) async throws {
        try await withRunningClient(app) { client in
            let store = EventStore(client: client, catalogue: TestCatalogue.make(), logger: TestLogging.logger)
            for _ in 0..<appends {
                _ = try await Fixtures.append(store, Fixtures.uniqueStream("restart"), (0..<10).map { Fixtures.thing(Int64($0)) })
            }
            try await waitUntil("serve's projection to apply \(expectedTotal) events", within: .seconds(120)) {
                try serve.expectRunning()
                let applied = try await client.query("""
                    SELECT c.events_applied FROM dibao.projection_checkpoints c JOIN dibao.projections p
                        ON p.name = c.name AND p.active_generation = c.generation
                     WHERE c.name = 'category_daily_counts'
                    """, logger: TestLogging.logger).decode(Int64.self).first { _ in true }
                return applied == expectedTotal
            }
            #expect(try await CategoryCountRows.model(client) == CategoryCountRows.log(client))
        }
    }
}
