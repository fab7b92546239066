/// The policy parameters one `PolicyParametersSet` event sets; every member is optional: an
/// absent member is inherited from the parent jurisdiction or an earlier event (政策参数).
public struct PolicyParameterValues: Codable, Sendable, Hashable {
    /// 城市低保标准 urban 低保 standard, fen per person per month.
    public var urbanStandardFen: Sourced<Int64>?
    /// 农村低保标准 rural 低保 standard, fen per person per month.
    public var ruralStandardFen: Sourced<Int64>?
    /// 特困供养标准 multiplier over the 低保 standard, basis points (≥ 13 000, R004-02).
    public var tekunMultiplierBasisPoints: Sourced<Int64>?
    /// 重点保障 add-on per key-group member, basis points of the standard (R004-05: 500–1000).
    public var addOnRateBasisPoints: Sourced<Int64>?
    /// Which key groups get the add-on.
    public var addOnGroups: Sourced<[KeyGroup]>?
    /// Age from which a member is elderly (R002-03: 70, inclusive).
    public var elderlyAgeYears: Sourced<Int>?
    /// 特困 covers minors below this age (R001-03: 18).
    public var tekunMinorAgeLimitYears: Sourced<Int>?
    /// 渐退期 shortest and longest tapering, months (R000-06/R001-05: 6–12; R004-03: 6).
    public var taperingMonthsMinimum: Sourced<Int>?
    public var taperingMonthsMaximum: Sourced<Int>?
    /// Programmes (wire names) tapering applies to.
    public var taperingProgrammes: Sourced<[String]>?
    /// What must cause the income rise.
    public var taperingTrigger: Sourced<TaperingTrigger>?
    /// 定期核查 cadence, months: stable households and 特困 / unstable income with able-bodied members (R004-13).
    public var recheckMonthsStable: Sourced<Int>?
    public var recheckMonthsUnstable: Sourced<Int>?
    /// 审核确认 level that approves (R002-06: township).
    public var approvalLevel: Sourced<AdministrativeLevel>?
    /// Application decision time limit, working days (Mon–Fri).
    public var decisionTimeLimitWorkingDays: Sourced<Int>?
    /// 急难型临时救助 cap of the amount paid first, fen.
    public var emergencyCapFen: Sourced<Int64>?
    /// Calendar days after an emergency payment by which the explanation is due.
    public var explanationDueDays: Sourced<Int>?
    /// Rounding of the monthly amount (F-02).
    public var rounding: Sourced<AmountRounding>?
    /// Whether every application goes through 民主评议.
    public var appraisalRequired: Sourced<Bool>?
    /// 单人户 criteria.
    public var singlePersonCriteria: Sourced<SinglePersonCriteria>?
    /// 分档 tiers; empty means the difference formula.
    public var amountTiers: Sourced<[AmountTier]>?

    public init() {}

    /// Checks bounds that hold for every jurisdiction; errors name `data.parameters.<name>.value`.
    func check(prefix: String) throws(EventValidationError) {
        func positive(_ value: Int64?, _ name: String) throws(EventValidationError) {
            if let value, value <= 0 { throw .invalid(field: "\(prefix).\(name).value", reason: "must be positive") }
        }
        try positive(urbanStandardFen?.value, "urbanStandardFen")
        try positive(ruralStandardFen?.value, "ruralStandardFen")
        try positive(emergencyCapFen?.value, "emergencyCapFen")
        try positive(decisionTimeLimitWorkingDays.map { Int64($0.value) }, "decisionTimeLimitWorkingDays")
        try positive(explanationDueDays.map { Int64($0.value) }, "explanationDueDays")
        if let multiplier = tekunMultiplierBasisPoints?.value, multiplier < 13_000 {
            throw .invalid(field: "\(prefix).tekunMultiplierBasisPoints.value", reason: "must be at least 13000 (1.3 ×, R004-02)")
        }
        if let rate = addOnRateBasisPoints?.value, !(0...10_000).contains(rate) {
            throw .invalid(field: "\(prefix).addOnRateBasisPoints.value", reason: "must be 0…10000 basis points")
        }
        for (name, months) in [("taperingMonthsMinimum", taperingMonthsMinimum), ("taperingMonthsMaximum", taperingMonthsMaximum)] {
            if let value = months?.value, !(1...24).contains(value) { throw .invalid(field: "\(prefix).\(name).value", reason: "must be 1…24 months") }
        }
        if let minimum = taperingMonthsMinimum?.value, let maximum = taperingMonthsMaximum?.value, minimum > maximum {
            throw .invalid(field: "\(prefix).taperingMonthsMinimum.value", reason: "must not exceed taperingMonthsMaximum")
        }
        if let rounding = rounding?.value, ![1, 10, 100].contains(rounding.unitFen) {
            throw .invalid(field: "\(prefix).rounding.value.unitFen", reason: "must be 1, 10 or 100")
        }
        if let tiers = amountTiers?.value {
            for (index, tier) in tiers.enumerated() where tier.perPersonFen < 0 || tier.perCapitaIncomeBelowFen <= 0 {
                throw .invalid(field: "\(prefix).amountTiers.value[\(index)]", reason: "amounts must be positive")
            }
        }
    }
}
