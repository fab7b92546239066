import DibaoEvents

/// How a monthly amount was computed, kept so a reviewer and an auditor can see every figure.
public struct AmountBreakdown: Sendable, Hashable {
    /// Per-person standard in force for the month, fen.
    public var standardFen: Int64
    /// 保障人数 members counted.
    public var membersCounted: Int
    /// Household assessed monthly income, fen.
    public var assessedIncomeFen: Int64
    /// Whether per-capita income is below the standard (eligible).
    public var isEligible: Bool
    /// Members receiving the key-group add-on (one each, F-04).
    public var addOnMembers: Int
    /// The monthly amount after the jurisdiction's rounding, fen (0 if not eligible).
    public var monthlyAmountFen: Int64
}
