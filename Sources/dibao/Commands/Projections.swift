import ArgumentParser
import DibaoEvents
import DibaoProjections
import DibaoStore
import Foundation
import Logging

struct ProjectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections", abstract: "Inspect and rebuild projections.",
        subcommands: [Status.self, Rebuild.self])

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Each projection's position, lag and last error.")
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() async throws {
            let statuses = try await withEngine { engine in try await engine.statuses() }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(statuses), as: UTF8.self))
                return
            }
            print(ProjectionStatusTable.render(statuses))
        }
    }

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild a projection from position zero beside the live one, then switch atomically.")
        @Argument(help: "The projection to rebuild.") var name: String?
        @Flag(help: "Rebuild every projection.") var all = false
        @Option(help: "Events per batch, 1 to 100000.") var batchSize = 5_000

        func validate() throws {
            guard (name == nil) != !all else { throw ValidationError("name one projection or pass --all") }
            guard (1...100_000).contains(batchSize) else { throw ValidationError("--batch-size must be 1 to 100000, not \(batchSize)") }
        }

        func run() async throws {
            try await withEngine { engine in
                let targets = all ? engine.projections : [try engine.projection(named: name!)]
                for projection in targets {
                    let generation = try await engine.rebuild(projection, batchSizeMax: batchSize) { progress in
                        let eta = progress.etaSeconds.map { String(format: "%.0fs", $0) } ?? "?"
                        print(String(format: "%@ g%d: %lld applied, %lld remaining, %.0f events/s, ETA %@",
                                     progress.projection, progress.generation, progress.eventsApplied, progress.eventsRemaining,
                                     progress.eventsPerSecond, eta))
                    }
                    print("\(projection.name): generation \(generation) is now active")
                }
            }
        }
    }
}

/// Opens the database as the service would and hands over a registered engine.
func withEngine<Result: Sendable>(_ body: @Sendable (ProjectionEngine) async throws -> Result) async throws -> Result {
    let logger = quietLogger("dibao")
    let settings = try Settings.fromEnvironment()
    let database = try await Database.open(settings, logger: logger)
    defer { database.close(logger: logger) }
    _ = try await database.migrate(logger: logger)
    return try await withClient(database.app, logger: logger) { client in
        let store = EventStore(client: client, catalogue: LedgerCatalogue.make(), logger: logger)
        let engine = ProjectionEngine(store: store, projections: ProjectionCatalogue.all(), logger: logger)
        try await engine.register()
        return try await body(engine)
    }
}
