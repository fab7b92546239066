import ArgumentParser
import DibaoCaseService
import DibaoEvents
import DibaoStore
import Logging
import PostgresNIO

struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Policy parameters in the log.", subcommands: [LoadFixture.self])

    struct LoadFixture: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "load-fixture",
            abstract: "Append the five seed jurisdictions' parameters (ILLUSTRATIVE values marked) to policy-<code> streams; idempotent.")

        func run() async throws {
            let logger = quietLogger("dibao")
            let settings = try Settings.fromEnvironment()
            let database = try await Database.open(settings, logger: logger)
            defer { database.close(logger: logger) }
            let report = try await withClient(database.app, connectionsMax: 2, logger: logger) { client in
                try await PolicyLoader(store: EventStore(client: client, catalogue: LedgerCatalogue.make(), logger: logger)).loadFixture()
            }
            for code in report.appended { print("appended policy-\(code)") }
            for code in report.alreadyPresent { print("already present policy-\(code)") }
        }
    }
}
