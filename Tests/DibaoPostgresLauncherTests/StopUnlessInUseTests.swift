import DibaoPostgresLauncher
import DibaoStore
import DibaoTestSupport
import Foundation
import PostgresNIO
import Testing

/// The process that started the embedded cluster stops it when it ends, unless another client
/// (a `serve` started meanwhile) is connected: checked on a scratch cluster of its own.
@Suite("Stopping the embedded cluster only when nobody uses it", .tags(.postgres))
struct StopUnlessInUseTests {
    @Test("A connected client keeps the cluster running; once it has gone the cluster is stopped")
    func leftRunningWhileInUse() async throws {
        let home = "/tmp/dibao-scratch-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let launcher = PostgresLauncher(home: home, settings: ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"])
        try await offPool { try launcher.start() }
        defer {
            try? launcher.stop()
            try? FileManager.default.removeItem(atPath: home)
        }
        // One plain connection, closed explicitly: a pool may keep or open connections on its own.
        let connection = try await PostgresConnection.connect(
            configuration: .init(unixSocketPath: launcher.socketDirectory + "/.s.PGSQL.\(launcher.port)", username: PostgresLauncher.superuser,
                                 password: nil, database: "postgres"),
            id: 1, logger: TestLogging.logger)
        try await connection.query("SELECT 1", logger: TestLogging.logger)
        #expect(try await offPool { try launcher.stopUnlessInUse(settle: .milliseconds(300)) } == .leftRunning(otherSessions: 1))
        #expect(launcher.isRunning)
        try await connection.query("SELECT 1", logger: TestLogging.logger)
        try await connection.close()
        // The client's session ends a moment after it shuts down: on a machine busy with the rest
        // of the suite, allow it more than the default settle.
        let outcome = try await offPool { try launcher.stopUnlessInUse(settle: .seconds(15)) }
        #expect(outcome == .stopped, "the check's own session does not count")
        #expect(!launcher.isRunning)
        #expect(try await offPool { try launcher.stopUnlessInUse() } == .notRunning)
    }
}
