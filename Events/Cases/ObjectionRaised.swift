/// 公示异议 an objection raised against a case during or after its public notice; needs re-investigation and a new notice.
public struct ObjectionRaised: LedgerEventData {
    public static let eventType = "ObjectionRaised"
    public static let schemaVersion = 1

    public var raisedOn: BusinessDate
    public var summary: String

    public init(raisedOn: BusinessDate, summary: String) {
        self.raisedOn = raisedOn
        self.summary = summary
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.text(summary, "data.summary")
    }
}
