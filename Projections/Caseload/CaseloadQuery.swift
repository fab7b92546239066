import DibaoCasework
import DibaoEvents
import DibaoStore
import Logging
import PostgresNIO

/// Caseload questions answered from the `caseload` views: the current caseload and the caseload
/// as of a past date, rolled up village → township → county → prefecture → province, by
/// programme and status (active, tapering, suspended).
public struct CaseloadQuery: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The current caseload (every decision recorded so far) of `jurisdiction`, from its own
    /// level down to `lowest`. Rows are ordered by level, region code, programme, status.
    public func current(_ jurisdiction: RegionCode, downTo lowest: RegionLevel = .village) async throws -> [CaseloadRollupRow] {
        try await rollup(CaseloadSnapshotSQL.currentCases(in: jurisdiction), from: RegionLevel(of: jurisdiction), downTo: lowest)
    }

    /// The caseload as of the end of `date` by effective dates (entitlement months, RULES.md F-23),
    /// with what is recorded now: a decision recorded later but effective earlier counts.
    public func asOf(_ date: BusinessDate, _ jurisdiction: RegionCode, downTo lowest: RegionLevel = .village) async throws -> [CaseloadRollupRow] {
        try await rollup(CaseloadSnapshotSQL.cases(asOf: date, in: jurisdiction, statuses: CaseloadBuckets.statuses),
                         from: RegionLevel(of: jurisdiction), downTo: lowest)
    }

    private func rollup(_ cases: String, from highest: RegionLevel, downTo lowest: RegionLevel) async throws -> [CaseloadRollupRow] {
        do { return try await rollupRows(cases, from: highest, downTo: lowest) } catch { throw StoreError.unavailable(error) }
    }

    private func rollupRows(_ cases: String, from highest: RegionLevel, downTo lowest: RegionLevel) async throws -> [CaseloadRollupRow] {
        let levels = RegionLevel.allCases.filter { $0 >= highest && $0 <= lowest }
        guard !levels.isEmpty else { return [] }
        let groups = levels.map { level in
            """
            SELECT \(level.rawValue)::bigint, \(level.codeExpression("village_code")), programme, status,
                   count(*)::bigint, sum(persons)::bigint, sum(monthly_amount_fen)::bigint
              FROM base GROUP BY 2, 3, 4
            """
        }.joined(separator: "\nUNION ALL\n")
        let rows = try await client.query(PostgresQuery(unsafeSQL: "WITH base AS (\(cases))\n\(groups)"), logger: logger)
        var result: [CaseloadRollupRow] = []
        for try await (level, code, programme, status, households, persons, amount) in rows.decode((Int, String, String, String, Int64, Int64, Int64).self) {
            guard let level = RegionLevel(rawValue: level), let programme = Programme(rawValue: programme), let status = CaseStatus(rawValue: status) else { continue }
            result.append(CaseloadRollupRow(regionCode: code, level: level, programme: programme, status: status,
                                            figures: CaseloadFigures(households: households, persons: persons, monthlyAmountFen: amount)))
        }
        return result.sorted { CaseloadBuckets.order($0) < CaseloadBuckets.order($1) }
    }
}
