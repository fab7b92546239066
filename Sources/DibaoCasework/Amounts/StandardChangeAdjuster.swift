import DibaoEvents

/// 标准调整: given the active cases and a new `PolicyParametersSet`, the `AmountAdjusted`
/// event each affected case needs, from the later of the policy's effective month and the
/// case's first benefit month (R-D05, R001-06). Back-pay (arrears) covers months already paid
/// at the old amount (through `paidThrough`); a lower amount is never clawed back (F-17).
/// Tapering cases keep their frozen amount (F-08); suspended and exited cases are left out.
public enum StandardChangeAdjuster {
    /// One case's adjustment: the stream (`case-<caseId>`) and the event to append there.
    public struct Adjustment: Sendable, Hashable {
        public var caseId: String
        public var event: AmountAdjusted

        public init(caseId: String, event: AmountAdjusted) {
            self.caseId = caseId
            self.event = event
        }
    }

    public static func adjustments(cases: [CaseState], newPolicy: PolicyParametersSet, book: PolicyBook,
                                   processedOn: BusinessDate, paidThrough: CalendarMonth) -> [Adjustment] {
        var updated = book
        updated.evolve(newPolicy)
        return cases.compactMap { state -> Adjustment? in
            guard state.status == .active, let application = state.application, let approval = state.approval,
                  let programme = state.programme, programme.isMonthly,
                  newPolicy.jurisdictionCode.contains(application.villageCode) else { return nil }
            let effective = max(newPolicy.effectiveFrom, approval.firstBenefitMonth)
            guard let policy = try? updated.parameters(for: application.villageCode, month: effective) else { return nil }
            let breakdown = CaseDecider.formula(state, month: effective, policy: policy)
            let newAmount = breakdown.monthlyAmountFen
            guard newAmount != state.monthlyAmountFen else { return nil }
            let monthsPaid = Int64(max(0, paidThrough.months(since: effective) + 1))
            let arrears = max(0, newAmount - state.monthlyAmountFen) * monthsPaid
            let event = AmountAdjusted(adjustedOn: processedOn, effectiveMonth: effective, previousMonthlyFen: state.monthlyAmountFen,
                                       newMonthlyFen: newAmount, arrearsFen: arrears, cause: .standardChange)
            return Adjustment(caseId: application.caseId, event: event)
        }
    }
}
