/// 入户调查 home visit recorded by at least two investigators, at township or county level.
public struct HomeVisitRecorded: LedgerEventData {
    public static let eventType = "HomeVisitRecorded"
    public static let schemaVersion = 1

    public var visitedOn: BusinessDate
    /// At least two distinct staff ids.
    public var investigatorIds: [String]
    /// Township or county (a kin-related case needs a county visit).
    public var level: AdministrativeLevel
    public var findings: String

    public init(visitedOn: BusinessDate, investigatorIds: [String], level: AdministrativeLevel, findings: String) {
        self.visitedOn = visitedOn
        self.investigatorIds = investigatorIds
        self.level = level
        self.findings = findings
    }

    public func check() throws(EventValidationError) {
        guard Set(investigatorIds).count >= 2, investigatorIds.count == Set(investigatorIds).count, investigatorIds.allSatisfy({ !$0.isEmpty }) else { throw .invalid(field: "data.investigatorIds", reason: "at least two distinct investigators") }
        try RecordChecks.text(findings, "data.findings")
    }
}
