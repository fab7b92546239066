import DibaoEvents
import DibaoStore
import Foundation
import Logging
import PostgresNIO

/// Events per stream category and day (China Standard Time, UTC+8, of `recorded_at`): a small
/// real read model that exercises the engine, and a quick answer to "how busy was the ledger".
/// View: `dibao.category_daily_counts_counts (category, day, events)`.
public struct CategoryDailyCounts: Projection {
    public let name = "category_daily_counts"
    public let category: String? = nil
    public let tables = ["counts"]
    /// The category comes from the stream id and the day from `recorded_at`; nothing else.
    public let columns: EventColumns = [.streamId, .recordedAt]

    public init() {}

    public func createTables(_ names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: """
            CREATE TABLE \(names.table("counts")) (
                category text   NOT NULL,
                day      date   NOT NULL,
                events   bigint NOT NULL,
                PRIMARY KEY (category, day))
            """), logger: logger)
    }

    public func apply(_ events: [RecordedEvent], to names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        // Count by day number and format each distinct day once: a page holds thousands of
        // events and a handful of days.
        var counts: [Key: Int64] = [:]
        for event in events { counts[Key(category: event.category, day: Self.chinaDayNumber(event.recordedAt)), default: 0] += 1 }
        let keys = counts.keys.sorted { ($0.category, $0.day) < ($1.category, $1.day) }
        let table = names.table("counts")
        try await connection.query("""
            INSERT INTO \(unescaped: table) AS t (category, day, events)
            SELECT * FROM unnest(\(keys.map(\.category))::text[], \(try keys.map { try BusinessDate(daysSince1970: $0.day).description })::text[]::date[],
                                 \(keys.map { counts[$0]! })::bigint[])
            ON CONFLICT (category, day) DO UPDATE SET events = t.events + excluded.events
            """, logger: logger)
    }

    private struct Key: Hashable {
        let category: String
        /// Days since 1970-01-01 in UTC+8.
        let day: Int
    }

    /// Days since 1970-01-01 of the instant in UTC+8 (China has one time zone and no daylight saving).
    static func chinaDayNumber(_ instant: Date) -> Int {
        Int((instant.timeIntervalSince1970 + 8 * 3600).rounded(.down) / 86_400)
    }
}
