import DibaoEvents

/// The policy parameters in force for one jurisdiction and month, after inheritance from
/// the parent jurisdictions (政策参数). Every value is present; `sources` names where each
/// came from (a seed rule id or `ILLUSTRATIVE`).
public struct PolicyParameters: Sendable, Hashable {
    public var jurisdictionCode: RegionCode
    public var month: CalendarMonth
    public var urbanStandardFen: Int64
    public var ruralStandardFen: Int64
    public var tekunMultiplierBasisPoints: Int64
    public var addOnRateBasisPoints: Int64
    public var addOnGroups: Set<KeyGroup>
    public var elderlyAgeYears: Int
    public var tekunMinorAgeLimitYears: Int
    public var taperingMonths: ClosedRange<Int>
    public var taperingProgrammes: Set<Programme>
    public var taperingTrigger: TaperingTrigger
    public var recheckMonthsStable: Int
    public var recheckMonthsUnstable: Int
    public var approvalLevel: AdministrativeLevel
    public var decisionTimeLimitWorkingDays: Int
    public var emergencyCapFen: Int64
    public var explanationDueDays: Int
    public var rounding: AmountRounding
    public var appraisalRequired: Bool
    public var singlePersonCriteria: SinglePersonCriteria
    public var amountTiers: [AmountTier]
    /// Parameter name → `R004-03` or `ILLUSTRATIVE`.
    public var sources: [String: String]

    /// The 低保 standard of a programme's residence, fen per person per month.
    public func dibaoStandardFen(for programme: Programme) -> Int64 {
        programme == .urbanDibao ? urbanStandardFen : ruralStandardFen
    }

    /// 特困基本生活标准: one per jurisdiction, ⌈multiplier × the higher 低保 standard⌉ (F-24), so
    /// R004-02 (`10 × T ≥ 13 × D`) holds against the urban and the rural standard alike.
    public var tekunStandardFen: Int64 {
        let base = max(urbanStandardFen, ruralStandardFen)
        return (base * tekunMultiplierBasisPoints + 9_999) / 10_000
    }

    /// The per-person standard a programme's amount is computed from.
    public func standardFen(for programme: Programme) -> Int64 {
        programme.isTekun ? tekunStandardFen : dibaoStandardFen(for: programme)
    }
}

/// R004-02 in integers: a 特困 standard `T` is at least 1.3 × the 低保 standard `D` iff `10T ≥ 13D`.
public func tekunStandardMeetsMinimum(tekunFen: Int64, dibaoFen: Int64) -> Bool {
    10 * tekunFen >= 13 * dibaoFen
}
