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
        let report = try await database.migrate(logger: logger)
        if report.applied.isEmpty {
            print("schema is current: \(report.alreadyApplied) migrations already applied, nothing to do")
        } else {
            print("applied \(report.applied.count) migrations (\(report.alreadyApplied) were already applied):")
            for name in report.applied { print("  \(name)") }
        }
    }
}
