import DibaoEvents
@testable import DibaoStore
import DibaoTestSupport
import Foundation
import Testing

/// A reader that declares fewer columns gets the same checkpoints and the same values in the
/// columns it asked for; the default still reads everything, dates and hashes intact.
@Suite("Reading the global log with fewer columns", .tags(.postgres))
struct ReadColumnsTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("readcolumns") }

    /// Reads `category` from the start until `count` events are seen (the horizon is cluster-wide).
    static func readAll(_ store: EventStore, _ category: String, count: Int, columns: EventColumns) async throws -> [RecordedEvent] {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let events = try await store.readAll(after: .start, category: category, limit: 100, columns: columns)
            if events.count >= count { return events }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the events did not become readable within 30 seconds")
        return []
    }

    @Test("Fewer columns: same checkpoints, stream ids and recorded_at as a full read; the full read is unchanged")
    func fewerColumnsMatchFullRead() async throws {
        try await withStore(database) { store in
            let category = "k" + UUID().uuidString.prefix(8).lowercased()
            let dates = ["2024-02-29", "1970-01-01", "1969-12-31", "2000-03-01"]
            for (index, date) in dates.enumerated() {
                _ = try await Fixtures.append(store, Fixtures.uniqueStream(category), [Fixtures.thing(Int64(index), date: date)])
            }
            let full = try await Self.readAll(store, category, count: dates.count, columns: .all)
            let slim = try await Self.readAll(store, category, count: dates.count, columns: [.streamId, .recordedAt])

            #expect(full.count == dates.count)
            #expect(full.allSatisfy { $0.columns == .all })
            #expect(full.map(\.effectiveDate.description) == dates)
            #expect(try full.allSatisfy { try $0.hashIsIntact() })
            #expect(try full.map { try $0.dataJSON()["n"]?.integerValue } == [0, 1, 2, 3])

            #expect(slim.map(\.checkpoint) == full.map(\.checkpoint))
            #expect(slim.map(\.streamId) == full.map(\.streamId))
            #expect(slim.map(\.category) == Array(repeating: category, count: dates.count))
            #expect(slim.map(\.recordedAt) == full.map(\.recordedAt))
            #expect(slim.allSatisfy { $0.columns == [.streamId, .recordedAt] })
        }
    }

    @Test("The select list names converted columns apart from the table's, so ORDER BY binds to the table column")
    func convertedColumnsKeepTheirOwnNames() {
        let list = EventRowDecoding.selectList(.all)
        #expect(list.contains("transaction_id::text::bigint AS transaction_id_int8"))
        #expect(!list.contains("AS transaction_id,") && !list.contains("AS effective_date,") && !list.contains("AS data,"))
        #expect(EventRowDecoding.selectList([]) == EventRowDecoding.checkpointColumns)
    }

    @Test("Effective dates travel as days since 1970 and come back as the same calendar date")
    func daysSince1970() throws {
        #expect(try BusinessDate(daysSince1970: 0).description == "1970-01-01")
        #expect(try BusinessDate(daysSince1970: -1).description == "1969-12-31")
        #expect(try BusinessDate(daysSince1970: 19_782).description == "2024-02-29")
        #expect(try BusinessDate(daysSince1970: -25_567).description == "1900-01-01")
        #expect(throws: EventValidationError.self) { try BusinessDate(daysSince1970: -25_568) }
    }

    @Test("Reading a field whose column was not selected traps instead of handing out a placeholder")
    func undeclaredColumnTraps() async {
        await #expect(processExitsWith: .failure) {
            let event = RecordedEvent(globalPosition: 1, transactionId: 1, columns: [.streamId], streamId: "case-1")
            _ = event.eventType
        }
    }
}
