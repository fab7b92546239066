import DibaoStore
import DibaoTestSupport
import Foundation
import PostgresNIO
import Testing

@Suite("Migrations", .tags(.postgres))
struct MigrationTests {
    @Test("Bundled migrations are numbered 1…n, one object per file, each with a header comment")
    func bundledMigrations() throws {
        let migrations = try Migration.bundled()
        #expect(migrations.map(\.number) == Array(1...migrations.count))
        for migration in migrations {
            #expect(migration.sql.hasPrefix("--"), "\(migration.name) starts with a comment saying why it exists")
        }
    }

    @Test("Applying twice changes nothing; a migration changed after it was applied is refused")
    func idempotentAndTamperProof() async throws {
        let database = try await TestCluster.shared.freshDatabase("migrations")
        let migrator = try Migrator()
        try await withRunningClient(database.owner) { client in
            let again = try await migrator.migrate(client, logger: TestLogging.logger)
            #expect(again.applied.isEmpty && again.alreadyApplied == migrator.migrations.count)
            #expect(try await migrator.isCurrent(client, logger: TestLogging.logger))

            var edited = migrator.migrations
            let original = edited[2]
            edited[2] = Migration(number: original.number, name: original.name, sql: original.sql + "\n-- edited")
            await #expect {
                try await Migrator(migrations: edited).migrate(client, logger: TestLogging.logger)
            } throws: { error in
                "\(error)".contains("migration \(original.name) was changed after it was applied")
            }
            #expect(try await !Migrator(migrations: edited).isCurrent(client, logger: TestLogging.logger))

            let older = Migrator(migrations: Array(migrator.migrations.dropLast()))
            await #expect {
                try await older.migrate(client, logger: TestLogging.logger)
            } throws: { error in
                "\(error)".contains("that this build does not know")
            }
        }
    }

    @Test("The service role can tell whether the schema is current (what GET /ready asks)")
    func appRoleSeesMigrations() async throws {
        let database = try await TestCluster.shared.freshDatabase("migrationsapp")
        let migrator = try Migrator()
        let (current, behind) = try await withRunningClient(database.app) { client in
            (try await migrator.isCurrent(client, logger: TestLogging.logger),
             try await Migrator(migrations: Array(migrator.migrations.dropLast())).isCurrent(client, logger: TestLogging.logger))
        }
        #expect(current)
        #expect(!behind, "a build that does not know the last migration is not current")
    }
}
