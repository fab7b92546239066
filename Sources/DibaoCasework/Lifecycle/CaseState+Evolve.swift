import DibaoEvents

extension CaseState {
    /// Folds one event. Events are facts already accepted: evolve never refuses.
    public mutating func evolve(_ event: CaseEvent, eventId: String) {
        eventTypes[eventId] = event.eventType
        switch event {
        case .applicationSubmitted(let data):
            application = data
            incomes = data.incomes
            deductions = data.deductions
            status = .pending
        case .householdEconomicVerificationRecorded(let data):
            verification = data
            incomes = data.incomes
            deductions = data.deductions
        case .homeVisitRecorded(let data):
            homeVisits.append(data)
            if objectionStage == .awaitingReinvestigation { objectionStage = .awaitingNewNotice }
        case .democraticAppraisalRecorded(let data):
            appraisals.append(data)
        case .publicNoticePosted(let data):
            notices.append(data)
            if objectionStage == .awaitingNewNotice { objectionStage = .none }
        case .objectionRaised(let data):
            objections.append(data)
            objectionStage = .awaitingReinvestigation
        case .caseReviewed(let data):
            review = data
        case .caseApproved(let data):
            approval = data
            monthlyAmountFen = data.monthlyAmountFen
            amountEventId = eventId
            status = .active
        case .applicationRejected(let data):
            rejection = data
            status = .rejected
        case .amountAdjusted(let data):
            adjustments.append(data)
            monthlyAmountFen = data.newMonthlyFen
            amountEventId = eventId
        case .recheckRecorded(let data):
            lastRecheckOn = data.recheckedOn
            incomes = data.incomes
            deductions = data.deductions
        case .taperingStarted(let data):
            tapering = data
            taperingEnded = nil
            monthlyAmountFen = data.monthlyAmountFen
            amountEventId = eventId
            status = .tapering
        case .taperingEnded(let data):
            taperingEnded = data
            if data.outcome == .returnedToNormal { status = .active }
        case .caseSuspended(let data):
            suspension = data
            statusBeforeSuspension = status
            status = .suspended
        case .caseResumed:
            status = statusBeforeSuspension ?? .active
            suspension = nil
        case .caseExited(let data):
            exit = data
            status = .exited
        case .eventCorrected(let data):
            corrections.append(data)
            if let amount = data.correctedMonthlyFen { monthlyAmountFen = amount }
        case .emergencyAssistancePaid(let data):
            emergencyPayments.append(data)
        case .emergencyExplanationRecorded(let data):
            emergencyExplanations.append(data)
        case .expenditureAssistanceApproved(let data):
            expenditureApproval = data
        case .assistanceStagePaid(let data):
            stagesPaid.append(data)
        }
    }
}
