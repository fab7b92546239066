/// 政策参数设定 policy parameters set: on stream `policy-<jurisdiction code>`, the parameters
/// a jurisdiction sets or overrides from `effectiveFrom` (standards, tapering, rates, limits).
/// Members left out are inherited from the parent jurisdiction. An `effectiveFrom` earlier
/// than the month of `announcedOn` is retroactive (arrears, R-D05).
public struct PolicyParametersSet: LedgerEventData {
    public static let eventType = "PolicyParametersSet"
    public static let schemaVersion = 1

    public var jurisdictionCode: RegionCode
    /// First benefit month the values apply to.
    public var effectiveFrom: CalendarMonth
    /// The day the document was issued.
    public var announcedOn: BusinessDate
    /// The issuing document (`晋中市民政局 市民发〔2021〕40号`) or a fixture label.
    public var document: String
    public var parameters: PolicyParameterValues

    public init(jurisdictionCode: RegionCode, effectiveFrom: CalendarMonth, announcedOn: BusinessDate, document: String, parameters: PolicyParameterValues) {
        self.jurisdictionCode = jurisdictionCode
        self.effectiveFrom = effectiveFrom
        self.announcedOn = announcedOn
        self.document = document
        self.parameters = parameters
    }

    /// Whether the values reach back before the announcement month.
    public var isRetroactive: Bool { effectiveFrom < CalendarMonth(containing: announcedOn) }

    public func check() throws(EventValidationError) {
        guard !document.isEmpty else { throw .invalid(field: "data.document", reason: "must not be empty") }
        guard jurisdictionCode.rawValue.utf8.count <= 9 else { throw .invalid(field: "data.jurisdictionCode", reason: "policy is set by a province, prefecture, county or township") }
        try parameters.check(prefix: "data.parameters")
    }
}
