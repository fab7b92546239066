@testable import DibaoStore
import DibaoEvents
import DibaoTestSupport
import Foundation
import PostgresNIO
import Testing

/// Group commit against PostgreSQL: the grouped statement decides each command on its own
/// link, a group refused as a whole writes nothing, and a burst of concurrent appends through
/// the store shares transactions while every command keeps its own result and chain.
@Suite("Group commit keeps every command's outcome its own", .tags(.postgres))
struct GroupCommitTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("groupcommit") }

    static func request(_ stream: StreamName, _ events: [ProposedEvent], expected: ExpectedVersion) -> AppendRequest {
        AppendRequest(stream: stream, expectedVersion: expected, commandId: UUID(), metadata: Fixtures.metadata(), events: events)
    }

    /// Rows inserted per command by the grouped statement the store would send for `commands`
    /// (`InsertSingles` when each is one event, `InsertCommands` otherwise).
    static func group(_ store: EventStore, _ commands: [[AppendStatements.EventRow]]) async throws -> [UUID: Int64] {
        try await EventStore.insertGroup(commands, on: .pool(store.client), logger: TestLogging.logger).mapValues(\.count)
    }

    @Test("In one grouped statement a command whose first link fails writes nothing; the others land whole")
    func linkFailsAlone() async throws {
        try await withStore(database) { store in
            let (a, b, c, d) = (Fixtures.uniqueStream(), Fixtures.uniqueStream(), Fixtures.uniqueStream(), Fixtures.uniqueStream())
            _ = try await Fixtures.append(store, c, [Fixtures.thing(1)], expected: .noStream)
            _ = try await Fixtures.append(store, d, [Fixtures.thing(1)], expected: .noStream)
            let first = try store.prepare(Self.request(a, [Fixtures.thing(1), Fixtures.thing(2)], expected: .noStream))
            let second = try store.prepare(Self.request(b, [Fixtures.thing(1)], expected: .noStream))
            let wrongHash = try store.prepare(Self.request(c, [Fixtures.thing(2)], expected: .exactly(1)))
            let missing = try store.prepare(Self.request(d, [Fixtures.thing(4)], expected: .exactly(3)))
            let counts = try await Self.group(store, [
                first.rows(after: .empty), second.rows(after: .empty),
                // version 1 exists with another hash; version 3 does not exist at all
                wrongHash.rows(after: StreamHead(version: 1, hash: [UInt8](repeating: 9, count: 32))),
                missing.rows(after: StreamHead(version: 3, hash: [UInt8](repeating: 9, count: 32))),
            ])
            #expect(counts == [first.request.commandId: 2, second.request.commandId: 1])
            #expect(try await store.streamVersion(a) == 2)
            #expect(try await store.streamVersion(b) == 1)
            #expect(try await store.streamVersion(c) == 1)
            #expect(try await store.streamVersion(d) == 1)
            let events = try await store.readStream(a)
            #expect(events.map(\.streamVersion) == [1, 2])
            #expect(events[1].previousHash == events[0].hash)
            // The metadata went in as a jsonb[] element and the data as text: both read back
            // exactly as hashed.
            #expect(try events.allSatisfy { try $0.hashIsIntact() })
        }
    }

    @Test("In a group of single events a command whose link fails writes nothing; the others land, in order")
    func singlesLinkFailsAlone() async throws {
        try await withStore(database) { store in
            let (a, b, c, d) = (Fixtures.uniqueStream(), Fixtures.uniqueStream(), Fixtures.uniqueStream(), Fixtures.uniqueStream())
            let headOfB = try await Fixtures.append(store, b, [Fixtures.thing(1)], expected: .noStream)
            _ = try await Fixtures.append(store, c, [Fixtures.thing(1)], expected: .noStream)
            let storedB = try #require(try await store.readStream(b).first)
            #expect(headOfB.lastVersion == 1)
            let fresh = try store.prepare(Self.request(a, [Fixtures.thing(1)], expected: .noStream))
            let follows = try store.prepare(Self.request(b, [Fixtures.thing(2)], expected: .exactly(1)))
            let wrongHash = try store.prepare(Self.request(c, [Fixtures.thing(2)], expected: .exactly(1)))
            let missing = try store.prepare(Self.request(d, [Fixtures.thing(4)], expected: .exactly(3)))
            let commands = [
                fresh.rows(after: .empty), follows.rows(after: StreamHead(version: 1, hash: storedB.hash)),
                wrongHash.rows(after: StreamHead(version: 1, hash: [UInt8](repeating: 9, count: 32))),
                missing.rows(after: StreamHead(version: 3, hash: [UInt8](repeating: 9, count: 32))),
            ]
            let inserted = try await EventStore.insertGroup(commands, on: .pool(store.client), logger: TestLogging.logger)
            #expect(inserted.mapValues(\.count) == [fresh.request.commandId: 1, follows.request.commandId: 1])
            let positions = try [fresh, follows].map { try #require(inserted[$0.request.commandId]?.first) }
            #expect(positions[0] < positions[1], "rows go in in the group's order")
            #expect(inserted[fresh.request.commandId]?.last == positions[0])
            #expect(try await store.streamVersion(a) == 1)
            #expect(try await store.streamVersion(c) == 1)
            #expect(try await store.streamVersion(d) == 0)
            let events = try await store.readStream(b)
            #expect(events.map(\.streamVersion) == [1, 2])
            #expect(events[1].previousHash == events[0].hash)
            #expect(events[1].globalPosition == positions[1])
            // Each command's metadata went in as its own jsonb[] element: it reads back as hashed.
            let all = try await events + store.readStream(a)
            #expect(try all.allSatisfy { try $0.hashIsIntact() })
        }
    }

    @Test("A grouped statement refused by a unique index writes nothing of any command")
    func refusedWhole() async throws {
        try await withStore(database) { store in
            let (fresh, taken) = (Fixtures.uniqueStream(), Fixtures.uniqueStream())
            _ = try await Fixtures.append(store, taken, [Fixtures.thing(1)], expected: .noStream)
            let good = try store.prepare(Self.request(fresh, [Fixtures.thing(1)], expected: .noStream))
            let clash = try store.prepare(Self.request(taken, [Fixtures.thing(7)], expected: .noStream))
            let error = await #expect(throws: PSQLError.self) {
                _ = try await Self.group(store, [good.rows(after: .empty), clash.rows(after: .empty)])
            }
            #expect(error?.sqlState == "23505")
            #expect(try await store.streamVersion(fresh) == 0)
            #expect(try await store.streamVersion(taken) == 1)
        }
    }

    @Test("A burst of concurrent appends shares transactions; each command keeps its result, its conflict and its chain")
    func burst() async throws {
        try await withStore(database) { store in
            let contested = Fixtures.uniqueStream()
            _ = try await Fixtures.append(store, contested, [Fixtures.thing(1)], expected: .noStream)
            let streams = (0..<120).map { _ in Fixtures.uniqueStream() }
            // Every fresh stream gets two single-event appends; every fourth task also sends a
            // "no stream" append to the contested stream. That one reaches the insert and hits the
            // version index, failing its whole group; every command of the group then inserts
            // alone: the contested one meets its conflict, the others land, none as a replay.
            let conflicts = try await withThrowingTaskGroup(of: Int.self) { tasks in
                for (index, stream) in streams.enumerated() {
                    tasks.addTask {
                        let first = try await Fixtures.append(store, stream, [Fixtures.thing(1)], expected: .noStream)
                        #expect(first.firstVersion == 1 && first.lastVersion == 1 && !first.replayed)
                        var conflicts = 0
                        if index % 4 == 0 {
                            do {
                                _ = try await Fixtures.append(store, contested, [Fixtures.thing(9)], expected: .noStream)
                            } catch StoreError.wrongExpectedVersion(let name, .noStream, 1) where name == contested.rawValue {
                                conflicts += 1
                            }
                        }
                        let second = try await Fixtures.append(store, stream, [Fixtures.thing(2)], expected: .exactly(1))
                        #expect(second.firstVersion == 2 && second.firstPosition > first.lastPosition && !second.replayed)
                        return conflicts
                    }
                }
                return try await tasks.reduce(0, +)
            }
            #expect(conflicts == 30)
            #expect(try await store.streamVersion(contested) == 1)
            for stream in streams {
                let events = try await store.readStream(stream)
                #expect(events.map(\.streamVersion) == [1, 2])
                #expect(events[0].previousHash == HashChain.genesis && events[1].previousHash == events[0].hash)
                #expect(try events.allSatisfy { try $0.hashIsIntact() })
            }
            let names = streams.map(\.rawValue)
            let rows = try await store.client.query("""
                SELECT count(*), count(DISTINCT global_position),
                       (SELECT count(*) FROM (SELECT transaction_id FROM dibao.events WHERE stream_id = ANY(\(names))
                                               GROUP BY transaction_id HAVING count(DISTINCT command_id) > 1) shared)
                  FROM dibao.events WHERE stream_id = ANY(\(names))
                """, logger: TestLogging.logger)
            for try await (events, positions, grouped) in rows.decode((Int64, Int64, Int64).self) {
                #expect(events == 240 && positions == 240)
                // 120 writers on a pool: commands waited and were carried in shared transactions.
                #expect(grouped > 0)
            }
        }
    }
}
