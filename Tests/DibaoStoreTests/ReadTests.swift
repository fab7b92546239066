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
            while true {
                let batch = try await store.readAll(after: checkpoint, category: category, limit: 2)
                guard let last = batch.last else { break }
                seen += batch
                checkpoint = last.checkpoint
            }
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
                    for try await batch in store.subscribe(from: .start, category: category, batchSizeMax: 1, pollInterval: .seconds(30)) {
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
}
