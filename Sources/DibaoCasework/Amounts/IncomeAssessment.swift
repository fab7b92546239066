import DibaoEvents

/// 家庭收入核算 a household's assessed monthly income: counted incomes minus deductions.
/// Excluded: the basic part of the residents' basic pension (R001-14, R004-09), special-care
/// pensions, family-planning awards, scholarships, reward payments and government assistance
/// (R004-09), and maintenance from an obligor who is himself assisted (R004-08).
/// Deductions (F-13): rigid expenditure (illness, disability, schooling) as verified; the
/// employment cost at most the household's earned income; the result never below 0.
public struct IncomeAssessment: Sendable, Hashable {
    /// Incomes that count, fen per month.
    public var countedIncomeFen: Int64
    /// Incomes left out by rule, fen per month.
    public var excludedIncomeFen: Int64
    /// Deductions applied, fen per month.
    public var deductionFen: Int64
    /// `max(0, counted − deductions)`.
    public var assessedIncomeFen: Int64

    public init(incomes: [IncomeRecord], deductions: [DeductionRecord]) {
        let counted = incomes.filter { !Self.isExcluded($0) }
        countedIncomeFen = counted.reduce(0) { $0 + $1.monthlyFen }
        excludedIncomeFen = incomes.filter(Self.isExcluded).reduce(0) { $0 + $1.monthlyFen }
        let earned = counted.filter { $0.kind == .wages || $0.kind == .business }.reduce(0) { $0 + $1.monthlyFen }
        let employmentCost = min(earned, deductions.filter { $0.kind == .employmentCost }.reduce(0) { $0 + $1.monthlyFen })
        let rigid = deductions.filter { $0.kind != .employmentCost }.reduce(0) { $0 + $1.monthlyFen }
        deductionFen = min(countedIncomeFen, employmentCost + rigid)
        assessedIncomeFen = countedIncomeFen - deductionFen
    }

    /// Whether an income is left out of assessed income by rule.
    public static func isExcluded(_ income: IncomeRecord) -> Bool {
        switch income.kind {
        case .basicPensionBasicPart, .specialCarePension, .familyPlanningAward, .scholarship, .rewardPayment, .governmentAssistance:
            return true
        case .maintenance:
            return income.obligorReceivesAssistance == true
        case .wages, .business, .property, .otherTransfer:
            return false
        }
    }
}
