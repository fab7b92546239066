/// 公示 public notice posted in the village for a period; objections may follow.
public struct PublicNoticePosted: LedgerEventData {
    public static let eventType = "PublicNoticePosted"
    public static let schemaVersion = 1

    public var postedOn: BusinessDate
    /// Last day of the notice period.
    public var endsOn: BusinessDate

    public init(postedOn: BusinessDate, endsOn: BusinessDate) {
        self.postedOn = postedOn
        self.endsOn = endsOn
    }

    public func check() throws(EventValidationError) {
        guard endsOn >= postedOn else { throw .invalid(field: "data.endsOn", reason: "must not be before postedOn") }
    }
}
