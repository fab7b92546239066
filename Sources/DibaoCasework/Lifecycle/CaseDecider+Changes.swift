import DibaoEvents

extension CaseDecider {
    /// 调整: a household change; the new amount never exceeds the formula (R-D08).
    static func adjust(on date: BusinessDate, effectiveMonth: CalendarMonth, newMonthlyFen: Int64, state: CaseState, context: DecisionContext) throws(CaseRejection) -> [CaseEvent] {
        guard state.status == .active else { throw .caseNotActive }
        let policy = try context.parameters(state, on: date)
        let breakdown = formula(state, month: effectiveMonth, policy: policy)
        guard newMonthlyFen <= breakdown.monthlyAmountFen else { throw .amountExceedsFormula(proposedFen: newMonthlyFen, formulaFen: breakdown.monthlyAmountFen) }
        return [.amountAdjusted(AmountAdjusted(adjustedOn: date, effectiveMonth: effectiveMonth, previousMonthlyFen: state.monthlyAmountFen,
                                               newMonthlyFen: newMonthlyFen, cause: .householdChange))]
    }

    /// 退出: from the month after the decision; for a death, from the month after the death
    /// month, which is paid in full (F-12, R-D06).
    static func exit(decidedBy: String, on date: BusinessDate, reason: ExitReason, deathDate: BusinessDate?, state: CaseState) throws(CaseRejection) -> [CaseEvent] {
        guard [.active, .tapering, .suspended].contains(state.status) else { throw .caseNotActive }
        let basis = reason == .death ? (deathDate ?? date) : date
        return [.caseExited(CaseExited(decidedBy: decidedBy, decidedOn: date, effectiveMonth: CalendarMonth(containing: basis).adding(months: 1), reason: reason))]
    }

    /// 更正 (R-D03): names the corrected event; a corrected amount only for the event that set
    /// the current amount.
    static func correct(eventId: String, by staff: String, on date: BusinessDate, reason: String, amount: Int64?, state: CaseState) throws(CaseRejection) -> [CaseEvent] {
        guard let type = state.eventTypes[eventId] else { throw .correctedEventUnknown(eventId: eventId) }
        if amount != nil, eventId != state.amountEventId || type == TaperingStarted.eventType {
            throw .correctionAmountNotApplicable(eventType: type)
        }
        return [.eventCorrected(EventCorrected(correctedEventId: eventId, correctedEventType: type, correctedBy: staff, correctedOn: date,
                                               reason: reason, correctedMonthlyFen: amount))]
    }
}
