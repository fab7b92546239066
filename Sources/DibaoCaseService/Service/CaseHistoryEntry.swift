import DibaoEvents
import Foundation

/// One recorded event of a case, as `GET /v1/cases/{id}` lists it: what was done, to which
/// version, when (business date and recording time), by whom, on what authority and why — and
/// the event id a correction (`POST …/corrections`) names. The event's data is not repeated:
/// the case's state is its fold.
public struct CaseHistoryEntry: Sendable, Equatable {
    public var version: Int64
    public var eventId: String
    public var eventType: String
    public var effectiveDate: BusinessDate
    public var recordedAt: Date
    public var metadata: EventMetadata
}
