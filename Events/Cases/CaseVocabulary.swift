/// Wire names of the programmes a case can belong to (`DibaoCasework.Programme` raw values;
/// a test keeps the two lists equal).
public enum CaseProgrammeNames {
    public static let all: Set<String> = ["urban_dibao", "rural_dibao", "tekun_centralised", "tekun_dispersed", "temporary_assistance"]
}

/// A member's relation to the applicant (与申请人关系).
public enum MemberRelation: String, Codable, Sendable, Hashable {
    case applicant, spouse, child, parent, grandchild, grandparent, sibling, other
}

/// 残疾类别 disability type on the disability certificate (残疾人证).
public enum DisabilityType: String, Codable, Sendable, Hashable {
    case visual, hearing, speech, physical, intellectual, mental, multiple
}

/// 收入类型 income kinds; some are excluded from assessed income (R001-14, R004-08/09).
public enum IncomeKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// 工资性收入 wages.
    case wages
    /// 经营净收入 business or farming net income.
    case business
    /// 财产净收入 property income.
    case property
    /// 赡养(抚养、扶养)费 maintenance from an obligor.
    case maintenance
    /// 城乡居民基本养老保险基础养老金 basic part of the residents' basic pension (excluded).
    case basicPensionBasicPart = "basic_pension_basic_part"
    /// 优待抚恤金 special-care pension (excluded).
    case specialCarePension = "special_care_pension"
    /// 计划生育奖励与扶助金 family-planning award and support (excluded).
    case familyPlanningAward = "family_planning_award"
    /// 奖学金 scholarship (excluded).
    case scholarship
    /// 见义勇为等奖励性补助 bravery and other reward payments (excluded).
    case rewardPayment = "reward_payment"
    /// 政府发放的各类社会救助款物 government social-assistance money and goods (excluded).
    case governmentAssistance = "government_assistance"
    /// Other transfer income (pensions other than the basic part, etc.).
    case otherTransfer = "other_transfer"
}

/// 刚性支出 and employment-cost deductions (R000-05, R001-04, R003-07, R004-10).
public enum DeductionKind: String, Codable, Sendable, Hashable {
    /// 因病 medical expenditure.
    case illness
    /// 因残 disability expenditure.
    case disability
    /// 因学 schooling expenditure.
    case schooling
    /// 就业成本 necessary employment cost.
    case employmentCost = "employment_cost"
}

/// 家庭财产 asset kinds (recorded; the seeds give no asset thresholds).
public enum AssetKind: String, Codable, Sendable, Hashable {
    case deposits, vehicle, housing, other
}

/// Why an amount changed.
public enum AdjustmentCause: String, Codable, Sendable, Hashable {
    /// 标准调整 a new standard.
    case standardChange = "standard_change"
    /// 定期核查 a re-check.
    case recheck
    /// 家庭人口变化 household change (a member died or left).
    case householdChange = "household_change"
}

/// 退出原因 why a case exits.
public enum ExitReason: String, Codable, Sendable, Hashable, CaseIterable {
    /// Income above the standard after tapering.
    case incomeAboveStandardAfterTapering = "income_above_standard_after_tapering"
    /// 死亡 death of the sole recipient.
    case death
    /// 迁出 moved away.
    case movedAway = "moved_away"
    /// Found ineligible in a re-check.
    case ineligibleAtRecheck = "ineligible_at_recheck"
    /// Found ineligible in a special governance campaign.
    case ineligibleInCampaign = "ineligible_in_campaign"
    /// 自愿退出 voluntary withdrawal.
    case voluntaryWithdrawal = "voluntary_withdrawal"
}

/// What caused a household's income to rise (R000-06 "通过就业创业").
public enum IncomeRiseCause: String, Codable, Sendable, Hashable {
    case employment, other
}

/// The outcome a 定期核查 re-check recorded.
public enum RecheckOutcome: String, Codable, Sendable, Hashable {
    /// No marked change: the amount stays (R004-14).
    case unchanged
    /// The amount was adjusted.
    case adjusted
    /// Income above the standard through the trigger cause: tapering starts.
    case taperingStarted = "tapering_started"
    /// During tapering, income fell back: tapering ends early, normal benefit resumes.
    case taperingEndedEarly = "tapering_ended_early"
    /// During tapering, still above the standard: tapering continues.
    case taperingContinues = "tapering_continues"
    /// No longer eligible: exit by procedure (R004-14).
    case ineligible
}

/// How a tapering period ended.
public enum TaperingOutcome: String, Codable, Sendable, Hashable {
    /// Ran its full length; the case exits.
    case completed
    /// A re-check found income below the standard again.
    case returnedToNormal = "returned_to_normal"
}

/// 民主评议 appraisal outcome.
public enum AppraisalOutcome: String, Codable, Sendable, Hashable {
    case supported, opposed
}
