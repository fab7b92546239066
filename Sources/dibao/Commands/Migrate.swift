import ArgumentParser
import DibaoStore
import Logging

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the schema migrations (each once; a changed applied migration is refused).")

    func run() async throws {
        let logger = Logger(label: "dibao")
        let settings = try Settings.fromEnvironment()
        let database = try await Database.open(settings, logger: logger)
        defer { database.close(logger: logger) }
        // `migrate` comes before the operator gives dibao_app a password, so a role that cannot
        // log in yet is a warning here, not a failure.
        let report = try await database.migrate(logger: logger, thenCheckApp: false)
        do { try await database.checkApp(logger: logger) } catch {
            logger.warning("\(error); set its password (ALTER ROLE dibao_app PASSWORD '…') and DIBAO_APP_PASSWORD before dibao serve")
        }
        if report.applied.isEmpty {
            print("schema is current: \(report.alreadyApplied) migrations already applied, nothing to do")
        } else {
            print("applied \(report.applied.count) migrations (\(report.alreadyApplied) were already applied):")
            for name in report.applied { print("  \(name)") }
        }
    }
}
