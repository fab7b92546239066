import ArgumentParser
import DibaoCaseService
import DibaoDemo
import DibaoEvents
import DibaoStore
import Foundation
import Logging

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the demo county 榆次区 (140702) under the Jinzhong policy: a year of fictitious casework; idempotent.",
        discussion: "Migrates, loads the policy fixture, then drives every household through CaseService. See docs/guides/demo.md.")

    @Option(help: "Households to generate.") var households: Int = DemoConfiguration.defaultHouseholds
    @Option(help: "Generator seed (the same seed gives the same county).") var seed: UInt64 = DemoConfiguration.defaultSeed
    @Option(help: "Households worked on at once.") var parallel: Int = 4

    func validate() throws {
        guard (0...100_000).contains(households) else { throw ValidationError("--households must be 0…100000") }
        guard (1...32).contains(parallel) else { throw ValidationError("--parallel must be 1…32") }
    }

    func run() async throws {
        let logger = quietLogger("dibao")
        let settings = try Settings.fromEnvironment()
        let database = try await Database.open(settings, logger: logger)
        defer { database.close(logger: logger) }
        _ = try await database.migrate(logger: logger)
        let configuration = DemoConfiguration(households: households, seed: seed, parallelHouseholds: parallel)
        print("dibao demo: 榆次区 (140702) under the 晋中市 (140700) policy, \(households) households, seed \(seed), year 2024")
        let report = try await withClient(database.app, connectionsMax: parallel + 2, logger: logger) { client in
            let store = EventStore(client: client, catalogue: LedgerCatalogue.make(), logger: logger)
            let loader = DemoLoader(service: CaseService(store: store, logger: logger), configuration: configuration)
            return try await loader.load { month in
                print("  \(month.month): \(month.commandsApplied) commands, \(month.eventsAppended) events appended, \(month.commandsReplayed) replayed"
                      + (month.failures > 0 ? ", \(month.failures) refused" : ""))
            }
        }
        DemoSummary(report: report).print()
    }
}
