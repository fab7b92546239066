import DibaoEvents
import DibaoStore
import Logging
import PostgresNIO

/// 在保 caseload: who is in which programme, where, with how many persons and what monthly
/// amount, now and as of any past date. Reads the `case` category.
///
/// Views (docs/reference/caseload.md):
/// - `dibao.caseload_cases`: one row per case, its current facts (the fold of its stream);
/// - `dibao.caseload_history`: one row per event that changed status, persons or amount,
///   with the date the change takes effect (`valid_from`); the as-of queries read it;
/// - `dibao.caseload_temporary_payments`: one row per 临时救助 payment.
public struct Caseload: Projection {
    public let name = "caseload"
    public let category: String? = "case"
    public let tables = ["cases", "history", "temporary_payments"]
    /// The case id (from the stream id), the event and where it sits in its stream; never the
    /// metadata, hashes or recording time, which are the largest and costliest to convert.
    public let columns: EventColumns = [.streamId, .streamVersion, .eventId, .eventType, .data]

    public init() {}

    public func createTables(_ names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        for statement in CaseloadSchema.statements(names) {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
    }

    public func apply(_ events: [RecordedEvent], to names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws {
        let caseIds = Array(Set(events.map(Self.caseId)))
        var rows = try await CaseloadStorage.load(caseIds, from: names, on: connection, logger: logger)
        var changes = CaseloadChanges()
        for event in events {
            let caseEvent: CaseEvent
            do {
                caseEvent = try CaseEvent(eventType: event.eventType, data: try event.dataJSON())
            } catch EventValidationError.unknownEventType {
                continue  // Not a casework type (the category may carry others): nothing to count.
            }
            let caseId = Self.caseId(event)
            var row: CaseloadRow? = rows[caseId]
            CaseloadFold.apply(caseEvent, of: event, caseId: caseId, to: &row, changes: &changes)
            rows[caseId] = row
        }
        try await CaseloadStorage.write(rows: rows.values.filter { changes.touched.contains($0.caseId) },
                                        changes: changes, to: names, on: connection, logger: logger)
    }

    /// `<id>` of `case-<id>`.
    static func caseId(_ event: RecordedEvent) -> String {
        String(event.streamId.drop { $0 != "-" }.dropFirst())
    }
}
