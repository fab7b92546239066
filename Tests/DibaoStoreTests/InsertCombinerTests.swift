@testable import DibaoStore
import DibaoTestSupport
import Foundation
import Testing

/// The group-commit queue on its own: who inserts alone, who waits, which waiting commands share
/// a statement. The inserts are recorded instead of sent; the statements themselves are tested
/// against PostgreSQL in `GroupCommitTests`.
@Suite("Group commit: who waits, and who shares a statement", .timeLimit(.minutes(1)))
struct InsertCombinerTests {
    /// One command's rows, labelled by its stream and command id.
    static func command(_ stream: String, events: Int = 1, commandId: UUID = UUID()) -> InsertCombiner.Rows {
        (0..<events).map { index in
            AppendStatements.EventRow(streamId: stream, version: Int64(index + 1), eventId: UUID(), eventType: "ThingHappened",
                                      schemaVersion: 1, data: Array("{}".utf8), metadata: Array("{}".utf8), commandId: commandId,
                                      effectiveDate: "2024-03-01", hash: [], previousHash: [])
        }
    }

    /// Records every insert; an insert of a stream in `held` waits until `release()`.
    final class Recorder: Sendable {
        let alone = Shared<[String]>([])
        let groups = Shared<[[String]]>([])
        let held: Set<String>
        private let released = Shared(false)

        init(holding held: Set<String> = []) {
            self.held = held
        }

        func release() { released.value = true }

        private func waitForRelease() async {
            while !released.value { try? await Task.sleep(for: .milliseconds(1)) }
        }

        func insertAlone(_ rows: InsertCombiner.Rows) async throws -> InsertCombiner.Inserted {
            alone.withLock { $0.append(rows[0].streamId) }
            if held.contains(rows[0].streamId) { await waitForRelease() }
            return InsertCombiner.Inserted(first: 1, last: Int64(rows.count), count: Int64(rows.count))
        }

        func insertGroup(_ batch: [InsertCombiner.Rows], answer: InsertCombiner.Outcome? = nil) async -> [InsertCombiner.Outcome] {
            groups.withLock { $0.append(batch.map { $0[0].streamId }) }
            if batch.contains(where: { held.contains($0[0].streamId) }) { await waitForRelease() }
            return batch.map { answer ?? .success(InsertCombiner.Inserted(first: 1, last: Int64($0.count), count: Int64($0.count))) }
        }
    }

