import DibaoEvents

/// `decide`: judges a command against a case's state and returns the events to append, or the
/// rejection named after the rule that failed. Pure: no I/O, no clock, no randomness.
public enum CaseDecider {
    public static func decide(_ command: CaseCommand, state: CaseState, context: DecisionContext) throws(CaseRejection) -> [CaseEvent] {
        switch command {
        case .submitApplication(let application):
            return try submit(application, state: state, context: context)
        case .recordVerification(let data):
            try requirePending(state)
            return [.householdEconomicVerificationRecorded(data)]
        case .recordHomeVisit(let data):
            try requireOpen(state)
            return [.homeVisitRecorded(data)]
        case .recordAppraisal(let data):
            try requirePending(state)
            try requireNotKin(data.recordedBy, state: state, context: context)
            return [.democraticAppraisalRecorded(data)]
        case .postPublicNotice(let data):
            try requirePending(state)
            return [.publicNoticePosted(data)]
        case .raiseObjection(let data):
            try requirePending(state)
            guard !state.notices.isEmpty else { throw .publicNoticeMissing }
            return [.objectionRaised(data)]
        case .reviewCase(let reviewerId, let date, let proposed):
            return try review(reviewerId: reviewerId, on: date, proposed: proposed, state: state, context: context)
        case .approveCase(let approverId, let level, let date):
            return try approve(approverId: approverId, level: level, on: date, state: state, context: context)
        case .rejectApplication(let decidedBy, let level, let date, let reasonCode, let reason):
            return try reject(decidedBy: decidedBy, level: level, on: date, reasonCode: reasonCode, reason: reason, state: state, context: context)
        case .adjustAmount(let date, let month, let amount):
            return try adjust(on: date, effectiveMonth: month, newMonthlyFen: amount, state: state, context: context)
        case .recordRecheck(let staff, let date, let incomes, let deductions, let cause, let months):
            return try recheck(RecheckInput(staff: staff, date: date, incomes: incomes, deductions: deductions, cause: cause, taperingMonths: months),
                               state: state, context: context)
        case .completeTapering(let staff, let date):
            return try completeTapering(decidedBy: staff, on: date, state: state)
        case .suspendCase(let date, let month, let reason):
            guard state.status == .active || state.status == .tapering else { throw .caseNotActive }
            return [.caseSuspended(CaseSuspended(suspendedOn: date, fromMonth: month, reason: reason))]
        case .resumeCase(let date, let month):
            guard state.status == .suspended, let suspension = state.suspension else { throw .caseNotSuspended }
            guard month >= suspension.fromMonth else { throw .resumptionBeforeSuspension }
            return [.caseResumed(CaseResumed(resumedOn: date, fromMonth: month))]
        case .exitCase(let staff, let date, let reason, let deathDate):
            return try exit(decidedBy: staff, on: date, reason: reason, deathDate: deathDate, state: state)
        case .correctEvent(let eventId, let staff, let date, let reason, let amount):
            return try correct(eventId: eventId, by: staff, on: date, reason: reason, amount: amount, state: state)
        case .payEmergencyAssistance(let staff, let level, let date, let location, let amount):
            return try payEmergency(paidBy: staff, level: level, on: date, location: location, amountFen: amount, state: state, context: context)
        case .recordEmergencyExplanation(let staff, let date, let text):
            guard state.emergencyPayments.count > state.emergencyExplanations.count else { throw .noEmergencyPaymentAwaitingExplanation }
            return [.emergencyExplanationRecorded(EmergencyExplanationRecorded(recordedOn: date, recordedBy: staff, explanation: text))]
        case .approveExpenditureAssistance(let approverId, let date, let total, let stages):
            return try approveExpenditure(approverId: approverId, on: date, totalFen: total, stages: stages, state: state, context: context)
        case .payAssistanceStage(let date, let amount):
            return try payStage(on: date, amountFen: amount, state: state)
        }
    }

    static func requireOpen(_ state: CaseState) throws(CaseRejection) {
        guard state.status != .notOpened else { throw .caseNotOpened }
        guard state.status != .exited else { throw .caseNotActive }
    }

    static func requirePending(_ state: CaseState) throws(CaseRejection) {
        guard state.status != .notOpened else { throw .caseNotOpened }
        guard state.status == .pending else { throw .caseNotPending }
    }

    /// R-D02: a staff member who declared kinship with a household member never acts on the case.
    static func requireNotKin(_ staffId: String, state: CaseState, context: DecisionContext) throws(CaseRejection) {
        let members = state.application?.members.map(\.idNumber) ?? []
        if context.kinRegistry.isKin(staffId: staffId, ofAnyOf: members) { throw .staffIsDeclaredKin(staffId: staffId) }
    }
}
