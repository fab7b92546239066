/// 渐退期结束 tapering ended: completed (exit follows) or ended early by a re-check.
public struct TaperingEnded: LedgerEventData {
    public static let eventType = "TaperingEnded"
    public static let schemaVersion = 1

    public var endedOn: BusinessDate
    public var outcome: TaperingOutcome

    public init(endedOn: BusinessDate, outcome: TaperingOutcome) {
        self.endedOn = endedOn
        self.outcome = outcome
    }
}
