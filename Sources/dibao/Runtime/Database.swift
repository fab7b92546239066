import DibaoPostgresLauncher
import DibaoStore
import Foundation
import Logging
import PostgresNIO

/// The server the command works on: the one in DIBAO_DATABASE_URL, or the embedded cluster
/// under $DIBAO_HOME/pg (started if needed, and stopped again by whoever started it).
struct Database: Sendable {
    /// The owner role: runs migrations.
    let owner: DatabaseConfiguration
    /// The role the service works as.
    let app: DatabaseConfiguration
    /// Set when this process stops the embedded cluster: it started it, or took over one whose
    /// starter ended without stopping it (`PostgresLauncher.abandonedOwner`).
    let startedLauncher: PostgresLauncher?

    static let embeddedDatabase = "dibao"

    /// `checkedDatabase`: the database of the URL whose reachability is checked first (the URL's
    /// own unless the command works elsewhere on that server, as `bench` does in `postgres`).
    static func open(_ settings: Settings, checkedDatabase: String? = nil, logger: Logger) async throws -> Database {
        if let url = settings.databaseURL {
            let owner = try DatabaseConfiguration(url: url)
            try await owner.withDatabase(checkedDatabase ?? owner.database).checkReachable(source: "DIBAO_DATABASE_URL", logger: logger)
            return Database(owner: owner, app: owner.asRole("dibao_app", password: settings.appPassword), startedLauncher: nil)
        }
        let launcher = PostgresLauncher(home: settings.home + "/pg")
        let wasRunning = launcher.isRunning
        logger.info("using the embedded PostgreSQL cluster", metadata: ["home": "\(launcher.home)"])
        try launcher.start()
        var owns = !wasRunning
        if wasRunning, let abandoned = launcher.abandonedOwner() {
            logger.warning("taking over the embedded PostgreSQL cluster, which process \(abandoned) started and did not stop; it stops when this command ends")
            owns = true
        }
        if owns { try launcher.recordOwner() }
        let maintenance = DatabaseConfiguration(endpoint: .unixSocket(directory: launcher.socketDirectory, port: launcher.port),
                                                username: PostgresLauncher.superuser, database: "postgres")
        try await createDatabaseIfMissing(embeddedDatabase, on: maintenance, logger: logger)
        let owner = maintenance.withDatabase(embeddedDatabase)
        return Database(owner: owner, app: owner.asRole("dibao_app", password: nil), startedLauncher: owns ? launcher : nil)
    }

    /// Applies the migrations as the owner, then (unless told not to) checks that the service's
    /// role can log in: commands that go on to work as `dibao_app` fail here, at once, if not.
    func migrate(logger: Logger, thenCheckApp: Bool = true) async throws -> Migrator.Report {
        let report = try await withClient(owner, connectionsMax: 2, logger: logger) { try await Migrator().migrate($0, logger: logger) }
        if thenCheckApp { try await checkApp(logger: logger) }
        return report
    }

    /// Checks that the service's role can log in, with a message that says how to fix it.
    func checkApp(logger: Logger) async throws {
        try await app.checkReachable(source: Self.appSource, logger: logger)
    }

    static let appSource = "the service role dibao_app, created by the migrations; its password is DIBAO_APP_PASSWORD"

    /// Stops the embedded cluster if this process started it, unless other clients are connected
    /// to it (a `serve` started while this command ran, which found the cluster running and so
    /// will not stop it): then the cluster is left running, and one line says so.
    func close(logger: Logger) {
        guard let startedLauncher else { return }
        let stop = "stop it with: dibao postgres stop --home \(startedLauncher.home)"
        do {
            switch try startedLauncher.stopUnlessInUse() {
            case .stopped: logger.info("stopped the embedded PostgreSQL cluster")
            case .notRunning: break
            case .leftRunning(let sessions):
                logger.warning("left the embedded PostgreSQL cluster running: \(sessions) other client session(s) connected; \(stop)")
            case .stoppedUncounted(let reason):
                logger.warning("stopped the embedded PostgreSQL cluster without counting its other sessions (\(reason))")
            }
        } catch {
            logger.error("the embedded PostgreSQL cluster may still be running (\(error)); \(stop)")
        }
    }

    static func createDatabaseIfMissing(_ name: String, on maintenance: DatabaseConfiguration, logger: Logger) async throws {
        try await withClient(maintenance, logger: logger) { client in
            let exists = try await client.query("SELECT 1 FROM pg_database WHERE datname = \(name)", logger: logger).decode(Int.self).first { _ in true } != nil
            if !exists { try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: logger) }
        }
    }
}

/// Runs `body` with a running client, shutting it down afterwards.
@discardableResult
func withClient<Result: Sendable>(
    _ configuration: DatabaseConfiguration, connectionsMax: Int = 20, logger: Logger, _ body: @Sendable (PostgresClient) async throws -> Result
) async throws -> Result {
    let client = PostgresClient(configuration: configuration.clientConfiguration(connectionsMax: connectionsMax), backgroundLogger: logger)
    return try await client.whileRunning(body)
}
