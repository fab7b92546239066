import DibaoEvents

/// 保障金额计算 the monthly amount of a 低保 or 特困 case.
///
/// 低保 差额: `n × S − I` (F-01: the per-capita income `I / n` is never rounded, so
/// `(S − I/n) × n` is exact), or the tier amount `n × t` where the jurisdiction uses 分档
/// tiers; plus the add-on `S × rate` for each member in a key group (F-04: once per member;
/// F-05: on top even when the total exceeds `n × S`); rounded once, at the end (F-03), with the
/// jurisdiction's rounding (F-02). 特困: `n × T`, own income not deducted (F-15).
public enum AmountCalculator {
    public static func calculate(programme: Programme, members: [HouseholdMemberRecord], assessment: IncomeAssessment,
                                 month: CalendarMonth, policy: PolicyParameters) -> AmountBreakdown {
        let standard = policy.standardFen(for: programme)
        let count = Int64(members.count)
        let income = assessment.assessedIncomeFen
        if programme.isTekun {
            return AmountBreakdown(standardFen: standard, membersCounted: members.count, assessedIncomeFen: income,
                                   isEligible: true, addOnMembers: 0, monthlyAmountFen: standard * count)
        }
        let eligible = count > 0 && income < standard * count
        guard eligible else {
            return AmountBreakdown(standardFen: standard, membersCounted: members.count, assessedIncomeFen: income,
                                   isEligible: false, addOnMembers: 0, monthlyAmountFen: 0)
        }
        let base: Int64
        if policy.amountTiers.isEmpty {
            base = standard * count - income
        } else {
            let tier = policy.amountTiers.sorted { $0.perCapitaIncomeBelowFen < $1.perCapitaIncomeBelowFen }
                .first { income < $0.perCapitaIncomeBelowFen * count }
            base = (tier?.perPersonFen ?? 0) * count
        }
        let addOnMembers = members.filter { !MemberProfile.keyGroups($0, month: month, policy: policy).isEmpty }.count
        let numerator = base * 10_000 + Int64(addOnMembers) * standard * policy.addOnRateBasisPoints
        let amount = policy.rounding.round(numerator: numerator, denominator: 10_000)
        return AmountBreakdown(standardFen: standard, membersCounted: members.count, assessedIncomeFen: income,
                               isEligible: amount > 0, addOnMembers: addOnMembers, monthlyAmountFen: amount)
    }
}
