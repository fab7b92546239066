@testable import DibaoStore
import DibaoEvents
import DibaoTestSupport
import Foundation
import Testing

/// The head cache believed in something the database does not hold (a failover that lost the
/// last commits, a restore under a running service): the insert's own link check refuses it.
@Suite("A stale head cache can neither skip a version nor break the chain", .tags(.postgres))
struct StaleHeadTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("staleheads") }

    @Test("A remembered version the database lost: the append is a conflict and writes nothing")
    func lostVersion() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            _ = try await Fixtures.append(store, stream, [Fixtures.thing(1), Fixtures.thing(2)], expected: .noStream)
            store.streamHeads.remember(stream.rawValue, StreamHead(version: 3, hash: [UInt8](repeating: 9, count: 32)))
            await #expect(throws: StoreError.wrongExpectedVersion(stream: stream.rawValue, expected: .exactly(3), actual: 2)) {
                try await Fixtures.append(store, stream, [Fixtures.thing(4)], expected: .exactly(3))
            }
            #expect(try await store.streamVersion(stream) == 2)
        }
    }

    @Test("A remembered hash that is not the stored one: the store reads the real head and links to it")
    func wrongHash() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            _ = try await Fixtures.append(store, stream, [Fixtures.thing(1), Fixtures.thing(2)], expected: .noStream)
            store.streamHeads.forget(stream.rawValue)
            store.streamHeads.remember(stream.rawValue, StreamHead(version: 2, hash: [UInt8](repeating: 9, count: 32)))
            _ = try await Fixtures.append(store, stream, [Fixtures.thing(3)], expected: .exactly(2))
            let many = try await Fixtures.append(store, stream, [Fixtures.thing(4), Fixtures.thing(5)], expected: .exactly(3))
            #expect(many.firstVersion == 4 && many.lastVersion == 5)
            let events = try await store.readStream(stream)
            #expect(events.map(\.streamVersion) == [1, 2, 3, 4, 5])
            for (previous, event) in zip(events, events.dropFirst()) { #expect(event.previousHash == previous.hash) }
        }
    }

    @Test("A batch whose first link is stale is refused whole")
    func staleBatch() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            _ = try await Fixtures.append(store, stream, [Fixtures.thing(1)], expected: .noStream)
            store.streamHeads.remember(stream.rawValue, StreamHead(version: 2, hash: [UInt8](repeating: 9, count: 32)))
            await #expect(throws: StoreError.wrongExpectedVersion(stream: stream.rawValue, expected: .exactly(2), actual: 1)) {
                try await Fixtures.append(store, stream, [Fixtures.thing(3), Fixtures.thing(4)], expected: .exactly(2))
            }
            #expect(try await store.streamVersion(stream) == 1)
        }
    }
}
