/// 分阶段救助 one stage of an approved expenditure-type assistance paid.
public struct AssistanceStagePaid: LedgerEventData {
    public static let eventType = "AssistanceStagePaid"
    public static let schemaVersion = 1

    public var stageNumber: Int
    public var paidOn: BusinessDate
    public var amountFen: Int64

    public init(stageNumber: Int, paidOn: BusinessDate, amountFen: Int64) {
        self.stageNumber = stageNumber
        self.paidOn = paidOn
        self.amountFen = amountFen
    }

    public func check() throws(EventValidationError) {
        guard amountFen > 0 else { throw .invalid(field: "data.amountFen", reason: "must be positive") }
        guard stageNumber >= 1 else { throw .invalid(field: "data.stageNumber", reason: "must be at least 1") }
    }
}
