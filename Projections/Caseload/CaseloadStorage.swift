import DibaoCasework
import DibaoEvents
import Logging
import PostgresNIO

/// Reads and writes the caseload tables of one generation: a batch loads the rows of the cases
/// it touches, folds in memory, then writes each table with one set-based statement.
/// Nullable columns travel as sentinels (`''`, `-1`) in the arrays and become NULL in SQL.
enum CaseloadStorage {
    static func load(_ caseIds: [String], from names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws -> [String: CaseloadRow] {
        let rows = try await connection.query("""
            SELECT case_id, village_code, programme, status, coalesce(status_before_suspension, ''), persons::bigint, monthly_amount_fen,
                   coalesce(amount_event_id, ''), submitted_on::text, coalesce(entry_month, ''), coalesce(exit_month, ''), last_stream_version
              FROM \(unescaped: names.table("cases")) WHERE case_id = ANY(\(caseIds)::text[])
            """, logger: logger)
        var found: [String: CaseloadRow] = [:]
        for try await (caseId, village, programme, status, before, persons, amount, amountEvent, submitted, entry, exit, version)
            in rows.decode((String, String, String, String, String, Int, Int64, String, String, String, String, Int64).self) {
            found[caseId] = CaseloadRow(
                caseId: caseId, villageCode: village, programme: programme, status: CaseStatus(rawValue: status) ?? .pending,
                statusBeforeSuspension: CaseStatus(rawValue: before), persons: persons, monthlyAmountFen: amount,
                amountEventId: amountEvent.isEmpty ? nil : amountEvent, submittedOn: try BusinessDate(submitted),
                entryMonth: entry.isEmpty ? nil : try CalendarMonth(entry), exitMonth: exit.isEmpty ? nil : try CalendarMonth(exit),
                lastStreamVersion: version)
        }
        return found
    }

    static func write(rows: [CaseloadRow], changes: CaseloadChanges, to names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        if !rows.isEmpty { try await upsert(rows, into: names.table("cases"), on: connection, logger: logger) }
        if !changes.history.isEmpty { try await insert(changes.history, into: names.table("history"), on: connection, logger: logger) }
        if !changes.payments.isEmpty { try await insert(changes.payments, into: names.table("temporary_payments"), on: connection, logger: logger) }
        // After the inserts, so a correction in the same batch as the event it corrects finds its row.
        if !changes.corrections.isEmpty { try await correct(changes.corrections, in: names.table("history"), on: connection, logger: logger) }
    }

    private static func upsert(_ rows: [CaseloadRow], into table: String, on connection: PostgresConnection, logger: Logger) async throws {
        let rows = rows.sorted { $0.caseId < $1.caseId }
        try await connection.query("""
            INSERT INTO \(unescaped: table) AS t (case_id, village_code, programme, status, status_before_suspension, persons, monthly_amount_fen,
                                                  amount_event_id, submitted_on, entry_month, exit_month, last_stream_version)
            SELECT c, v, p, s, NULLIF(b, ''), n::integer, a, NULLIF(e, ''), d::date, NULLIF(em, ''), NULLIF(xm, ''), lv
              FROM unnest(\(rows.map(\.caseId))::text[], \(rows.map(\.villageCode))::text[], \(rows.map(\.programme))::text[],
                          \(rows.map(\.status.rawValue))::text[], \(rows.map { $0.statusBeforeSuspension?.rawValue ?? "" })::text[],
                          \(rows.map(\.persons))::bigint[], \(rows.map(\.monthlyAmountFen))::bigint[], \(rows.map { $0.amountEventId ?? "" })::text[],
                          \(rows.map(\.submittedOn.description))::text[], \(rows.map { $0.entryMonth?.description ?? "" })::text[],
                          \(rows.map { $0.exitMonth?.description ?? "" })::text[], \(rows.map(\.lastStreamVersion))::bigint[])
                   AS u(c, v, p, s, b, n, a, e, d, em, xm, lv)
            ON CONFLICT (case_id) DO UPDATE SET
                status = excluded.status, status_before_suspension = excluded.status_before_suspension, persons = excluded.persons,
                monthly_amount_fen = excluded.monthly_amount_fen, amount_event_id = excluded.amount_event_id,
                entry_month = excluded.entry_month, exit_month = excluded.exit_month, last_stream_version = excluded.last_stream_version
            """, logger: logger)
    }

    private static func insert(_ history: [CaseloadChange], into table: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO \(unescaped: table) (case_id, stream_version, event_id, event_type, village_code, programme, valid_from, status, persons, monthly_amount_fen)
            SELECT c, sv, e, et, v, p, d::date, NULLIF(s, ''), NULLIF(n, -1)::integer, NULLIF(a, -1)
              FROM unnest(\(history.map(\.caseId))::text[], \(history.map(\.streamVersion))::bigint[], \(history.map(\.eventId))::text[],
                          \(history.map(\.eventType))::text[], \(history.map(\.villageCode))::text[], \(history.map(\.programme))::text[],
                          \(history.map(\.validFrom.description))::text[], \(history.map { $0.status?.rawValue ?? "" })::text[],
                          \(history.map { $0.persons ?? -1 })::bigint[], \(history.map { $0.monthlyAmountFen ?? -1 })::bigint[])
                   AS u(c, sv, e, et, v, p, d, s, n, a)
            """, logger: logger)
    }

    private static func insert(_ payments: [TemporaryPayment], into table: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO \(unescaped: table) (event_id, case_id, region_code, kind, paid_on, amount_fen, person_times)
            SELECT e, c, r, k, d::date, a, n::integer
              FROM unnest(\(payments.map(\.eventId))::text[], \(payments.map(\.caseId))::text[], \(payments.map(\.regionCode))::text[],
                          \(payments.map(\.kind))::text[], \(payments.map(\.paidOn.description))::text[], \(payments.map(\.amountFen))::bigint[],
                          \(payments.map(\.personTimes))::bigint[]) AS u(e, c, r, k, d, a, n)
            """, logger: logger)
    }

    /// The last correction of an event in the batch wins (UPDATE … FROM with two matches would pick either).
    private static func correct(_ corrections: [AmountCorrection], in table: String, on connection: PostgresConnection, logger: Logger) async throws {
        var last: [String: AmountCorrection] = [:]
        for correction in corrections { last[correction.caseId + " " + correction.correctedEventId] = correction }
        let unique = last.values.sorted { ($0.caseId, $0.correctedEventId) < ($1.caseId, $1.correctedEventId) }
        try await connection.query("""
            UPDATE \(unescaped: table) AS h SET monthly_amount_fen = u.a
              FROM unnest(\(unique.map(\.caseId))::text[], \(unique.map(\.correctedEventId))::text[], \(unique.map(\.monthlyAmountFen))::bigint[]) AS u(c, e, a)
             WHERE h.case_id = u.c AND h.event_id = u.e AND h.monthly_amount_fen IS NOT NULL
            """, logger: logger)
    }
}
