import ArgumentParser
import DibaoCaseService
import DibaoCasework
import DibaoEvents
import DibaoStore
import Foundation
import Logging
import PostgresNIO

struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Policy parameters in the log.", subcommands: [LoadFixture.self, Apply.self])

    struct LoadFixture: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "load-fixture",
            abstract: "Append the five seed jurisdictions' parameters (ILLUSTRATIVE values marked) to policy-<code> streams; idempotent.")

        func run() async throws {
            let logger = quietLogger("dibao")
            let settings = try Settings.fromEnvironment()
            let database = try await Database.open(settings, logger: logger)
            defer { database.close(logger: logger) }
            try await database.checkApp(logger: logger)
            let report = try await withClient(database.app, connectionsMax: 2, logger: logger) { client in
                try await PolicyLoader(store: EventStore(client: client, catalogue: LedgerCatalogue.make(), logger: logger)).loadFixture()
            }
            for code in report.appended { print("appended policy-\(code)") }
            for code in report.alreadyPresent { print("already present policy-\(code)") }
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Record a new standard (a PolicyParametersSet JSON file) and adjust every active case under it, with back-pay; idempotent per --command-id.")
        @Option(help: "The PolicyParametersSet as JSON (see docs/reference/events.md).") var file: String
        @Option(help: "The last month already paid at the old amounts (YYYY-MM): back-pay covers the months from the effective month through it.") var paidThrough: String
        @Option(help: "Who decides it (recorded as the actor, role admin).") var actor: String
        @Option(help: "The operation's id; rerunning with the same id writes nothing.") var commandId: String

        func run() async throws {
            let logger = quietLogger("dibao")
            guard let commandId = UUID(uuidString: commandId) else { throw ValidationError("--command-id must be a UUID") }
            let policy = try PolicyParametersSet.decode(StrictJSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file)))))
            let paidThrough = try CalendarMonth(paidThrough)
            let actor = Actor(actorId: actor, displayName: actor, role: .admin, jurisdictionCode: policy.jurisdictionCode)
            let database = try await Database.open(try Settings.fromEnvironment(), logger: logger)
            defer { database.close(logger: logger) }
            try await database.checkApp(logger: logger)
            let outcome = try await withClient(database.app, connectionsMax: 2, logger: logger) { client in
                try await StandardChangeService(store: EventStore(client: client, catalogue: LedgerCatalogue.make(), logger: logger), logger: logger)
                    .apply(policy, actor: actor, commandId: commandId, paidThrough: paidThrough)
            }
            print("policy-\(policy.jurisdictionCode.rawValue): \(outcome.policyReplayed ? "already recorded" : "recorded"), effective \(policy.effectiveFrom)")
            print("\(outcome.casesAdjusted.count) cases adjusted now, back-pay \(outcome.arrearsFen) fen")
        }
    }
}
