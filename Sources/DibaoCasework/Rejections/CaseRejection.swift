import DibaoEvents

/// Why a casework command was refused: each case is named after the rule that failed, carries
/// what an operator needs, and has a stable `code` (for a later HTTP 422).
public enum CaseRejection: Error, Sendable, Equatable {
    /// The stream already holds an application.
    case caseAlreadyOpened
    /// The stream holds no application yet.
    case caseNotOpened
    /// The command needs a pending (undecided) application.
    case caseNotPending
    /// The command needs an active (or tapering) case.
    case caseNotActive
    /// The command needs a case in tapering (渐退期).
    case caseNotTapering
    /// The command needs a suspended case.
    case caseNotSuspended
    /// The programme does not allow this command (for example 临时救助 on a 低保 case).
    case programmeMismatch(programme: String)
    /// The jurisdiction does not enrol members alone (单人户).
    case singlePersonEnrolmentNotProvided
    /// The member does not meet the jurisdiction's 单人户 criteria (R001-01, R004-04).
    case singlePersonCriteriaNotMet
    /// No member is in a 特困 category (R001-03 minors under 18, elderly, severely disabled).
    case notInTekunCategory
    /// 家庭经济状况核对 not recorded yet.
    case verificationMissing
    /// 入户调查 not recorded yet (or not since the last objection).
    case homeVisitMissing
    /// 民主评议 required by policy or by an objection, not recorded.
    case democraticAppraisalMissing
    /// 公示 not posted.
    case publicNoticeMissing
    /// The public notice runs until `endsOn`.
    case publicNoticeNotEnded(endsOn: BusinessDate)
    /// An objection awaits re-investigation and a new notice.
    case objectionUnresolved
    /// 审核 not recorded.
    case reviewMissing
    /// Per-capita income is not below the standard.
    case incomeNotBelowStandard(assessedIncomeFen: Int64, standardTimesMembersFen: Int64)
    /// An amount above the formula (R-D08).
    case amountExceedsFormula(proposedFen: Int64, formulaFen: Int64)
    /// A temporary-assistance review must propose an amount.
    case proposedAmountRequired
    /// R-D01: the approver reviewed the case.
    case approverMustDifferFromReviewer
    /// R-D02: the staff member declared kinship with a household member.
    case staffIsDeclaredKin(staffId: String)
    /// The jurisdiction's policy names another approval level (R002-06).
    case approvalLevelMismatch(required: AdministrativeLevel, actual: AdministrativeLevel)
    /// A kin-related application needs a county-level home visit before approval (R-D02).
    case countyHomeVisitRequiredForKinRelatedCase
    /// A step is dated before the step it depends on.
    case dateBeforePreviousStep
    /// R-D12: longer than the jurisdiction's maximum tapering.
    case taperingExceedsPolicyMaximum(months: Int)
    /// Shorter than the jurisdiction's minimum tapering (R000-06: 6).
    case taperingBelowPolicyMinimum(months: Int)
    /// Tapering does not apply to the programme or the cause (R000-06, R004-03).
    case taperingNotApplicable
    /// Tapering runs until `endMonth`.
    case taperingNotFinished(endMonth: CalendarMonth)
    /// Resumption before the suspension month.
    case resumptionBeforeSuspension
    /// The corrected event is not in this stream.
    case correctedEventUnknown(eventId: String)
    /// A corrected amount applies only to approvals and adjustments.
    case correctionAmountNotApplicable(eventType: String)
    /// 急难型: above the jurisdiction's cap.
    case emergencyAmountExceedsCap(capFen: Int64)
    /// No emergency payment waits for its explanation.
    case noEmergencyPaymentAwaitingExplanation
    /// 一次审批: the expenditure-type assistance is already approved.
    case expenditureAssistanceAlreadyApproved
    /// No expenditure-type approval to pay a stage of.
    case expenditureAssistanceNotApproved
    /// The stages would exceed the approved total (R001-12).
    case stagesExceedApprovedTotal(approvedFen: Int64, requestedTotalFen: Int64)
    /// More stages than approved.
    case stagesExceedPlanned(planned: Int)
    /// The jurisdiction's policy lacks a parameter.
    case policyParameterMissing(name: String)
}
