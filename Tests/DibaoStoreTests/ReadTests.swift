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

    @Test("A stream as of any moment is a prefix of it, also when an append inside a transaction held open follows another writer's commit")
    func asOfIsAPrefix() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            _ = try await Fixtures.append(store, stream, [Fixtures.thing(1)], expected: .noStream)
            try await store.client.withConnection { connection in
                try await connection.query("BEGIN", logger: TestLogging.logger)
                try await connection.query("SELECT 1", logger: TestLogging.logger)
                try await Task.sleep(for: .milliseconds(30))
                // Another writer takes version 2 while the transaction is open…
                _ = try await Fixtures.append(store, stream, [Fixtures.thing(2)], expected: .exactly(1))
                try await Task.sleep(for: .milliseconds(30))
                // …and the transaction appends version 3 after it.
                let request = AppendRequest(stream: stream, expectedVersion: .exactly(2), commandId: UUID(), metadata: Fixtures.metadata(),
                                            events: [Fixtures.thing(3)])
                _ = try await store.append(request, on: connection)
                try await connection.query("COMMIT", logger: TestLogging.logger)
            }
            let events = try await store.readStream(stream)
            #expect(events.map(\.streamVersion) == [1, 2, 3])
            #expect(zip(events, events.dropFirst()).allSatisfy { $0.recordedAt < $1.recordedAt }, "recorded_at only goes up along the stream")
            for event in events {
                #expect(try await store.readStream(stream, recordedUpTo: event.recordedAt).map(\.streamVersion) == Array(1...event.streamVersion))
            }
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

    @Test("A checkpoint ahead of the server's horizon (its transaction ids went back) is refused, never read past")
    func checkpointAheadOfHorizon() async throws {
        try await withStore(database) { store in
            let ahead = GlobalCheckpoint(transactionId: 1 << 40, position: 0)
            do {
                _ = try await store.readPage(after: ahead)
                Issue.record("a read after a checkpoint ahead of the horizon must fail")
            } catch let StoreError.unavailable(detail) {
                #expect(detail.contains("ahead of the server's transaction horizon"), "\(detail)")
            }
            #expect(try await store.readPage(after: .start).end >= .start)
        }
    }

    @Test("hasBacklog sees committed events after a checkpoint, of transactions below a bound when one is given")
    func backlogChecks() async throws {
        try await withStore(database) { store in
            let category = "b" + UUID().uuidString.prefix(8).lowercased()
            let before = try await store.nextTransactionId()
            #expect(try await !store.hasBacklog(after: .start, category: category))
            let stream = Fixtures.uniqueStream(category)
            _ = try await Fixtures.append(store, stream, [Fixtures.thing(1)])
            #expect(try await store.hasBacklog(after: .start, category: category))
            #expect(try await !store.hasBacklog(after: .start, category: category, before: before), "its transaction began after the bound")
            let after = try await store.nextTransactionId()
            #expect(after > before)
            #expect(try await store.hasBacklog(after: .start, category: category, before: after))
            let event = try #require(try await store.readStream(stream).first)
            #expect(try await !store.hasBacklog(after: event.checkpoint, category: category), "nothing after the event itself")
        }
    }

    @Test("A stream longer than one page is read whole unless a limit is asked for")
    func longStreamReadWhole() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            let total = EventStore.pageSize + 50
            for first in stride(from: 0, to: total, by: 1_000) {
                let events = (first..<Swift.min(first + 1_000, total)).map { Fixtures.thing(Int64($0)) }
                _ = try await Fixtures.append(store, stream, events, expected: first == 0 ? .noStream : .exactly(Int64(first)))
            }
            let all = try await store.readStream(stream)
            #expect(all.count == total)
            #expect(all.map(\.streamVersion) == Array(1...Int64(total)))
            #expect(try await store.readStream(stream, fromVersion: 9_990, toVersion: 10_020).map(\.streamVersion) == Array(9_990...10_020))
            #expect(try await store.readStream(stream, limit: 10_005).count == 10_005)
            #expect(try await store.readStream(stream, fromVersion: 10_040, limit: 100).map(\.streamVersion) == Array(10_040...Int64(total)))
        }
    }

    @Test("A subscription catches up, then a new append wakes it long before its poll interval")
    func subscriptionGoesLive() async throws {
        try await withStore(database) { store in
            let category = "s" + UUID().uuidString.prefix(8).lowercased()
            _ = try await Fixtures.append(store, Fixtures.uniqueStream(category), [Fixtures.thing(1), Fixtures.thing(2)])
            let received = Shared<[RecordedEvent]>([])
            let woken = try await Self.within(.seconds(20)) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await batch in store.subscribe(from: .start, category: category, batchSizeMax: 1, pollInterval: .seconds(120)) {
                            if received.withLock({ $0 += batch; return $0.count }) == 3 { return }
                        }
                    }
                    while received.value.count < 2 { try await Task.sleep(for: .milliseconds(10)) }
                    try await Task.sleep(for: .milliseconds(200))  // caught up, and waiting
                    _ = try await Fixtures.append(store, Fixtures.uniqueStream(category), [Fixtures.thing(3)])
                    try await group.waitForAll()
                }
            }
            #expect(woken, "delivered within 20 s of a 120 s poll interval: woken by the append, not by polling; got \(received.value.count)")
            #expect(try received.value.map { try $0.dataJSON()["n"]?.integerValue } == [1, 2, 3])
        }
    }

    @Test("An append by another process wakes a subscription through LISTEN/NOTIFY")
    func subscriptionWokenByAnotherProcess() async throws {
        try await withStore(database) { reader in
            try await withStore(database) { writer in
                let category = "w" + UUID().uuidString.prefix(8).lowercased()
                let received = Shared<[RecordedEvent]>([])
                let woken = try await Self.within(.seconds(20)) {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        // Each store relays as in `serve`: the reader LISTENs, the writer NOTIFYs.
                        group.addTask { await reader.wakeUps.run() }
                        group.addTask { await writer.wakeUps.run() }
                        group.addTask {
                            for try await batch in reader.subscribe(from: .start, category: category, pollInterval: .seconds(120)) {
                                received.withLock { $0 += batch }
                            }
                        }
                        // Once a second, until one arrives: the reader's LISTEN may not be in place for the first.
                        for n in 1...15 where received.value.isEmpty {
                            _ = try await Fixtures.append(writer, Fixtures.uniqueStream(category), [Fixtures.thing(Int64(n))])
                            for _ in 0..<100 where received.value.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
                        }
                        group.cancelAll()
                    }
                }
                #expect(woken, "delivered within 20 s of a 120 s poll interval")
                #expect(!received.value.isEmpty)
            }
        }
    }

    @Test("Cancelling the consumer ends a subscription that waits, without waiting out its poll interval")
    func subscriptionEndsOnCancel() async throws {
        try await withStore(database) { store in
            let category = "c" + UUID().uuidString.prefix(8).lowercased()
            let ended = try await Self.within(.seconds(20)) {
                let consumer = Task {
                    for try await _ in store.subscribe(from: .start, category: category, pollInterval: .seconds(120)) {}
                }
                try await Task.sleep(for: .milliseconds(300))  // nothing to read: it waits (or, on a busy machine, still reads)
                consumer.cancel()
                try await consumer.value
            }
            #expect(ended, "ended within 20 s of a 120 s poll interval")
        }
    }

    /// Whether `body` finished within `limit` (it is cancelled otherwise).
    static func within(_ limit: Duration, _ body: @escaping @Sendable () async throws -> Void) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { try await body(); return true }
            group.addTask { try? await Task.sleep(for: limit); return false }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
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
