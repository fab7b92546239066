import DibaoEvents
import DibaoStore
import DibaoTestSupport
import Foundation
import PostgresNIO
import Testing

/// Races between two stores (two clients, two head caches, as two `serve` processes would
/// have), one of them without group commit: the database decides. An insert waits on the other
/// store's uncommitted row with the same key, then fails with 23505, and the store resolves
/// that into a replay or a conflict.
@Suite("Appending from two stores at once", .tags(.postgres))
struct TwoStoreRaceTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("twostores") }

    /// Two stores on their own clients as `dibao_app`: the first with group commit, the second without.
    func withTwoStores(_ body: @Sendable (EventStore, EventStore) async throws -> Void) async throws {
        try await withRunningClient(database.app) { firstClient in
            try await withRunningClient(database.app) { secondClient in
                let first = EventStore(client: firstClient, catalogue: TestCatalogue.make(), logger: TestLogging.logger)
                let second = EventStore(client: secondClient, catalogue: TestCatalogue.make(), logger: TestLogging.logger, groupCommit: false)
                try await body(first, second)
            }
        }
    }

    @Test("Retries of one command from two stores at once (8 each) write its events once: one result is new, all are equal",
          arguments: [ExpectedVersion.any, .noStream])
    func concurrentRetries(expected: ExpectedVersion) async throws {
        try await withTwoStores { first, second in
            for _ in 0..<5 {
                let stream = Fixtures.uniqueStream()
                let request = AppendRequest(stream: stream, expectedVersion: expected, commandId: UUID(), metadata: Fixtures.metadata(),
                                            events: [Fixtures.thing(1), Fixtures.thing(2), Fixtures.thing(3)])
                let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
                    for index in 0..<16 { group.addTask { try await (index % 2 == 0 ? first : second).append(request) } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(results.count == 16)
                #expect(results.filter { !$0.replayed }.count == 1)
                let landed = Set(results.map { result in var result = result; result.replayed = false; return result })
                #expect(landed.count == 1)
                #expect(landed.first?.firstVersion == 1 && landed.first?.lastVersion == 3)
                let events = try await first.readStream(stream)
                #expect(events.map(\.streamVersion) == [1, 2, 3])
                #expect(events.map(\.commandId) == Array(repeating: request.commandId, count: 3))
                #expect(events.map(\.eventId) == (0..<3).map { request.eventId(at: $0) })
                #expect(events.first?.globalPosition == landed.first?.firstPosition)
            }
        }
    }

    @Test("Two commands from two stores racing for 'no stream': one lands, the other gets a conflict naming stream, expected and actual")
    func twoCommandsRaceForNoStream() async throws {
        try await withTwoStores { first, second in
            for _ in 0..<10 {
                let stream = Fixtures.uniqueStream()
                let requests = [
                    AppendRequest(stream: stream, expectedVersion: .noStream, commandId: UUID(), metadata: Fixtures.metadata(),
                                  events: [Fixtures.thing(1), Fixtures.thing(2)]),
                    AppendRequest(stream: stream, expectedVersion: .noStream, commandId: UUID(), metadata: Fixtures.metadata(),
                                  events: [Fixtures.thing(10), Fixtures.thing(20), Fixtures.thing(30)]),
                ]
                let outcomes = await withTaskGroup(of: (Int, Result<AppendResult, any Error>).self) { group in
                    for (index, store) in [first, second].enumerated() {
                        group.addTask {
                            do { return (index, .success(try await store.append(requests[index]))) } catch { return (index, .failure(error)) }
                        }
                    }
                    return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
                }
                let winners = outcomes.compactMap { index, outcome in (try? outcome.get()).map { (index, $0) } }
                try #require(winners.count == 1, "exactly one command lands")
                let (winner, result) = winners[0]
                let loser = 1 - winner
                #expect(!result.replayed && result.firstVersion == 1 && result.lastVersion == Int64(requests[winner].events.count))
                #expect(throws: StoreError.wrongExpectedVersion(stream: stream.rawValue, expected: .noStream, actual: result.lastVersion)) {
                    try outcomes[loser]!.get()
                }
                let events = try await second.readStream(stream)
                #expect(events.map(\.streamVersion) == Array(1...result.lastVersion))
                #expect(Set(events.map(\.commandId)) == [requests[winner].commandId])
            }
        }
    }
}
