import DibaoEvents

/// What staff ask of a case. Dates and staff ids come from the caller (its clock, its token);
/// `decide` judges the command against the folded state.
public enum CaseCommand: Sendable, Hashable {
    /// 申请: open the case.
    case submitApplication(ApplicationSubmitted)
    /// 家庭经济状况核对.
    case recordVerification(HouseholdEconomicVerificationRecorded)
    /// 入户调查.
    case recordHomeVisit(HomeVisitRecorded)
    /// 民主评议.
    case recordAppraisal(DemocraticAppraisalRecorded)
    /// 公示.
    case postPublicNotice(PublicNoticePosted)
    /// 公示异议.
    case raiseObjection(ObjectionRaised)
    /// 审核: with an amount, or the formula's when nil.
    case reviewCase(reviewerId: String, on: BusinessDate, proposedMonthlyFen: Int64?)
    /// 审批.
    case approveCase(approverId: String, level: AdministrativeLevel, on: BusinessDate)
    /// 不予批准, at the policy's approval level.
    case rejectApplication(decidedBy: String, level: AdministrativeLevel, on: BusinessDate, reasonCode: String, reason: String)
    /// 调整: a new amount from a month, within the formula.
    case adjustAmount(on: BusinessDate, effectiveMonth: CalendarMonth, newMonthlyFen: Int64)
    /// 定期核查 with verified incomes; `taperingMonths` when tapering follows (nil: the minimum).
    case recordRecheck(recheckedBy: String, on: BusinessDate, incomes: [IncomeRecord], deductions: [DeductionRecord],
                       incomeRiseCause: IncomeRiseCause?, taperingMonths: Int?)
    /// End a tapering that ran its length: the case exits.
    case completeTapering(decidedBy: String, on: BusinessDate)
    /// 暂停.
    case suspendCase(on: BusinessDate, fromMonth: CalendarMonth, reason: String)
    /// 恢复.
    case resumeCase(on: BusinessDate, fromMonth: CalendarMonth)
    /// 退出; for a death, the effective month follows the death month (F-12).
    case exitCase(decidedBy: String, on: BusinessDate, reason: ExitReason, deathDate: BusinessDate?)
    /// 更正 an earlier event.
    case correctEvent(eventId: String, correctedBy: String, on: BusinessDate, reason: String, correctedMonthlyFen: Int64?)
    /// 急难型临时救助: pay first.
    case payEmergencyAssistance(paidBy: String, level: AdministrativeLevel, on: BusinessDate, emergencyLocationCode: RegionCode, amountFen: Int64)
    /// 事后补充说明.
    case recordEmergencyExplanation(recordedBy: String, on: BusinessDate, explanation: String)
    /// 支出型临时救助: one approval.
    case approveExpenditureAssistance(approverId: String, on: BusinessDate, totalFen: Int64, plannedStages: Int)
    /// One stage of it.
    case payAssistanceStage(on: BusinessDate, amountFen: Int64)
}

/// What `decide` is given besides the state: policy and the kin registry (both folded streams).
public struct DecisionContext: Sendable {
    public var policy: PolicyBook
    public var kinRegistry: KinRegistry

    public init(policy: PolicyBook, kinRegistry: KinRegistry = KinRegistry()) {
        self.policy = policy
        self.kinRegistry = kinRegistry
    }

    /// Parameters for the case's village in the month of `date`.
    func parameters(_ state: CaseState, on date: BusinessDate) throws(CaseRejection) -> PolicyParameters {
        guard let village = state.application?.villageCode else { throw .caseNotOpened }
        return try parameters(village, month: CalendarMonth(containing: date))
    }

    func parameters(_ code: RegionCode, month: CalendarMonth) throws(CaseRejection) -> PolicyParameters {
        do { return try policy.parameters(for: code, month: month) } catch {
            switch error { case .parameterMissing(let name, _, _): throw .policyParameterMissing(name: name) }
        }
    }
}
