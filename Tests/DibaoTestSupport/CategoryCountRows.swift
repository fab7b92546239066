import Foundation
import PostgresNIO

/// The rows of the `category_daily_counts` read model as `category day events` lines, and the
/// same lines counted straight from the log: a projection that lost or repeated an event
/// differs from the log's own count.
public enum CategoryCountRows {
    /// The rows of `relation` (the live view by default, or one generation's table).
    public static func model(_ client: PostgresClient, relation: String = "dibao.category_daily_counts_counts") async throws -> [String] {
        try await lines(client, PostgresQuery(unsafeSQL: "SELECT category, day::text, events FROM \(relation) ORDER BY 1, 2"))
    }

    /// Events per category and China Standard Time day of `recorded_at`, counted in dibao.events.
    public static func log(_ client: PostgresClient) async throws -> [String] {
        try await lines(client, """
            SELECT stream_category, ((recorded_at AT TIME ZONE 'UTC') + interval '8 hours')::date::text, count(*)
              FROM dibao.events GROUP BY 1, 2 ORDER BY 1, 2
            """)
    }

    private static func lines(_ client: PostgresClient, _ query: PostgresQuery) async throws -> [String] {
        var lines: [String] = []
        for try await (category, day, events) in try await client.query(query, logger: TestLogging.logger).decode((String, String, Int64).self) {
            lines.append("\(category) \(day) \(events)")
        }
        return lines
    }
}
