import Logging
import PostgresNIO

/// Applies the bundled migrations, each once, under an advisory lock so concurrent starters
/// (several `serve` processes, parallel test suites) take turns. Running it twice changes
/// nothing; a migration whose file changed after it was applied is refused.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration]) { self.migrations = migrations }

    public init() throws { self.init(migrations: try Migration.bundled()) }

    /// What a run did.
    public struct Report: Sendable, Equatable {
        public var applied: [String]
        public var alreadyApplied: Int
    }

    /// Why migrating stopped.
    public enum Failure: Error, CustomStringConvertible, Sendable {
        case changedAfterApplied(name: String, recorded: String, current: String)
        case unknownToThisBuild(number: Int, name: String)
        /// The server refused the migration's SQL; nothing of this run was applied.
        case failed(name: String, message: String)

        public var description: String {
            switch self {
            case .changedAfterApplied(let name, let recorded, let current):
                return "migration \(name) was changed after it was applied (recorded sha256 \(recorded.prefix(12))…, file now \(current.prefix(12))…); migrations are append-only: restore the file and add a new numbered migration instead"
            case .unknownToThisBuild(let number, let name):
                return "the database has migration \(number) (\(name)) that this build does not know; run a newer dibao"
            case .failed(let name, let message):
                return "migration \(name) failed, nothing was applied: \(message)"
            }
        }
    }

    private static let bootstrap: [PostgresQuery] = [
        "SELECT pg_advisory_xact_lock(hashtext('dibao.migrate'))",
        "CREATE SCHEMA IF NOT EXISTS dibao",
        """
        CREATE TABLE IF NOT EXISTS dibao.schema_migrations (
            number integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())
        """,
    ]

    /// Applies what is missing, in one transaction.
    @discardableResult
    public func migrate(_ client: PostgresClient, logger: Logger) async throws -> Report {
        try await client.transaction(logger: logger) { connection in
            for statement in Self.bootstrap { try await connection.query(statement, logger: logger) }
            let recorded = try await Self.recorded(connection, logger: logger)
            try verify(recorded)
            var report = Report(applied: [], alreadyApplied: recorded.count)
            for migration in migrations where recorded[migration.number] == nil {
                do {
                    try await connection.query(PostgresQuery(unsafeSQL: migration.sql), logger: logger)
                } catch let error as PSQLError {
                    throw Failure.failed(name: migration.name, message: error.serverMessage ?? "\(error.code)")
                }
                try await connection.query(
                    "INSERT INTO dibao.schema_migrations (number, name, checksum) VALUES (\(migration.number), \(migration.name), \(migration.checksum))",
                    logger: logger)
                report.applied.append(migration.name)
                logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
            }
            return report
        }
    }

    /// Whether every bundled migration is applied unchanged (for /ready).
    public func isCurrent(_ client: PostgresClient, logger: Logger) async throws -> Bool {
        let exists = try await client.query("SELECT to_regclass('dibao.schema_migrations') IS NOT NULL", logger: logger)
            .decode(Bool.self).first { _ in true } ?? false
        guard exists else { return false }
        let recorded = try await client.withConnection { try await Self.recorded($0, logger: logger) }
        do { try verify(recorded) } catch { return false }
        return recorded.count == migrations.count
    }

    private func verify(_ recorded: [Int: (name: String, checksum: String)]) throws {
        let byNumber = Dictionary(uniqueKeysWithValues: migrations.map { ($0.number, $0) })
        for (number, entry) in recorded.sorted(by: { $0.key < $1.key }) {
            guard let migration = byNumber[number] else { throw Failure.unknownToThisBuild(number: number, name: entry.name) }
            guard migration.checksum == entry.checksum else {
                throw Failure.changedAfterApplied(name: migration.name, recorded: entry.checksum, current: migration.checksum)
            }
        }
    }

    private static func recorded(_ connection: PostgresConnection, logger: Logger) async throws -> [Int: (name: String, checksum: String)] {
        var recorded: [Int: (name: String, checksum: String)] = [:]
        let rows = try await connection.query("SELECT number, name, checksum FROM dibao.schema_migrations", logger: logger)
        for try await (number, name, checksum) in rows.decode((Int, String, String).self) { recorded[number] = (name, checksum) }
        return recorded
    }
}
