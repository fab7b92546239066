import DibaoEvents

extension CaseDecider {
    /// 申请: one application per stream; 单人户 and 特困 categories checked against the policy.
    static func submit(_ application: ApplicationSubmitted, state: CaseState, context: DecisionContext) throws(CaseRejection) -> [CaseEvent] {
        guard state.status == .notOpened else { throw .caseAlreadyOpened }
        let policy = try context.parameters(application.villageCode, month: CalendarMonth(containing: application.submittedOn))
        let programme = Programme(rawValue: application.programme) ?? .temporaryAssistance
        if let single = application.singlePersonMemberIdNumber {
            guard programme.isDibao else { throw .programmeMismatch(programme: application.programme) }
            guard policy.singlePersonCriteria.enabled else { throw .singlePersonEnrolmentNotProvided }
            let member = application.members.first { $0.idNumber == single }
            guard let member, MemberProfile.qualifiesAlone(member, criteria: policy.singlePersonCriteria) else { throw .singlePersonCriteriaNotMet }
        }
        if programme.isTekun {
            guard application.members.contains(where: { MemberProfile.inTekunCategory($0, on: application.submittedOn, policy: policy) }) else {
                throw .notInTekunCategory
            }
        }
        return [.applicationSubmitted(application)]
    }

    /// The formula amount for the case's counted members and current assessment.
    static func formula(_ state: CaseState, month: CalendarMonth, policy: PolicyParameters) -> AmountBreakdown {
        AmountCalculator.calculate(programme: state.programme ?? .ruralDibao, members: state.membersCounted,
                                   assessment: state.assessment, month: month, policy: policy)
    }

    /// 审核: every earlier step done, notice ended, objections resolved, amount within the formula.
    static func review(reviewerId: String, on date: BusinessDate, proposed: Int64?, state: CaseState, context: DecisionContext) throws(CaseRejection) -> [CaseEvent] {
        try requirePending(state)
        try requireNotKin(reviewerId, state: state, context: context)
        let policy = try context.parameters(state, on: date)
        guard state.verification != nil else { throw .verificationMissing }
        guard !state.homeVisits.isEmpty else { throw .homeVisitMissing }
        if state.programme == .temporaryAssistance {
            guard let proposed, proposed > 0 else { throw .proposedAmountRequired }
            return [.caseReviewed(CaseReviewed(reviewerId: reviewerId, reviewedOn: date, proposedMonthlyFen: proposed, standardFen: 0,
                                               membersCounted: state.membersCounted.count, assessedIncomeFen: state.assessment.assessedIncomeFen))]
        }
        if policy.appraisalRequired || !state.objections.isEmpty {
            let since = state.objections.last?.raisedOn
            guard state.appraisals.contains(where: { since == nil || $0.heldOn >= since! }) else { throw .democraticAppraisalMissing }
        }
        guard let notice = state.notices.last else { throw .publicNoticeMissing }
        guard state.objectionStage == .none else { throw .objectionUnresolved }
        guard date > notice.endsOn else { throw .publicNoticeNotEnded(endsOn: notice.endsOn) }
        let breakdown = formula(state, month: CalendarMonth(containing: date).adding(months: 1), policy: policy)
        guard breakdown.isEligible else {
            throw .incomeNotBelowStandard(assessedIncomeFen: breakdown.assessedIncomeFen, standardTimesMembersFen: breakdown.standardFen * Int64(breakdown.membersCounted))
        }
        let amount = proposed ?? breakdown.monthlyAmountFen
        guard amount <= breakdown.monthlyAmountFen else { throw .amountExceedsFormula(proposedFen: amount, formulaFen: breakdown.monthlyAmountFen) }
        return [.caseReviewed(CaseReviewed(reviewerId: reviewerId, reviewedOn: date, proposedMonthlyFen: amount, standardFen: breakdown.standardFen,
                                           membersCounted: breakdown.membersCounted, assessedIncomeFen: breakdown.assessedIncomeFen))]
    }

    /// 不予批准: at the policy's approval level; after a review, not by the reviewer (R-D01, R-D02).
    static func reject(decidedBy: String, level: AdministrativeLevel, on date: BusinessDate, reasonCode: String, reason: String,
                       state: CaseState, context: DecisionContext) throws(CaseRejection) -> [CaseEvent] {
        try requirePending(state)
        if let review = state.review, review.reviewerId == decidedBy { throw .approverMustDifferFromReviewer }
        try requireNotKin(decidedBy, state: state, context: context)
        let policy = try context.parameters(state, on: date)
        guard level == policy.approvalLevel else { throw .approvalLevelMismatch(required: policy.approvalLevel, actual: level) }
        return [.applicationRejected(ApplicationRejected(decidedBy: decidedBy, decidedOn: date, level: level, reasonCode: reasonCode, reason: reason))]
    }

    /// 审批: R-D01, R-D02, the policy's approval level; benefit from the month after (F-16).
    static func approve(approverId: String, level: AdministrativeLevel, on date: BusinessDate, state: CaseState, context: DecisionContext) throws(CaseRejection) -> [CaseEvent] {
        try requirePending(state)
        guard state.programme?.isMonthly == true else { throw .programmeMismatch(programme: state.application?.programme ?? "") }
        guard let review = state.review else { throw .reviewMissing }
        guard approverId != review.reviewerId else { throw .approverMustDifferFromReviewer }
        try requireNotKin(approverId, state: state, context: context)
        let policy = try context.parameters(state, on: date)
        guard level == policy.approvalLevel else { throw .approvalLevelMismatch(required: policy.approvalLevel, actual: level) }
        if state.isKinRelated(context.kinRegistry) {
            guard state.homeVisits.contains(where: { $0.level == .county }) else { throw .countyHomeVisitRequiredForKinRelatedCase }
        }
        guard date >= review.reviewedOn else { throw .dateBeforePreviousStep }
        return [.caseApproved(CaseApproved(approverId: approverId, approvedOn: date, level: level, monthlyAmountFen: review.proposedMonthlyFen,
                                           firstBenefitMonth: CalendarMonth(containing: date).adding(months: 1)))]
    }
}
