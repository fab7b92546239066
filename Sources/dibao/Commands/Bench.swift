import ArgumentParser
import DibaoBench
import DibaoEvents
import DibaoStore
import Foundation
import Logging
import PostgresNIO

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks that print figures beside a raw PostgreSQL baseline measured in the same run.",
        discussion: "Each run uses a throwaway database (dibao_bench_<pid>) on the configured server and drops it afterwards.",
        subcommands: [AppendCommand.self, RebuildCommand.self])

    struct Options: ParsableArguments {
        @Flag(help: "End with one line holding a JSON object of the figures.") var json = false
        @Option(help: "Alternating rounds per comparison (the median is reported).") var rounds = 5
    }

    struct AppendCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "append", abstract: "Single-event appends at 1 and 8 writers and 100-event appends, each beside plain INSERTs.")
        @OptionGroup var options: Options
        @Option(help: "Seconds per round.") var seconds = 3
        @Option(help: "Run only this scenario (repeatable): \(AppendBenchmark.scenarioNames.joined(separator: ", ")).")
        var scenario: [String] = []
        @Flag(help: "Every append its own transaction (group commit off), to see what group commit adds.")
        var noGroupCommit = false

        func validate() throws {
            for name in scenario where !AppendBenchmark.scenarioNames.contains(name) {
                throw ValidationError("unknown scenario \(name); known: \(AppendBenchmark.scenarioNames.joined(separator: ", "))")
            }
        }

        /// Each scenario in a database of its own: a log whose indexes earlier scenarios grew
        /// would be slower to append to than the baseline's fresh table.
        func run() async throws {
            print("append benchmark: \(options.rounds) alternating rounds of \(seconds)s per scenario, each in a fresh database; medians; "
                  + "group commit " + (noGroupCommit ? "off" : "on"))
            var comparisons: [Comparison] = []
            for name in AppendBenchmark.scenarioNames where scenario.isEmpty || scenario.contains(name) {
                comparisons += try await withBenchDatabase(groupCommit: !noGroupCommit) { owner, store, logger in
                    try await AppendBenchmark.prepareRawTable(owner: owner, logger: logger)
                    return try await AppendBenchmark(store: store, owner: owner, rounds: options.rounds, roundDuration: .seconds(seconds),
                                                     only: [name], logger: logger)
                        .run { print($0.line) }
                }
            }
            if options.json { print(try BenchOutput.json(Dictionary(uniqueKeysWithValues: comparisons.map { ($0.name, $0) }))) }
        }
    }

    struct RebuildCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild", abstract: "Loads a log (1,000,000 events by default) and times full rebuilds beside a raw sequential read.")
        @OptionGroup var options: Options
        @Option(help: "Events to load first.") var events = 1_000_000

        func run() async throws {
            let (comparison, loadRate) = try await withBenchDatabase { _, store, logger in
                let benchmark = RebuildBenchmark(store: store, eventsTotal: events, rounds: min(options.rounds, 3), logger: logger)
                print("loading \(events) events through the append path…")
                let loadRate = try await benchmark.load()
                print(String(format: "loaded at %.0f events/s (appends of 1,000 events, 4 writers)", loadRate))
                let comparison = try await benchmark.run()
                print(comparison.line)
                return (comparison, loadRate)
            }
            if options.json {
                print(try BenchOutput.json(["rebuild": comparison, "load_events_per_second": loadRate] as [String: any Encodable & Sendable]))
            }
        }
    }
}

/// Creates, migrates and finally drops a throwaway database for one benchmark run.
func withBenchDatabase<Result: Sendable>(
    groupCommit: Bool = true,
    _ body: @Sendable (_ owner: PostgresClient, _ store: EventStore, _ logger: Logger) async throws -> Result
) async throws -> Result {
    let logger = quietLogger("dibao-bench")
    let settings = try Settings.fromEnvironment()
    let database = try await Database.open(settings, checkedDatabase: "postgres", logger: logger)
    defer { database.close(logger: logger) }
    let name = "dibao_bench_\(ProcessInfo.processInfo.processIdentifier)"
    let maintenance = database.owner.withDatabase("postgres")
    try await withClient(maintenance, connectionsMax: 1, logger: logger) { client in
        try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name)"), logger: logger)
        try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
    }
    do {
        let result = try await withClient(database.owner.withDatabase(name), connectionsMax: 2, logger: logger) { owner in
            try await Migrator().migrate(owner, logger: logger)
            try await database.app.withDatabase(name).checkReachable(source: Database.appSource, logger: logger)
            return try await withClient(database.app.withDatabase(name), connectionsMax: 10, logger: logger) { client in
                try await body(owner, EventStore(client: client, catalogue: LedgerCatalogue.make(), logger: logger, groupCommit: groupCommit), logger)
            }
        }
        try await dropBenchDatabase(name, maintenance, logger)
        return result
    } catch {
        try? await dropBenchDatabase(name, maintenance, logger)
        throw error
    }
}

private func dropBenchDatabase(_ name: String, _ maintenance: DatabaseConfiguration, _ logger: Logger) async throws {
    try await withClient(maintenance, connectionsMax: 1, logger: logger) { client in
        try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
    }
}

/// The `--json` line.
enum BenchOutput {
    static func json(_ figures: [String: any Encodable & Sendable]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var members: [String] = []
        for key in figures.keys.sorted() {
            members.append("\"\(key)\":" + String(decoding: try encoder.encode(AnyEncodable(figures[key]!)), as: UTF8.self))
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    struct AnyEncodable: Encodable {
        let value: any Encodable
        init(_ value: any Encodable) { self.value = value }
        func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    }
}
