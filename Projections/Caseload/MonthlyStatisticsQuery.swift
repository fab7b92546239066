import DibaoCasework
import DibaoEvents
import DibaoStore
import Logging
import PostgresNIO

/// The 民政统计月报 figures of a jurisdiction and month from the `caseload` views.
public struct MonthlyStatisticsQuery: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The month's figures beside the previous month's (上期) and the change (环比). Every figure
    /// comes from one snapshot of the read model: a live batch or a rebuild's switch between
    /// two of its queries cannot make the totals disagree with the movements.
    public func statistics(_ jurisdiction: RegionCode, month: CalendarMonth) async throws -> MonthlyStatistics {
        do {
            return try await client.transaction(logger: logger, snapshot: true) { connection in
                try await connection.query(PostgresQuery(unsafeSQL: Self.lockViews), logger: logger)
                return try await figures(jurisdiction, month: month, on: connection)
            }
        } catch {
            throw StoreError.unavailable(error)
        }
    }

    /// Locks the caseload views, in the order a rebuild's switch replaces them (`pointViews`),
    /// before the snapshot is taken (a `LOCK` takes none): a switch under way is waited for and
    /// its result read whole, and none can start between two of the report's queries — nor
    /// meet the report in a lock-order cycle, as it could if the views were locked as the
    /// queries first touch them.
    static let lockViews: String = {
        let caseload = Caseload()
        let names = ReadModelNames(projection: caseload.name, generation: 0)
        return "LOCK TABLE " + caseload.tables.map(names.view).joined(separator: ", ") + " IN ACCESS SHARE MODE"
    }()

    private func figures(_ jurisdiction: RegionCode, month: CalendarMonth, on connection: PostgresConnection) async throws -> MonthlyStatistics {
        let current = try await programmeFigures(jurisdiction, month, on: connection)
        let previous = try await programmeFigures(jurisdiction, month.adding(months: -1), on: connection)
        let programmes = CaseloadBuckets.programmes.map {
            ProgrammeMonthComparison(programme: $0, current: current[$0] ?? ProgrammeMonthFigures(), previous: previous[$0] ?? ProgrammeMonthFigures())
        }
        let temporary = TemporaryAssistanceComparison(current: try await temporaryFigures(jurisdiction, month, on: connection),
                                                      previous: try await temporaryFigures(jurisdiction, month.adding(months: -1), on: connection))
        return MonthlyStatistics(jurisdiction: jurisdiction, month: month, programmes: programmes, temporaryAssistance: temporary)
    }

    private func programmeFigures(_ jurisdiction: RegionCode, _ month: CalendarMonth,
                                  on connection: PostgresConnection) async throws -> [Programme: ProgrammeMonthFigures] {
        let monthEnd = try BusinessDate(year: month.year, month: month.month, day: BusinessDate.daysIn(year: month.year, month: month.month))
        var figures: [Programme: ProgrammeMonthFigures] = [:]
        // In the caseload at the month's end: active or tapering for that benefit month (F-23).
        let inCaseload = CaseloadSnapshotSQL.cases(asOf: monthEnd, in: jurisdiction, statuses: [.active, .tapering])
        let totals = "SELECT programme, count(*)::bigint, sum(persons)::bigint, sum(monthly_amount_fen)::bigint FROM (\(inCaseload)) c GROUP BY 1"
        for (programme, households, persons, amount) in try await rows(totals, on: connection) {
            figures[programme, default: ProgrammeMonthFigures()].households = households
            figures[programme, default: ProgrammeMonthFigures()].persons = persons
            figures[programme, default: ProgrammeMonthFigures()].amountFen = amount
        }
        for (programme, households, persons, _) in try await rows(movement("entry_month", month, jurisdiction), on: connection) {
            figures[programme, default: ProgrammeMonthFigures()].householdsEntered = households
            figures[programme, default: ProgrammeMonthFigures()].personsEntered = persons
        }
        for (programme, households, persons, _) in try await rows(movement("exit_month", month, jurisdiction), on: connection) {
            figures[programme, default: ProgrammeMonthFigures()].householdsExited = households
            figures[programme, default: ProgrammeMonthFigures()].personsExited = persons
        }
        return figures
    }

    /// Cases whose `column` (`entry_month` or `exit_month`) is `month`.
    private func movement(_ column: String, _ month: CalendarMonth, _ jurisdiction: RegionCode) -> String {
        """
        SELECT programme, count(*)::bigint, sum(persons)::bigint, 0::bigint FROM dibao.caseload_cases
         WHERE village_code LIKE \(CaseloadSnapshotSQL.pattern(jurisdiction)) AND \(column) = '\(month)'
           AND programme IN (\(CaseloadBuckets.programmeList))
         GROUP BY 1
        """
    }

    private func rows(_ sql: String, on connection: PostgresConnection) async throws -> [(Programme, Int64, Int64, Int64)] {
        var result: [(Programme, Int64, Int64, Int64)] = []
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        for try await (programme, first, second, third) in rows.decode((String, Int64, Int64, Int64).self) {
            if let programme = Programme(rawValue: programme) { result.append((programme, first, second, third)) }
        }
        return result
    }

    private func temporaryFigures(_ jurisdiction: RegionCode, _ month: CalendarMonth,
                                  on connection: PostgresConnection) async throws -> TemporaryAssistanceMonthFigures {
        let next = month.adding(months: 1)
        let rows = try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT coalesce(sum(amount_fen), 0)::bigint, coalesce(sum(person_times), 0)::bigint, count(*)::bigint
              FROM dibao.caseload_temporary_payments
             WHERE region_code LIKE \(CaseloadSnapshotSQL.pattern(jurisdiction))
               AND paid_on >= '\(month.firstDay)'::date AND paid_on < '\(next.firstDay)'::date
            """), logger: logger)
        var figures = TemporaryAssistanceMonthFigures()
        for try await (amount, personTimes, payments) in rows.decode((Int64, Int64, Int64).self) {
            (figures.amountFen, figures.personTimes, figures.payments) = (amount, personTimes, payments)
        }
        return figures
    }
}
