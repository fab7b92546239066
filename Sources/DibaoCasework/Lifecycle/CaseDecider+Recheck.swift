import DibaoEvents

struct RecheckInput {
    var staff: String
    var date: BusinessDate
    var incomes: [IncomeRecord]
    var deductions: [DeductionRecord]
    var cause: IncomeRiseCause?
    var taperingMonths: Int?
}

extension CaseDecider {
    /// 定期核查 (R004-13/14): unchanged → amount stays; marked change → adjusted from next month;
    /// above the standard through the trigger cause → tapering (R000-06, R004-03); otherwise
    /// ineligible → exit. During tapering: income back below the standard ends it early.
    static func recheck(_ input: RecheckInput, state: CaseState, context: DecisionContext) throws(CaseRejection) -> [CaseEvent] {
        guard state.status == .active || state.status == .tapering else { throw .caseNotActive }
        try requireNotKin(input.staff, state: state, context: context)
        let policy = try context.parameters(state, on: input.date)
        var after = state
        after.incomes = input.incomes
        after.deductions = input.deductions
        let next = CalendarMonth(containing: input.date).adding(months: 1)
        let breakdown = formula(after, month: next, policy: policy)
        func recorded(_ outcome: RecheckOutcome) -> CaseEvent {
            .recheckRecorded(RecheckRecorded(recheckedOn: input.date, recheckedBy: input.staff, incomes: input.incomes,
                                             deductions: input.deductions, incomeRiseCause: input.cause, outcome: outcome))
        }
        func adjusted() -> CaseEvent {
            .amountAdjusted(AmountAdjusted(adjustedOn: input.date, effectiveMonth: next, previousMonthlyFen: state.monthlyAmountFen,
                                           newMonthlyFen: breakdown.monthlyAmountFen, cause: .recheck))
        }
        if state.status == .tapering {
            guard breakdown.isEligible else { return [recorded(.taperingContinues)] }
            return [recorded(.taperingEndedEarly), .taperingEnded(TaperingEnded(endedOn: input.date, outcome: .returnedToNormal)), adjusted()]
        }
        if breakdown.isEligible {
            guard isMarkedChange(from: state.monthlyAmountFen, to: breakdown.monthlyAmountFen) else { return [recorded(.unchanged)] }
            return [recorded(.adjusted), adjusted()]
        }
        if taperingApplies(state: state, cause: input.cause, policy: policy) {
            let months = input.taperingMonths ?? policy.taperingMonths.lowerBound
            try checkTaperingLength(months, policy: policy)
            return [recorded(.taperingStarted), .taperingStarted(TaperingStarted(startMonth: next, months: months, endMonth: next.adding(months: months - 1),
                                                                                  monthlyAmountFen: state.monthlyAmountFen))]
        }
        return [recorded(.ineligible), .caseExited(CaseExited(decidedBy: input.staff, decidedOn: input.date, effectiveMonth: next, reason: .ineligibleAtRecheck))]
    }

    /// F-11: a change is marked ("明显变化", R004-14) when it is at least 10 % of the current amount.
    static func isMarkedChange(from current: Int64, to new: Int64) -> Bool {
        abs(new - current) * 10 >= current && new != current
    }

    static func taperingApplies(state: CaseState, cause: IncomeRiseCause?, policy: PolicyParameters) -> Bool {
        guard let programme = state.programme, policy.taperingProgrammes.contains(programme) else { return false }
        switch policy.taperingTrigger {
        case .employment: return cause == .employment
        case .anyIncomeRise: return cause != nil
        }
    }

    /// R-D12 and R000-06: the length lies within the jurisdiction's bounds.
    static func checkTaperingLength(_ months: Int, policy: PolicyParameters) throws(CaseRejection) {
        guard months <= policy.taperingMonths.upperBound else { throw .taperingExceedsPolicyMaximum(months: months) }
        guard months >= policy.taperingMonths.lowerBound else { throw .taperingBelowPolicyMinimum(months: months) }
    }

    /// The tapering ran its length: it ends and the case exits from the month after its last month.
    static func completeTapering(decidedBy: String, on date: BusinessDate, state: CaseState) throws(CaseRejection) -> [CaseEvent] {
        guard state.status == .tapering, let tapering = state.tapering else { throw .caseNotTapering }
        guard CalendarMonth(containing: date) >= tapering.endMonth else { throw .taperingNotFinished(endMonth: tapering.endMonth) }
        return [.taperingEnded(TaperingEnded(endedOn: date, outcome: .completed)),
                .caseExited(CaseExited(decidedBy: decidedBy, decidedOn: date, effectiveMonth: tapering.endMonth.adding(months: 1), reason: .incomeAboveStandardAfterTapering))]
    }
}
