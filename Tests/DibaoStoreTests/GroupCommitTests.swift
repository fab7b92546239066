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

    /// The two grouped statements. `InsertSingles` takes groups of one-event commands only;
    /// `InsertCommands` takes any group, so on single events the two must agree.
    enum Statement: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case singles = "InsertSingles", commands = "InsertCommands"
        var testDescription: String { rawValue }
    }

    /// Rows inserted per command by `statement` for `commands`, sent directly (not through the
    /// store's choice), and each inserted command's first position.
    static func group(_ store: EventStore, _ commands: [[AppendStatements.EventRow]],
                      with statement: Statement = .commands) async throws -> (counts: [UUID: Int64], first: [UUID: Int64]) {
        var counts: [UUID: Int64] = [:], first: [UUID: Int64] = [:]
        switch statement {
        case .singles:
            precondition(commands.allSatisfy { $0.count == 1 })
            let rows = try await store.client.execute(AppendStatements.InsertSingles(rows: commands.map { $0[0] }), logger: TestLogging.logger)
            for try await (commandId, position) in rows { (counts[commandId], first[commandId]) = (1, position) }
        case .commands:
            let rows = try await store.client.execute(AppendStatements.InsertCommands(commands: commands), logger: TestLogging.logger)
            for try await (commandId, position, _, count) in rows { (counts[commandId], first[commandId]) = (count, position) }
        }
        return (counts, first)
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
            let (counts, _) = try await Self.group(store, [
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

    @Test("In a group of single events a command whose link fails writes nothing; the others land, in order",
          arguments: Statement.allCases)
    func singlesLinkFailsAlone(_ statement: Statement) async throws {
        try await withStore(database) { store in
            let (a, b, c, d, e) = (Fixtures.uniqueStream(), Fixtures.uniqueStream(), Fixtures.uniqueStream(), Fixtures.uniqueStream(),
                                   Fixtures.uniqueStream())
            _ = try await Fixtures.append(store, b, [Fixtures.thing(1)], expected: .noStream)
            _ = try await Fixtures.append(store, c, [Fixtures.thing(1)], expected: .noStream)
            let storedB = try #require(try await store.readStream(b).first)
            let fresh = try store.prepare(Self.request(a, [Fixtures.thing(1)], expected: .noStream))
            let wrongHash = try store.prepare(Self.request(c, [Fixtures.thing(2)], expected: .exactly(1)))
            let follows = try store.prepare(Self.request(b, [Fixtures.thing(2)], expected: .exactly(1)))
            let missing = try store.prepare(Self.request(d, [Fixtures.thing(4)], expected: .exactly(3)))
            let last = try store.prepare(Self.request(e, [Fixtures.thing(1)], expected: .noStream))
            // The refused commands sit between the admitted ones.
            let (counts, first) = try await Self.group(store, [
                fresh.rows(after: .empty),
                wrongHash.rows(after: StreamHead(version: 1, hash: [UInt8](repeating: 9, count: 32))),
                follows.rows(after: StreamHead(version: 1, hash: storedB.hash)),
                missing.rows(after: StreamHead(version: 3, hash: [UInt8](repeating: 9, count: 32))),
                last.rows(after: .empty),
            ], with: statement)
            #expect(counts == [fresh.request.commandId: 1, follows.request.commandId: 1, last.request.commandId: 1])
            #expect(try await store.streamVersion(c) == 1)
            #expect(try await store.streamVersion(d) == 0)
            // Each command's reported position is its event's, and positions follow the group's order.
            var positions: [Int64] = []
            for (stream, command) in [(a, fresh), (b, follows), (e, last)] {
                let events = try await store.readStream(stream)
                let stored = try #require(events.last)
                #expect(stored.globalPosition == first[command.request.commandId])
                #expect(stored.previousHash == (events.count == 2 ? events[0].hash : HashChain.genesis))
                // Each command's metadata went in as its own jsonb[] element: it reads back as hashed.
                #expect(try stored.hashIsIntact())
                positions.append(stored.globalPosition)
            }
            #expect(positions == positions.sorted())
        }
    }

    @Test("A grouped statement refused by a unique index writes nothing of any command", arguments: Statement.allCases)
    func refusedWhole(_ statement: Statement) async throws {
        try await withStore(database) { store in
            let (fresh, taken, pair) = (Fixtures.uniqueStream(), Fixtures.uniqueStream(), Fixtures.uniqueStream())
            _ = try await Fixtures.append(store, taken, [Fixtures.thing(1)], expected: .noStream)
            let good = try store.prepare(Self.request(fresh, [Fixtures.thing(1)], expected: .noStream))
            let clash = try store.prepare(Self.request(taken, [Fixtures.thing(7)], expected: .noStream))
            // InsertCommands also carries a two-event command; InsertSingles takes single events only.
            let two = try store.prepare(Self.request(pair, [Fixtures.thing(1), Fixtures.thing(2)], expected: .noStream))
            let commands = [good.rows(after: .empty)] + (statement == .commands ? [two.rows(after: .empty)] : []) + [clash.rows(after: .empty)]
            let error = await #expect(throws: PSQLError.self) {
                _ = try await Self.group(store, commands, with: statement)
            }
            #expect(error?.sqlState == "23505")
            #expect(try await store.streamVersion(fresh) == 0)
            #expect(try await store.streamVersion(pair) == 0)
            #expect(try await store.streamVersion(taken) == 1)
        }
    }

    /// Events in the burst's second command on stream `index`.
    static func secondCommandEvents(_ index: Int) -> Int { index % 3 == 0 ? 2 : 1 }

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
                        // Every third stream's second command has two events: groups mix the two statements.
                        let more = (0..<Self.secondCommandEvents(index)).map { Fixtures.thing(Int64(2 + $0)) }
                        let second = try await Fixtures.append(store, stream, more, expected: .exactly(1))
                        #expect(second.firstVersion == 2 && second.lastVersion == Int64(1 + more.count))
                        #expect(second.firstPosition > first.lastPosition && !second.replayed)
                        return conflicts
                    }
                }
                return try await tasks.reduce(0, +)
            }
            #expect(conflicts == 30)
            #expect(try await store.streamVersion(contested) == 1)
            for (index, stream) in streams.enumerated() {
                let events = try await store.readStream(stream)
                #expect(events.map(\.streamVersion) == Array(1...Int64(1 + Self.secondCommandEvents(index))))
                #expect(events[0].previousHash == HashChain.genesis)
                #expect(zip(events, events.dropFirst()).allSatisfy { $1.previousHash == $0.hash })
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
                #expect(events == 280 && positions == 280)
                // 120 writers on a pool: commands waited and were carried in shared transactions.
                #expect(grouped > 0)
            }
        }
    }
}
