import DibaoEvents
import DibaoStore
import DibaoTestSupport
import Foundation
import PostgresNIO
import Testing

@Suite("Appending: atomic, versioned, exactly idempotent", .tags(.postgres))
struct AppendTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("append") }

    @Test("A new stream takes versions 1…n, each event chained to the previous by hash")
    func appendsNewStream() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            let result = try await Fixtures.append(store, stream, [Fixtures.thing(1), Fixtures.thing(2), Fixtures.thing(3)], expected: .noStream)
            #expect(result.firstVersion == 1 && result.lastVersion == 3 && !result.replayed)
            #expect(result.lastPosition - result.firstPosition == 2)
            let events = try await store.readStream(stream)
            #expect(events.map(\.streamVersion) == [1, 2, 3])
            #expect(events[0].previousHash == HashChain.genesis)
            #expect(events[1].previousHash == events[0].hash && events[2].previousHash == events[1].hash)
            for event in events { #expect(try event.hashIsIntact()) }
        }
    }

    @Test("A wrong expected version names stream, expected and actual, and writes nothing")
    func wrongExpectedVersion() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            _ = try await Fixtures.append(store, stream, [Fixtures.thing(1), Fixtures.thing(2)], expected: .noStream)
            await #expect(throws: StoreError.wrongExpectedVersion(stream: stream.rawValue, expected: .exactly(1), actual: 2)) {
                try await Fixtures.append(store, stream, [Fixtures.thing(3)], expected: .exactly(1))
            }
            await #expect(throws: StoreError.wrongExpectedVersion(stream: stream.rawValue, expected: .noStream, actual: 2)) {
                try await Fixtures.append(store, stream, [Fixtures.thing(3)], expected: .noStream)
            }
            let error = StoreError.wrongExpectedVersion(stream: stream.rawValue, expected: .exactly(1), actual: 2)
            #expect(error.description == "wrong expected version for stream \(stream.rawValue): expected 1, actual 2")
            #expect(try await store.streamVersion(stream) == 2)
            let next = try await Fixtures.append(store, stream, [Fixtures.thing(3)], expected: .exactly(2))
            #expect(next.firstVersion == 3)
        }
    }

    @Test("The same command id with the same content returns the original result and writes nothing")
    func idempotentRetry() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            let request = AppendRequest(stream: stream, expectedVersion: .noStream, commandId: UUID(), metadata: Fixtures.metadata(),
                                        events: [Fixtures.thing(1), Fixtures.thing(2)])
            let first = try await store.append(request)
            let second = try await store.append(request)
            #expect(!first.replayed && second.replayed)
            #expect(first.firstPosition == second.firstPosition && first.lastVersion == second.lastVersion)
            #expect(try await store.readStream(stream).count == 2)
        }
    }

    @Test("The same command id with different content is refused and writes nothing")
    func commandIdReuse() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            let commandId = UUID()
            _ = try await Fixtures.append(store, stream, [Fixtures.thing(1)], commandId: commandId)
            await #expect(throws: StoreError.commandIdReused(commandId: commandId)) {
                try await Fixtures.append(store, stream, [Fixtures.thing(99)], commandId: commandId)
            }
            let other = Fixtures.uniqueStream()
            await #expect(throws: StoreError.commandIdReused(commandId: commandId)) {
                try await Fixtures.append(store, other, [Fixtures.thing(1)], commandId: commandId)
            }
            #expect(try await store.readStream(stream).count == 1)
            #expect(try await store.streamVersion(other) == 0)
        }
    }

    @Test("A retry that differs in one part of its content only — data, type, effective date, stream or metadata — is refused and writes nothing")
    func eachPartOfTheContentCounts() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            let commandId = UUID(), metadata = Fixtures.metadata()
            let original = ProposedEvent(eventType: "ThingHappened", schemaVersion: 1, data: ["n": .integer(1)], effectiveDate: try BusinessDate("2024-03-01"))
            let append = { (stream: StreamName, event: ProposedEvent, metadata: EventMetadata) in
                try await store.append(AppendRequest(stream: stream, expectedVersion: .any, commandId: commandId, metadata: metadata, events: [event]))
            }
            _ = try await append(stream, original, metadata)
            var reason = metadata
            reason.reason = "another reason"
            let variants: [(String, StreamName, ProposedEvent, EventMetadata)] = [
                ("data", stream, ProposedEvent(eventType: "ThingHappened", schemaVersion: 1, data: ["n": .integer(2)], effectiveDate: original.effectiveDate), metadata),
                ("type", stream, ProposedEvent(eventType: "LedgerNoteRecorded", schemaVersion: 1, data: ["text": .string("n")], effectiveDate: original.effectiveDate), metadata),
                ("date", stream, ProposedEvent(eventType: "ThingHappened", schemaVersion: 1, data: ["n": .integer(1)], effectiveDate: try BusinessDate("2024-03-02")), metadata),
                ("stream", Fixtures.uniqueStream(), original, metadata),
                ("metadata", stream, original, reason),
            ]
            for (part, stream, event, metadata) in variants {
                await #expect(throws: StoreError.commandIdReused(commandId: commandId), "only the \(part) differs") {
                    try await append(stream, event, metadata)
                }
            }
            #expect(try await append(stream, original, metadata).replayed, "the unchanged retry is still a replay")
            #expect(try await store.readStream(stream).count == 1)
        }
    }

    @Test("A request's metadata always names its command id, also after either is changed")
    func metadataNamesTheCommand() async throws {
        var request = AppendRequest(stream: Fixtures.uniqueStream(), expectedVersion: .any, commandId: UUID(), metadata: Fixtures.metadata(),
                                    events: [Fixtures.thing(1)])
        let other = UUID()
        request.commandId = other
        #expect(request.metadata.commandId == other.uuidString.lowercased())
        request.metadata = Fixtures.metadata(actor: "someone else")
        #expect(request.metadata.commandId == other.uuidString.lowercased())
        #expect(request.metadata.actorId == "someone else")
        let changed = request
        let stored = try await withStore(database) { store in
            _ = try await store.append(changed)
            return try await store.readStream(changed.stream)
        }
        #expect(stored.count == 1 && stored[0].commandId == other)
        #expect(try stored[0].metadataJSON()["commandId"]?.stringValue == other.uuidString.lowercased())
    }

    @Test("A retry whose expected version rules out the recorded result, or that carries more events, is refused")
    func retryMustMatchTheRecord() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            let commandId = UUID(), metadata = Fixtures.metadata()
            let append = { (events: [ProposedEvent], expected: ExpectedVersion) in
                try await store.append(AppendRequest(stream: stream, expectedVersion: expected, commandId: commandId, metadata: metadata, events: events))
            }
            _ = try await append([Fixtures.thing(1), Fixtures.thing(2)], .noStream)
            await #expect(throws: StoreError.commandIdReused(commandId: commandId)) { try await append([Fixtures.thing(1), Fixtures.thing(2)], .exactly(5)) }
            await #expect(throws: StoreError.commandIdReused(commandId: commandId)) { try await append([Fixtures.thing(1)], .noStream) }
            await #expect(throws: StoreError.commandIdReused(commandId: commandId)) {
                try await append([Fixtures.thing(1), Fixtures.thing(2), Fixtures.thing(3)], .noStream)
            }
            let replay = try await append([Fixtures.thing(1), Fixtures.thing(2)], .any)
            #expect(replay.replayed && replay.firstVersion == 1 && replay.lastVersion == 2)
            let request = AppendRequest(stream: stream, expectedVersion: .any, commandId: commandId, metadata: metadata, events: [])
            #expect(try await store.readStream(stream).map(\.eventId) == [request.eventId(at: 0), request.eventId(at: 1)])
            #expect(try await store.streamVersion(stream) == 2)
        }
    }

    @Test("A command recorded before migration 017 (in dibao.commands) is replayed, not written again, and its id is not reusable")
    func legacyCommandReplayed() async throws {
        let stream = Fixtures.uniqueStream()
        let request = AppendRequest(stream: stream, expectedVersion: .any, commandId: UUID(), metadata: Fixtures.metadata(), events: [Fixtures.thing(1)])
        let event = request.events[0]
        let content = HashChain.contentHash(streamId: stream.rawValue, eventId: request.eventId(at: 0).uuidString, eventType: event.eventType,
                                            schemaVersion: event.schemaVersion, data: event.data, metadata: request.metadata.json,
                                            effectiveDate: event.effectiveDate)
        let hash = HashChain.link(previous: HashChain.genesis, streamVersion: 1, contentHash: content)
        // What an append through the old function left: the event, outside events_command_key
        // (old rows have no command_index 0), and the command's row in dibao.commands.
        try await withRunningClient(database.owner) { owner in
            try await owner.query("""
                INSERT INTO dibao.events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata, command_id,
                                          command_index, effective_date, hash, previous_hash)
                VALUES (\(stream.rawValue), 1, \(request.eventId(at: 0)), \(event.eventType), 1, \(CanonicalJSON.string(event.data))::jsonb,
                        \(CanonicalJSON.string(request.metadata.json))::jsonb, \(request.commandId), 1, '2024-03-01',
                        \(ByteBuffer(bytes: hash)), \(ByteBuffer(bytes: HashChain.genesis)))
                """, logger: TestLogging.logger)
            try await owner.query("""
                INSERT INTO dibao.commands (command_id, stream_id, request_hash, first_version, last_version, first_position, last_position)
                SELECT command_id, stream_id, sha256(''), 1, 1, global_position, global_position FROM dibao.events WHERE stream_id = \(stream.rawValue)
                """, logger: TestLogging.logger)
        }
        try await withStore(database) { store in
            let result = try await store.append(request)
            #expect(result.replayed && result.firstVersion == 1)
            #expect(try await store.streamVersion(stream) == 1)
            let elsewhere = Fixtures.uniqueStream()
            await #expect(throws: StoreError.commandIdReused(commandId: request.commandId)) {
                try await store.append(AppendRequest(stream: elsewhere, expectedVersion: .noStream, commandId: request.commandId,
                                                     metadata: request.metadata, events: request.events))
            }
            #expect(try await store.streamVersion(elsewhere) == 0)
        }
    }

    @Test("An append inside a transaction that rolls back leaves no head behind: the next append at that version is a conflict")
    func rolledBackAppendIsForgotten() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            _ = try await Fixtures.append(store, stream, [Fixtures.thing(1)], expected: .noStream)
            try await store.client.withConnection { connection in
                try await connection.query("BEGIN", logger: TestLogging.logger)
                let inside = AppendRequest(stream: stream, expectedVersion: .exactly(1), commandId: UUID(), metadata: Fixtures.metadata(),
                                           events: [Fixtures.thing(2)])
                _ = try await store.append(inside, on: connection)
                try await connection.query("ROLLBACK", logger: TestLogging.logger)
            }
            await #expect(throws: StoreError.wrongExpectedVersion(stream: stream.rawValue, expected: .exactly(2), actual: 1)) {
                try await Fixtures.append(store, stream, [Fixtures.thing(3)], expected: .exactly(2))
            }
            _ = try await Fixtures.append(store, stream, [Fixtures.thing(2)], expected: .exactly(1))
            let events = try await store.readStream(stream)
            #expect(events.map(\.streamVersion) == [1, 2])
            #expect(events[1].previousHash == events[0].hash)
        }
    }

    @Test("Inside a caller's transaction the same rules hold: a recorded command is replayed, a reused id is refused, both without writing")
    func idempotentInsideTransaction() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            let commandId = UUID(), metadata = Fixtures.metadata()
            let request = AppendRequest(stream: stream, expectedVersion: .noStream, commandId: commandId, metadata: metadata, events: [Fixtures.thing(1)])
            let first = try await store.append(request)
            let elsewhere = Fixtures.uniqueStream()
            try await store.client.withConnection { connection in
                try await connection.query("BEGIN", logger: TestLogging.logger)
                let replay = try await store.append(request, on: connection)
                #expect(replay.replayed && replay.firstPosition == first.firstPosition)
                var reused = request
                reused.stream = elsewhere
                await #expect(throws: StoreError.commandIdReused(commandId: commandId)) { try await store.append(reused, on: connection) }
                // The transaction is intact after both answers: it still takes an append.
                let next = AppendRequest(stream: stream, expectedVersion: .exactly(1), commandId: UUID(), metadata: metadata, events: [Fixtures.thing(2)])
                #expect(try await store.append(next, on: connection).firstVersion == 2)
                try await connection.query("COMMIT", logger: TestLogging.logger)
            }
            #expect(try await store.readStream(stream).map(\.streamVersion) == [1, 2])
            #expect(try await store.streamVersion(elsewhere) == 0)
        }
    }

    @Test("Writers in two processes (two stores, two head caches) take turns on one stream; the chain stays whole")
    func twoStoresTakeTurns() async throws {
        try await withStore(database) { first in
            try await withStore(database) { second in
                let stream = Fixtures.uniqueStream()
                _ = try await Fixtures.append(first, stream, [Fixtures.thing(1)], expected: .noStream)
                _ = try await Fixtures.append(second, stream, [Fixtures.thing(2)], expected: .exactly(1))
                _ = try await Fixtures.append(first, stream, [Fixtures.thing(3), Fixtures.thing(4)], expected: .exactly(2))
                await #expect(throws: StoreError.wrongExpectedVersion(stream: stream.rawValue, expected: .exactly(2), actual: 4)) {
                    try await Fixtures.append(second, stream, [Fixtures.thing(5)], expected: .exactly(2))
                }
                await #expect(throws: StoreError.wrongExpectedVersion(stream: stream.rawValue, expected: .exactly(7), actual: 4)) {
                    try await Fixtures.append(second, stream, [Fixtures.thing(5)], expected: .exactly(7))
                }
                _ = try await Fixtures.append(second, stream, [Fixtures.thing(5)], expected: .exactly(4))
                let events = try await first.readStream(stream)
                #expect(events.map(\.streamVersion) == [1, 2, 3, 4, 5])
                #expect(events[0].previousHash == HashChain.genesis)
                for (previous, event) in zip(events, events.dropFirst()) { #expect(event.previousHash == previous.hash) }
                for event in events { #expect(try event.hashIsIntact()) }
            }
        }
    }

    @Test("Concurrent retries of one command write its events exactly once", arguments: [ExpectedVersion.any, .noStream])
    func concurrentRetries(expected: ExpectedVersion) async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            let request = AppendRequest(stream: stream, expectedVersion: expected, commandId: UUID(), metadata: Fixtures.metadata(),
                                        events: [Fixtures.thing(1), Fixtures.thing(2)])
            let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
                for _ in 0..<16 { group.addTask { try await store.append(request) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter { !$0.replayed }.count == 1)
            #expect(Set(results.map(\.firstPosition)).count == 1)
            #expect(try await store.readStream(stream).map(\.streamVersion) == [1, 2])
        }
    }

    @Test("Concurrent writers with 'any' all land, with contiguous versions and an intact chain")
    func concurrentAnyWriters() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<20 { group.addTask { _ = try await Fixtures.append(store, stream, [Fixtures.thing(Int64(n))]) } }
                try await group.waitForAll()
            }
            let events = try await store.readStream(stream)
            #expect(events.map(\.streamVersion) == Array(1...20))
            #expect(Set(events.compactMap { try? $0.dataJSON()["n"]?.integerValue }) == Set(0..<20))
            for (previous, event) in zip(events, events.dropFirst()) { #expect(event.previousHash == previous.hash) }
        }
    }

    @Test("Of concurrent writers expecting the same version exactly one wins; the others get a conflict")
    func concurrentExactWriters() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            _ = try await Fixtures.append(store, stream, [Fixtures.thing(0)], expected: .noStream)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for n in 1...8 {
                    group.addTask {
                        do { _ = try await Fixtures.append(store, stream, [Fixtures.thing(Int64(n))], expected: .exactly(1)); return true }
                        catch StoreError.wrongExpectedVersion(_, .exactly(1), 2) { return false }
                        catch { Issue.record("unexpected \(error)"); return false }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await store.streamVersion(stream) == 2)
        }
    }

    @Test("Unknown types, malformed data, oversized payloads and empty appends are refused, naming the field")
    func invalidAppends() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            let date = try BusinessDate("2024-03-01")
            await #expect(throws: StoreError.invalid(.unknownEventType("NoSuchThing", schemaVersion: 1))) {
                try await Fixtures.append(store, stream, [ProposedEvent(eventType: "NoSuchThing", schemaVersion: 1, data: ["n": 1], effectiveDate: date)])
            }
            await #expect(throws: StoreError.invalid(.unknownEventType("ThingHappened", schemaVersion: 2))) {
                try await Fixtures.append(store, stream, [ProposedEvent(eventType: "ThingHappened", schemaVersion: 2, data: ["n": 1], effectiveDate: date)])
            }
            await #expect(throws: StoreError.invalid(.invalid(field: "events[1].data.n", reason: "required integer"))) {
                try await Fixtures.append(store, stream, [Fixtures.thing(1), ProposedEvent(eventType: "ThingHappened", schemaVersion: 1, data: ["n": "one"], effectiveDate: date)])
            }
            let huge = JSONValue.string(String(repeating: "x", count: EventCatalogue.dataBytesMax))
            await #expect(throws: StoreError.invalid(.payloadTooLarge(field: "events[0].data", bytes: EventCatalogue.dataBytesMax + 16, bytesMax: EventCatalogue.dataBytesMax))) {
                try await Fixtures.append(store, stream, [ProposedEvent(eventType: "ThingHappened", schemaVersion: 1, data: ["n": 1, "pad": huge], effectiveDate: date)])
            }
            await #expect(throws: StoreError.invalid(.invalid(field: "events", reason: "an append needs at least one event"))) {
                try await Fixtures.append(store, stream, [])
            }
            await #expect(throws: StoreError.invalid(.invalid(field: "events[0].data", reason: "must be a JSON object"))) {
                try await Fixtures.append(store, stream, [ProposedEvent(eventType: "ThingHappened", schemaVersion: 1, data: [1, 2], effectiveDate: date)])
            }
            await #expect(throws: StoreError.invalid(.invalid(field: "events[0].data", reason: "the NUL character (U+0000) is not allowed"))) {
                try await Fixtures.append(store, stream, [ProposedEvent(eventType: "ThingHappened", schemaVersion: 1, data: ["n": 1, "s": "a\u{0}b"], effectiveDate: date)])
            }
            #expect(try await store.streamVersion(stream) == 0)
        }
    }

    @Test("Metadata one byte over 4 KiB is refused naming the field and writes nothing; at 4 KiB exactly it is accepted")
    func metadataBound() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            /// A request whose canonical metadata is `bytes` long: the reason pads it (ASCII, one byte a character).
            func request(metadataBytes bytes: Int) -> AppendRequest {
                var metadata = Fixtures.metadata()
                metadata.reason = ""
                let commandId = UUID()
                let bare = AppendRequest(stream: stream, expectedVersion: .any, commandId: commandId, metadata: metadata, events: [Fixtures.thing(1)])
                metadata.reason = String(repeating: "r", count: bytes - CanonicalJSON.bytes(bare.metadata.json).count)
                let padded = AppendRequest(stream: stream, expectedVersion: .any, commandId: commandId, metadata: metadata, events: [Fixtures.thing(1)])
                #expect(CanonicalJSON.bytes(padded.metadata.json).count == bytes)
                return padded
            }
            let bound = EventCatalogue.metadataBytesMax
            #expect(bound == 4 * 1024)
            let tooLarge = request(metadataBytes: bound + 1)
            await #expect(throws: StoreError.invalid(.payloadTooLarge(field: "metadata", bytes: bound + 1, bytesMax: bound))) {
                try await store.append(tooLarge)
            }
            #expect(try await store.streamVersion(stream) == 0)
            #expect(try await store.client.query("SELECT count(*) FROM dibao.events WHERE command_id = \(tooLarge.commandId)", logger: TestLogging.logger)
                .decode(Int64.self).first { _ in true } == 0, "nothing of the command was written")
            let accepted = try await store.append(request(metadataBytes: bound))
            #expect(accepted.firstVersion == 1 && !accepted.replayed)
            let stored = try #require(try await store.readStream(stream).first)
            #expect(CanonicalJSON.bytes(try stored.metadataJSON()).count == bound)
            #expect(try stored.hashIsIntact())
        }
    }

    @Test("Stored data round-trips through jsonb to the same canonical bytes, so hashes stay verifiable")
    func canonicalRoundTrip() async throws {
        try await withStore(database) { store in
            let stream = Fixtures.uniqueStream()
            let data: JSONValue = ["n": 7, "名字": "张三\u{1F600}\"\\\n", "nested": ["z": [1, -2, .null, true], "a": .object([:])], "aa": "", "b": 9_007_199_254_740_993]
            _ = try await Fixtures.append(store, stream, [ProposedEvent(eventType: "ThingHappened", schemaVersion: 1, data: data, effectiveDate: try BusinessDate("2024-02-29"))])
            let event = try #require(try await store.readStream(stream).first)
            #expect(try event.dataJSON() == data)
            #expect(try event.hashIsIntact())
            #expect(event.effectiveDate.description == "2024-02-29")
        }
    }
}
