/// 民主评议 village democratic appraisal recorded, where policy requires it or an objection triggers it.
public struct DemocraticAppraisalRecorded: LedgerEventData {
    public static let eventType = "DemocraticAppraisalRecorded"
    public static let schemaVersion = 1

    public var heldOn: BusinessDate
    /// Staff id of the recorder.
    public var recordedBy: String
    public var outcome: AppraisalOutcome

    public init(heldOn: BusinessDate, recordedBy: String, outcome: AppraisalOutcome) {
        self.heldOn = heldOn
        self.recordedBy = recordedBy
        self.outcome = outcome
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.text(recordedBy, "data.recordedBy", max: 64)
    }
}
