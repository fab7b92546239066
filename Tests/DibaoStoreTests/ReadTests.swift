import DibaoEvents
import DibaoStore
import DibaoTestSupport
import Foundation
import Testing

@Suite("Reading streams and the global log", .tags(.postgres))
struct ReadTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("read") }

    @Test("A stream reads forward from a version, up to a version, and as of a recorded time")
    func streamWindows() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            _ = try await Fixtures.append(store, stream, (1...5).map { Fixtures.thing($0) })
            let before = try #require(try await store.readStream(stream).last?.recordedAt)
            try await Task.sleep(for: .milliseconds(50))
            _ = try await Fixtures.append(store, stream, [Fixtures.thing(6)])
            #expect(try await store.readStream(stream, fromVersion: 3).map(\.streamVersion) == [3, 4, 5, 6])
            #expect(try await store.readStream(stream, fromVersion: 2, toVersion: 4).map(\.streamVersion) == [2, 3, 4])
            #expect(try await store.readStream(stream, recordedUpTo: before).map(\.streamVersion) == [1, 2, 3, 4, 5])
            #expect(try await store.readStream(Fixtures.uniqueStream()).isEmpty)
        }
    }

    @Test("The global log reads in checkpoint order, filtered by category, without repeats")
    func globalLog() async throws {
        try await withStore(database) { store in
            let category = "c" + UUID().uuidString.prefix(8).lowercased()
            let streams = (0..<3).map { _ in Fixtures.uniqueStream(category) }
            for (index, stream) in streams.enumerated() { _ = try await Fixtures.append(store, stream, [Fixtures.thing(Int64(index)), Fixtures.thing(9)]) }
            _ = try await Fixtures.append(store, Fixtures.uniqueStream("other"), [Fixtures.thing(1)])
            var checkpoint = GlobalCheckpoint.start
            var seen: [RecordedEvent] = []
            // The horizon is cluster-wide: another suite's open transaction may delay (never hide)
            // these events, so an empty page means "not yet", not "done".
            let deadline = ContinuousClock.now + .seconds(30)
            while seen.count < 6, ContinuousClock.now < deadline {
                let batch = try await store.readAll(after: checkpoint, category: category, limit: 2)
                guard let last = batch.last else { try await Task.sleep(for: .milliseconds(20)); continue }
                seen += batch
                checkpoint = last.checkpoint
            }
            #expect(try await store.readAll(after: checkpoint, category: category).isEmpty)
            #expect(seen.count == 6)
            #expect(seen.allSatisfy { $0.category == category })
            #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.checkpoint < $1.checkpoint })
            #expect(Set(seen.map(\.eventId)).count == 6)
        }
    }

    @Test("A subscription catches up, then is woken by a new append")
    func subscriptionGoesLive() async throws {
        try await withStore(database) { store in
            let category = "s" + UUID().uuidString.prefix(8).lowercased()
            _ = try await Fixtures.append(store, Fixtures.uniqueStream(category), [Fixtures.thing(1), Fixtures.thing(2)])
            let received = try await withThrowingTaskGroup(of: [RecordedEvent].self) { group in
                group.addTask {
                    var all: [RecordedEvent] = []
                    for try await batch in store.subscribe(from: .start, category: category, batchSizeMax: 1, pollInterval: .seconds(5)) {
                        all += batch
                        if all.count == 3 { break }
                    }
                    return all
                }
                try await Task.sleep(for: .milliseconds(300))
                _ = try await Fixtures.append(store, Fixtures.uniqueStream(category), [Fixtures.thing(3)])
                let result = try await group.next()!
                group.cancelAll()
                return result
            }
            #expect(try received.map { try $0.dataJSON()["n"]?.integerValue } == [1, 2, 3])
        }
    }

    @Test("Transaction ids order as numbers, not as text: 9, 10, 100 (a text sort once skipped events)")
    func numericTransactionOrder() async throws {
        let category = "x" + UUID().uuidString.prefix(8).lowercased()
        try await withRunningClient(database.owner) { client in
            try await client.query("""
                INSERT INTO dibao.events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata,
                                          command_id, command_index, effective_date, hash, previous_hash)
                SELECT v::text::xid8, \(category) || '-' || v, 1, gen_random_uuid(), 'ThingHappened', 1, jsonb_build_object('n', v), '{}',
                       gen_random_uuid(), 0, '2024-01-01', sha256(''), sha256('')
                  FROM unnest(ARRAY[100, 10, 9]) AS v
                """, logger: TestLogging.logger)
        }
        try await withStore(database) { store in
            let first = try await store.readAll(after: .start, category: category, limit: 2)
            #expect(first.map(\.transactionId) == [9, 10])
            let rest = try await store.readAll(after: try #require(first.last).checkpoint, category: category, limit: 2)
            #expect(rest.map(\.transactionId) == [100])
        }
    }
}
