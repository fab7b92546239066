/// 急难型临时救助 emergency temporary assistance paid first ("小金额先行救助"); the explanation is due by `explanationDueOn`.
public struct EmergencyAssistancePaid: LedgerEventData {
    public static let eventType = "EmergencyAssistancePaid"
    public static let schemaVersion = 1

    public var paidOn: BusinessDate
    public var paidBy: String
    /// Township or county (R004-12).
    public var level: AdministrativeLevel
    /// 急难发生地, may differ from the household register (R001-10).
    public var emergencyLocationCode: RegionCode
    public var amountFen: Int64
    public var explanationDueOn: BusinessDate

    public init(paidOn: BusinessDate, paidBy: String, level: AdministrativeLevel, emergencyLocationCode: RegionCode, amountFen: Int64, explanationDueOn: BusinessDate) {
        self.paidOn = paidOn
        self.paidBy = paidBy
        self.level = level
        self.emergencyLocationCode = emergencyLocationCode
        self.amountFen = amountFen
        self.explanationDueOn = explanationDueOn
    }

    public func check() throws(EventValidationError) {
        guard amountFen > 0 else { throw .invalid(field: "data.amountFen", reason: "must be positive") }
        guard explanationDueOn >= paidOn else { throw .invalid(field: "data.explanationDueOn", reason: "must not be before paidOn") }
    }
}
