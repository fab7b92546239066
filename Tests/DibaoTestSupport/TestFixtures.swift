import DibaoEvents
import DibaoStore
import Foundation
import Logging
import PostgresNIO

/// Event types used by the store's tests: `ThingHappened` (any object with an integer `n`)
/// and the ledger's own `LedgerNoteRecorded`.
public enum TestCatalogue {
    public static func make() -> EventCatalogue {
        var catalogue = LedgerCatalogue.make()
        catalogue.register("ThingHappened", schemaVersion: 1) { data throws(EventValidationError) in
            guard data["n"]?.integerValue != nil else { throw .invalid(field: "data.n", reason: "required integer") }
        }
        return catalogue
    }
}

public enum Fixtures {
    /// A stream name no other test uses.
    public static func uniqueStream(_ category: String = "test") -> StreamName {
        try! StreamName(category: category, id: UUID().uuidString.lowercased())
    }

    public static func metadata(actor: String = "tester") -> EventMetadata {
        EventMetadata(actorId: actor, actorRole: "admin", jurisdictionCode: "530000", reason: "test",
                      correlationId: UUID().uuidString.lowercased(), commandId: "set-by-request")
    }

    public static func thing(_ n: Int64, date: String = "2024-03-01") -> ProposedEvent {
        ProposedEvent(eventType: "ThingHappened", schemaVersion: 1, data: ["n": .integer(n)], effectiveDate: try! BusinessDate(date))
    }

    public static func append(_ store: EventStore, _ stream: StreamName, _ events: [ProposedEvent],
                              expected: ExpectedVersion = .any, commandId: UUID = UUID()) async throws -> AppendResult {
        try await store.append(AppendRequest(stream: stream, expectedVersion: expected, commandId: commandId, metadata: metadata(), events: events))
    }
}

/// Runs `body` with an event store on a fresh client as `dibao_app`.
public func withStore<Result: Sendable>(
    _ database: TestDatabase, catalogue: EventCatalogue = TestCatalogue.make(), connectionsMax: Int = 20,
    _ body: @Sendable (EventStore) async throws -> Result
) async throws -> Result {
    try await withRunningClient(database.app, connectionsMax: connectionsMax) { client in
        try await body(EventStore(client: client, catalogue: catalogue, logger: TestLogging.logger))
    }
}
