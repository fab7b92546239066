import DibaoEvents

extension CaseDecider {
    /// 急难型 (R001-11, R004-12): paid first up to the cap, explanation due within the policy's days.
    static func payEmergency(paidBy: String, level: AdministrativeLevel, on date: BusinessDate, location: RegionCode, amountFen: Int64,
                             state: CaseState, context: DecisionContext) throws(CaseRejection) -> [CaseEvent] {
        try requireTemporaryAssistance(state)
        // R001-10: the jurisdiction where the emergency happened pays, under its own policy.
        let policy = try context.parameters(location, month: CalendarMonth(containing: date))
        guard amountFen <= policy.emergencyCapFen else { throw .emergencyAmountExceedsCap(capFen: policy.emergencyCapFen) }
        try requireNotKin(paidBy, state: state, context: context)
        let due = CalendarArithmetic.adding(days: policy.explanationDueDays, to: date)
        return [.emergencyAssistancePaid(EmergencyAssistancePaid(paidOn: date, paidBy: paidBy, level: level, emergencyLocationCode: location,
                                                                 amountFen: amountFen, explanationDueOn: due))]
    }

    /// 支出型: one approval after review, by someone other than the reviewer (R-D01, R-D02).
    static func approveExpenditure(approverId: String, on date: BusinessDate, totalFen: Int64, stages: Int, state: CaseState, context: DecisionContext) throws(CaseRejection) -> [CaseEvent] {
        try requireTemporaryAssistance(state)
        guard state.expenditureApproval == nil else { throw .expenditureAssistanceAlreadyApproved }
        guard let review = state.review else { throw .reviewMissing }
        guard approverId != review.reviewerId else { throw .approverMustDifferFromReviewer }
        try requireNotKin(approverId, state: state, context: context)
        guard totalFen <= review.proposedMonthlyFen else { throw .amountExceedsFormula(proposedFen: totalFen, formulaFen: review.proposedMonthlyFen) }
        return [.expenditureAssistanceApproved(ExpenditureAssistanceApproved(approverId: approverId, approvedOn: date, approvedTotalFen: totalFen, plannedStages: stages))]
    }

    /// 分阶段救助 (R001-12): the stages of one approval sum to at most its total.
    static func payStage(on date: BusinessDate, amountFen: Int64, state: CaseState) throws(CaseRejection) -> [CaseEvent] {
        guard let approval = state.expenditureApproval else { throw .expenditureAssistanceNotApproved }
        guard state.stagesPaid.count < approval.plannedStages else { throw .stagesExceedPlanned(planned: approval.plannedStages) }
        let total = state.stagesPaid.reduce(0) { $0 + $1.amountFen } + amountFen
        guard total <= approval.approvedTotalFen else { throw .stagesExceedApprovedTotal(approvedFen: approval.approvedTotalFen, requestedTotalFen: total) }
        return [.assistanceStagePaid(AssistanceStagePaid(stageNumber: state.stagesPaid.count + 1, paidOn: date, amountFen: amountFen))]
    }

    static func requireTemporaryAssistance(_ state: CaseState) throws(CaseRejection) {
        guard state.status != .notOpened else { throw .caseNotOpened }
        guard state.programme == .temporaryAssistance else { throw .programmeMismatch(programme: state.application?.programme ?? "") }
    }
}
