import DibaoEvents
import DibaoStore
import DibaoTestSupport
import Foundation
import Logging
import PostgresNIO
import Synchronization
import Testing

/// PostgreSQL hands out positions at insert and makes rows visible at commit, so a reader that
/// remembers "the last position I saw" skips events whose transaction commits late. These tests
/// hold append transactions open for seconds while others commit, and prove our reader still
/// sees every event exactly once, in checkpoint order.
@Suite("The global reader never skips an event", .tags(.postgres))
struct GaplessReaderTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("gapless") }

    func request(_ stream: StreamName, _ n: Int64) -> AppendRequest {
        AppendRequest(stream: stream, expectedVersion: .any, commandId: UUID(), metadata: Fixtures.metadata(), events: [Fixtures.thing(n)])
    }

    @Test("A transaction held open shows up as lag, never as a skip")
    func heldTransactionIsLag() async throws {
        try await withStore(database) { store in
            let category = "h" + UUID().uuidString.prefix(8).lowercased()
            let gate = AsyncGate()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await store.client.withConnection { connection in
                        try await connection.query("BEGIN", logger: TestLogging.logger)
                        _ = try await store.append(request(Fixtures.uniqueStream(category), 1), on: connection)
                        await gate.open("held")
                        await gate.wait("commit")
                        try await connection.query("COMMIT", logger: TestLogging.logger)
                    }
                }
                await gate.wait("held")
                _ = try await store.append(request(Fixtures.uniqueStream(category), 2))
                #expect(try await store.readAll(after: .start, category: category).isEmpty, "the later commit must wait behind the open transaction")
                #expect(try await store.backlog(after: .start, category: category).events == 1, "and the wait shows as lag")
                await gate.open("commit")
                try await group.waitForAll()
            }
            let events = try await Self.readUntil(count: 2, store, category: category)
            #expect(try events.map { try $0.dataJSON()["n"]?.integerValue } == [1, 2])
        }
    }

    @Test("Concurrent appenders with transactions held open for seconds: every event exactly once, in checkpoint order")
    func concurrentAppendersWithHeldTransactions() async throws {
        try await withStore(database, connectionsMax: 30) { store in
            let category = "g" + UUID().uuidString.prefix(8).lowercased()
            // Another category written meanwhile, also with a transaction held open: the readers
            // filter by category, so their pages end at the horizon, past these (`GlobalPage`).
            let noise = "n" + UUID().uuidString.prefix(8).lowercased()
            let writers = 4, appendsPerWriter = 60, holders = 3
            let expected = writers * appendsPerWriter + holders
            let appended = Shared<Set<UUID>>([])
            let done = Shared(false)

            let outcomes = try await withThrowingTaskGroup(of: Outcome?.self) { group in
                group.addTask { .pages(try await Self.readEverything(store, category: category, expected: expected, done: done)) }
                group.addTask { .subscription(try await Self.subscribeEverything(store, category: category, expected: expected)) }
                group.addTask { .naiveMissed(try await Self.naiveReaderMisses(store, category: category, until: done, expected: expected)) }
                for holder in 0..<(holders + 1) {
                    group.addTask {
                        try await Task.sleep(for: .milliseconds(100 + 300 * holder))
                        try await store.client.withConnection { connection in
                            try await connection.query("BEGIN", logger: TestLogging.logger)
                            let isNoise = holder == holders
                            let appendRequest = request(Fixtures.uniqueStream(isNoise ? noise : category), Int64(10_000 + holder))
                            _ = try await store.append(appendRequest, on: connection)
                            try await Task.sleep(for: .milliseconds(1_500 + 500 * holder))
                            try await connection.query("COMMIT", logger: TestLogging.logger)
                            if !isNoise { appended.withLock { _ = $0.insert(appendRequest.eventId(at: 0)) } }
                        }
                        return nil
                    }
                }
                for writer in 0..<(writers + 2) {
                    group.addTask {
                        let isNoise = writer >= writers
                        let streams = (0..<3).map { _ in Fixtures.uniqueStream(isNoise ? noise : category) }
                        for n in 0..<appendsPerWriter {
                            let appendRequest = request(streams[n % 3], Int64(writer * 1_000 + n))
                            _ = try await store.append(appendRequest)
                            if !isNoise { appended.withLock { _ = $0.insert(appendRequest.eventId(at: 0)) } }
                            try await Task.sleep(for: .milliseconds(isNoise ? 10 : 25))
                        }
                        return nil
                    }
                }
                var outcomes: [Outcome] = []
                for try await outcome in group { if let outcome { outcomes.append(outcome) } }
                return outcomes
            }

            for outcome in outcomes {
                switch outcome {
                case .pages(let delivered), .subscription(let delivered):
                    try await Self.expectEveryEventOnce(delivered, of: appended.withLock { $0 }, expected: expected, reader: "\(outcome)", store, category)
                case .naiveMissed(let missed):
                    #expect(missed > 0, "the scenario is real: a last-position reader skipped \(missed) late commits")
                }
            }
        }
    }

    enum Outcome: CustomStringConvertible {
        case pages([RecordedEvent]), subscription([RecordedEvent]), naiveMissed(Int)

        var description: String {
            switch self {
            case .pages: "paging reader"
            case .subscription: "subscription"
            case .naiveMissed: "last-position reader"
            }
        }
    }

    static func expectEveryEventOnce(_ delivered: [RecordedEvent], of appended: Set<UUID>, expected: Int, reader: String,
                                     _ store: EventStore, _ category: String) async throws {
        if delivered.count != expected {
            // Say which events were not delivered and where the reader was, so a failure is diagnosable.
            let all = try await store.readAll(after: .start, category: category, limit: 10_000)
            let deliveredIds = Set(delivered.map(\.eventId))
            let missing = all.filter { !deliveredIds.contains($0.eventId) }.prefix(10).map { "\($0.checkpoint) \($0.streamId) v\($0.streamVersion)" }
            Issue.record("\(reader): missing (first 10): \(missing); last delivered: \(delivered.last.map { "\($0.checkpoint)" } ?? "-"); visible now: \(all.count)")
        }
        #expect(delivered.count == expected, "\(reader)")
        #expect(Set(delivered.map(\.eventId)) == appended, "\(reader): every appended event is delivered")
        #expect(Set(delivered.map(\.eventId)).count == delivered.count, "\(reader): no event is delivered twice")
        #expect(zip(delivered, delivered.dropFirst()).allSatisfy { $0.checkpoint < $1.checkpoint }, "\(reader): checkpoints strictly increase")
        var lastVersion: [String: Int64] = [:]
        for event in delivered {
            #expect(event.streamVersion == (lastVersion[event.streamId] ?? 0) + 1, "\(reader): each stream arrives in version order")
            lastVersion[event.streamId] = event.streamVersion
        }
    }

    /// Reads from the start until `count` events are visible (the horizon is cluster-wide: a
    /// transaction held open in another test's database delays, never hides, these events).
    static func readUntil(count: Int, _ store: EventStore, category: String) async throws -> [RecordedEvent] {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            let events = try await store.readAll(after: .start, category: category)
            if events.count >= count || ContinuousClock.now > deadline { return events }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Our reader: pages from its checkpoint until `expected` events arrived, continuing each
    /// time from where the page ended (past the horizon when the page was short).
    static func readEverything(_ store: EventStore, category: String, expected: Int, done: Shared<Bool>) async throws -> [RecordedEvent] {
        var checkpoint = GlobalCheckpoint.start
        var delivered: [RecordedEvent] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while delivered.count < expected, ContinuousClock.now < deadline {
            let page = try await store.readPage(after: checkpoint, category: category, limit: 7)
            checkpoint = page.end
            delivered += page.events
            if page.events.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        }
        done.value = true
        return delivered
    }

    /// The same through a subscription, batches of 5; given up after 60 seconds.
    static func subscribeEverything(_ store: EventStore, category: String, expected: Int) async throws -> [RecordedEvent] {
        let delivered = Shared<[RecordedEvent]>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await batch in store.subscribe(from: .start, category: category, batchSizeMax: 5, pollInterval: .milliseconds(50)) {
                    if delivered.withLock({ $0 += batch; return $0.count }) >= expected { return }
                }
            }
            group.addTask { try await Task.sleep(for: .seconds(60)) }
            try await group.next()
            group.cancelAll()
        }
        return delivered.value
    }

    /// The broken reader of Marten #3321: remembers the last global position it saw.
    static func naiveReaderMisses(_ store: EventStore, category: String, until done: Shared<Bool>, expected: Int) async throws -> Int {
        var lastPosition: Int64 = 0
        var seen = 0
        while true {
            let rows = try await store.client.query("""
                SELECT global_position FROM dibao.events WHERE stream_category = \(category) AND global_position > \(lastPosition)
                 ORDER BY global_position LIMIT 7
                """, logger: TestLogging.logger)
            var any = false
            for try await position in rows.decode(Int64.self) { lastPosition = position; seen += 1; any = true }
            if !any {
                if done.value { break }
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        return expected - seen
    }
}

/// Named one-shot gates for ordering steps across tasks in a test.
actor AsyncGate {
    private var opened: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    func open(_ name: String) {
        opened.insert(name)
        for continuation in waiting.removeValue(forKey: name) ?? [] { continuation.resume() }
    }

    func wait(_ name: String) async {
        if opened.contains(name) { return }
        await withCheckedContinuation { waiting[name, default: []].append($0) }
    }
}
