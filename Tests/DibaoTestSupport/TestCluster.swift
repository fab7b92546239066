import DibaoPostgresLauncher
import DibaoStore
import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL server of one test run, started by the project's own launcher (or taken from
/// DIBAO_TEST_DATABASE_URL), and a fresh, migrated database for each suite that asks.
/// The cluster lives in a temporary directory and is stopped when the test process exits.
public actor TestCluster {
    public static let shared = TestCluster()

    private var maintenance: DatabaseConfiguration?
    /// Migrates the template once; every caller awaits the same task (the actor is reentrant
    /// at each `await`, so a flag would let two suites build the template at once).
    private var templateReady: Task<Void, any Error>?
    private var databasesCreated = 0
    private static let template = "dibao_test_template"

    /// A new database, migrated, named after `label`: as the owner and as `dibao_app`.
    public func freshDatabase(_ label: String) async throws -> TestDatabase {
        do {
            return try await createFreshDatabase(label)
        } catch let error as PSQLError {
            throw TestClusterError("creating a test database failed: \(error.serverMessage ?? String(reflecting: error))")
        }
    }

    private func createFreshDatabase(_ label: String) async throws -> TestDatabase {
        let maintenance = try startedMaintenance()
        let logger = TestLogging.logger
        if templateReady == nil {
            templateReady = Task {
                try await withRunningClient(maintenance, logger: logger) { client in
                    try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(Self.template)"), logger: logger)
                    try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(Self.template)"), logger: logger)
                }
                try await withRunningClient(maintenance.withDatabase(Self.template), logger: logger) { client in
                    try await Migrator().migrate(client, logger: logger)
                }
            }
        }
        try await templateReady!.value
        databasesCreated += 1
        let safeLabel = label.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(30)
        let name = "t\(ProcessInfo.processInfo.processIdentifier)_\(databasesCreated)_\(safeLabel)"
        try await withRunningClient(maintenance, logger: logger) { client in
            // The migrating session may still be closing; PostgreSQL refuses to copy a template
            // someone is connected to, so wait for it briefly.
            for attempt in 1... {
                do {
                    try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) TEMPLATE \(Self.template)"), logger: logger)
                    return
                } catch let error as PSQLError where error.sqlState == "55006" && attempt < 100 {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
        }
        let owner = maintenance.withDatabase(name)
        return TestDatabase(owner: owner, app: owner.asRole("dibao_app", password: nil), maintenance: maintenance)
    }

    private func startedMaintenance() throws -> DatabaseConfiguration {
        if let maintenance { return maintenance }
        let configuration: DatabaseConfiguration
        if let url = ProcessInfo.processInfo.environment["DIBAO_TEST_DATABASE_URL"], !url.isEmpty {
            configuration = try DatabaseConfiguration(url: url)
        } else {
            let directory = "/tmp/dibao-test-\(ProcessInfo.processInfo.processIdentifier)"
            let launcher = PostgresLauncher(home: directory, port: 5432,
                                            settings: ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off", "max_connections": "300"])
            try launcher.start()
            TestClusterShutdown.register(launcher)
            configuration = DatabaseConfiguration(endpoint: .unixSocket(directory: launcher.socketDirectory, port: launcher.port),
                                                  username: PostgresLauncher.superuser, database: "postgres")
        }
        maintenance = configuration
        return configuration
    }
}

/// Stops the cluster a test run started when the process exits.
enum TestClusterShutdown {
    nonisolated(unsafe) static var launcher: PostgresLauncher?

    static func register(_ launcher: PostgresLauncher) {
        Self.launcher = launcher
        atexit {
            guard let launcher = TestClusterShutdown.launcher else { return }
            try? launcher.stop()
            try? FileManager.default.removeItem(atPath: launcher.home)
        }
    }
}

/// A suite's database: the owner role (migrations, psql-like checks) and the service's role.
public struct TestDatabase: Sendable {
    public let owner: DatabaseConfiguration
    public let app: DatabaseConfiguration
    public let maintenance: DatabaseConfiguration
}

public enum TestLogging {
    public static var logger: Logger {
        var logger = Logger(label: "dibao-test")
        logger.logLevel = .critical
        return logger
    }
}

/// Runs `body` with a running PostgresNIO client, shutting it down afterwards.
@discardableResult
public func withRunningClient<Result: Sendable>(
    _ configuration: DatabaseConfiguration, connectionsMax: Int = 20, logger: Logger = TestLogging.logger,
    _ body: @Sendable (PostgresClient) async throws -> Result
) async throws -> Result {
    let client = PostgresClient(configuration: configuration.clientConfiguration(connectionsMax: connectionsMax), backgroundLogger: logger)
    return try await client.whileRunning(body)
}

/// A test-server step that failed, with the server's message (PSQLError hides it by default).
public struct TestClusterError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
