import DibaoEvents

/// The "as of" questions supervisors ask of a case: what is overdue on a given date.
/// The date is passed in; nothing here reads a clock.
extension CaseState {
    /// Last day to decide the application: `decisionTimeLimitWorkingDays` working days (Mon–Fri)
    /// after the day it was accepted (F-18).
    public func decisionDueOn(policy: PolicyParameters) -> BusinessDate? {
        application.map { CalendarArithmetic.adding(workingDays: policy.decisionTimeLimitWorkingDays, to: $0.submittedOn) }
    }

    /// R-D10: still undecided after the due day.
    public func isDecisionOverdue(asOf date: BusinessDate, policy: PolicyParameters) -> Bool {
        guard status == .pending, let due = decisionDueOn(policy: policy) else { return false }
        return date > due
    }

    /// R004-13: half-yearly for 低保 households with irregular income and a member able to
    /// work; yearly for 特困 and every other household.
    public func recheckCadenceMonths(policy: PolicyParameters) -> Int {
        guard let application, programme?.isDibao == true else { return policy.recheckMonthsStable }
        let unstable = application.incomeIrregular && application.members.contains(where: \.ableToWork)
        return unstable ? policy.recheckMonthsUnstable : policy.recheckMonthsStable
    }

    /// Next re-check day: cadence months after the last re-check, or after approval (F-10, no grace).
    public func recheckDueOn(policy: PolicyParameters) -> BusinessDate? {
        guard let anchor = lastRecheckOn ?? approval?.approvedOn else { return nil }
        return CalendarArithmetic.adding(months: recheckCadenceMonths(policy: policy), to: anchor)
    }

    /// An active or tapering case whose re-check day has passed.
    public func isRecheckOverdue(asOf date: BusinessDate, policy: PolicyParameters) -> Bool {
        guard status == .active || status == .tapering, let due = recheckDueOn(policy: policy) else { return false }
        return date > due
    }

    /// R-D12: still tapering after the tapering's last month.
    public func isTaperingOverrun(asOf date: BusinessDate) -> Bool {
        guard status == .tapering, let tapering else { return false }
        return CalendarMonth(containing: date) > tapering.endMonth
    }

    /// Emergency payments whose explanation is due before `date` and not recorded (the n-th
    /// explanation answers the n-th payment).
    public func overdueExplanations(asOf date: BusinessDate) -> [EmergencyAssistancePaid] {
        emergencyPayments.dropFirst(emergencyExplanations.count).filter { $0.explanationDueOn < date }
    }
}
