/// 不予批准 rejection of an application with the reason.
public struct ApplicationRejected: LedgerEventData {
    public static let eventType = "ApplicationRejected"
    public static let schemaVersion = 1

    public var decidedBy: String
    public var decidedOn: BusinessDate
    /// The level that decided: the policy's approval level.
    public var level: AdministrativeLevel
    /// Stable code of the rule (`income_not_below_standard`).
    public var reasonCode: String
    /// Reason stated to the applicant.
    public var reason: String

    public init(decidedBy: String, decidedOn: BusinessDate, level: AdministrativeLevel, reasonCode: String, reason: String) {
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.level = level
        self.reasonCode = reasonCode
        self.reason = reason
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.text(reasonCode, "data.reasonCode", max: 64); try RecordChecks.text(reason, "data.reason")
    }
}
