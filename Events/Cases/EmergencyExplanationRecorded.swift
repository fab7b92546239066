/// 事后补充说明 the explanation recorded after an emergency payment.
public struct EmergencyExplanationRecorded: LedgerEventData {
    public static let eventType = "EmergencyExplanationRecorded"
    public static let schemaVersion = 1

    public var recordedOn: BusinessDate
    public var recordedBy: String
    public var explanation: String

    public init(recordedOn: BusinessDate, recordedBy: String, explanation: String) {
        self.recordedOn = recordedOn
        self.recordedBy = recordedBy
        self.explanation = explanation
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.text(explanation, "data.explanation")
    }
}