    /// Waits (bounded: 20 s, for a machine busy with the rest of the suite) until `condition` holds.
    static func eventually(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while !condition(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(1)) }
        #expect(condition())
    }

    @Test("An idle store inserts a command at once, alone")
    func idle() async throws {
        let combiner = InsertCombiner()
        let recorder = Recorder()
        let inserted = try await combiner.insert(Self.command("a"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) })
        #expect(inserted.count == 1)
        #expect(recorder.alone.value == ["a"])
        #expect(recorder.groups.value.isEmpty)
    }

    @Test("Commands arriving during an insert wait, then share one; never two of one stream or one command id")
    func waitersShare() async throws {
        let combiner = InsertCombiner()
        let recorder = Recorder(holding: ["first"])
        let repeated = UUID()
        try await withThrowingTaskGroup(of: InsertCombiner.Inserted.self) { tasks in
            tasks.addTask { try await combiner.insert(Self.command("first"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) }) }
            try await Self.eventually { recorder.alone.value == ["first"] }
            let arrivals = [Self.command("b"), Self.command("c", commandId: repeated), Self.command("b"), Self.command("d", commandId: repeated)]
            for (index, rows) in arrivals.enumerated() {
                tasks.addTask { try await combiner.insert(rows, alone: recorder.insertAlone, group: { await recorder.insertGroup($0) }) }
                try await Self.eventually { combiner.waitingCount == index + 1 }
            }
            recorder.release()
            for try await inserted in tasks { #expect(inserted.count == 1) }
        }
        // b and c share the next insert; the second b (same stream) and d (c's command id) the one after.
        #expect(recorder.groups.value == [["b", "c"], ["b", "d"]])
        #expect(recorder.alone.value == ["first"])
        #expect(combiner.waitingCount == 0)
    }

    @Test("A large command never waits for a group")
    func largeGoesAlone() async throws {
        let combiner = InsertCombiner(soloEvents: 16)
        let recorder = Recorder(holding: ["first"])
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { _ = try await combiner.insert(Self.command("first"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) }) }
            try await Self.eventually { recorder.alone.value == ["first"] }
            let large = try await combiner.insert(Self.command("large", events: 16), alone: recorder.insertAlone,
                                                  group: { await recorder.insertGroup($0) })
            #expect(large.count == 16)
            recorder.release()
            try await tasks.waitForAll()
        }
        #expect(recorder.alone.value == ["first", "large"])
    }

    @Test("A crowd of waiting commands opens a second insert beside the one in flight, without the streams in flight")
    func crowdOpensSecondInsert() async throws {
        let combiner = InsertCombiner(flightsMax: 2, crowd: 3)
        let recorder = Recorder(holding: ["first"])
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { _ = try await combiner.insert(Self.command("first"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) }) }
            try await Self.eventually { recorder.alone.value == ["first"] }
            for (index, stream) in ["b", "first", "c"].enumerated() {
                tasks.addTask { _ = try await combiner.insert(Self.command(stream), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) }) }
                try await Self.eventually { combiner.waitingCount == index + 1 }
            }
            // The first insert is still held: the next arrival leads a second one with the crowd,
            // except the command on the stream in flight, which waits for it.
            _ = try await combiner.insert(Self.command("d"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) })
            #expect(recorder.groups.value == [["d", "b", "c"]])
            #expect(combiner.waitingCount == 1)
            // An arrival on the stream in flight never leads beside it, crowd or not.
            tasks.addTask { _ = try await combiner.insert(Self.command("first"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) }) }
            try await Self.eventually { combiner.waitingCount == 2 }
            recorder.release()
            try await tasks.waitForAll()
        }
        #expect(recorder.alone.value == ["first", "first", "first"])
        #expect(combiner.waitingCount == 0)
    }

    @Test("An insert in flight past the stall bound no longer holds back an arriving command")
    func stalledInsert() async throws {
        let combiner = InsertCombiner(flightsMax: 2, crowd: 100, stallAfter: .milliseconds(20))
        let recorder = Recorder(holding: ["first"])
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { _ = try await combiner.insert(Self.command("first"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) }) }
            try await Self.eventually { recorder.alone.value == ["first"] }
            tasks.addTask { _ = try await combiner.insert(Self.command("b"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) }) }
            try await Self.eventually { combiner.waitingCount == 1 }
            try await Task.sleep(for: .milliseconds(30))
            _ = try await combiner.insert(Self.command("c"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) })
            #expect(recorder.groups.value == [["c", "b"]])
            recorder.release()
            try await tasks.waitForAll()
        }
    }

    @Test("A lone insert that throws passes its turn on: the error is its caller's, and the next command goes at once")
    func failingLoneInsert() async throws {
        struct Refused: Error {}
        let combiner = InsertCombiner()
        await #expect(throws: Refused.self) {
            try await combiner.insert(Self.command("a"), alone: { _ in throw Refused() }, group: { _ in [] })
        }
        let recorder = Recorder()
        _ = try await combiner.insert(Self.command("b"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) })
        #expect(recorder.alone.value == ["b"])
        #expect(combiner.waitingCount == 0)
    }

    @Test("A group that could not decide sends every command back to insert alone")
    func undecidedGroup() async throws {
        let combiner = InsertCombiner()
        let recorder = Recorder(holding: ["first"])
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { _ = try await combiner.insert(Self.command("first"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) }) }
            try await Self.eventually { recorder.alone.value == ["first"] }
            for (index, stream) in ["b", "c"].enumerated() {
                tasks.addTask {
                    let inserted = try await combiner.insert(Self.command(stream), alone: recorder.insertAlone,
                                                             group: { await recorder.insertGroup($0, answer: .failure(InsertCombiner.InsertAlone())) })
                    #expect(inserted.count == 1)
                }
                try await Self.eventually { combiner.waitingCount == index + 1 }
            }
            recorder.release()
            try await tasks.waitForAll()
        }
        #expect(recorder.groups.value == [["b", "c"]])
        #expect(recorder.alone.value.sorted() == ["b", "c", "first"])
    }

    @Test("Group commit off: every command alone, even while another is in flight")
    func disabled() async throws {
        let combiner = InsertCombiner(enabled: false)
        let recorder = Recorder(holding: ["first"])
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { _ = try await combiner.insert(Self.command("first"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) }) }
            try await Self.eventually { recorder.alone.value == ["first"] }
            _ = try await combiner.insert(Self.command("b"), alone: recorder.insertAlone, group: { await recorder.insertGroup($0) })
            recorder.release()
            try await tasks.waitForAll()
        }
        #expect(recorder.alone.value == ["first", "b"])
        #expect(recorder.groups.value.isEmpty)
    }
}
