/// 更正 a correction: names the event it corrects and why, never overwriting it (R-D03). May carry a corrected monthly amount.
public struct EventCorrected: LedgerEventData {
    public static let eventType = "EventCorrected"
    public static let schemaVersion = 1

    /// Id of the corrected event in this stream.
    public var correctedEventId: String
    public var correctedEventType: String
    public var correctedBy: String
    public var correctedOn: BusinessDate
    public var reason: String
    /// For an approval or adjustment: the right monthly amount.
    public var correctedMonthlyFen: Int64?

    public init(correctedEventId: String, correctedEventType: String, correctedBy: String, correctedOn: BusinessDate, reason: String, correctedMonthlyFen: Int64? = nil) {
        self.correctedEventId = correctedEventId
        self.correctedEventType = correctedEventType
        self.correctedBy = correctedBy
        self.correctedOn = correctedOn
        self.reason = reason
        self.correctedMonthlyFen = correctedMonthlyFen
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.text(correctedEventId, "data.correctedEventId", max: 64); try RecordChecks.text(reason, "data.reason")
        if let amount = correctedMonthlyFen { try RecordChecks.nonNegative(amount, "data.correctedMonthlyFen") }
    }
}
