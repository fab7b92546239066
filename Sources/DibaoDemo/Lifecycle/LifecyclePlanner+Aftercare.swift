import DibaoCaseService
import DibaoCasework
import DibaoEvents

extension LifecyclePlanner {
    /// What happens after approval, by scenario: re-checks (定期核查), adjustments, tapering
    /// (渐退期) and its completion, suspension and resumption, exits.
    func aftercare(_ draft: inout PlanDraft, approvedOn: BusinessDate) {
        let household = draft.household, township = household.township
        let caseworker = staff.caseworker(township), approver = staff.countyApprover(household.index + 1)
        let approvedFen = formulaFen(household, incomes: household.incomes, deductions: household.deductions,
                                     month: CalendarMonth(containing: approvedOn))
        switch household.scenario {
        case .dibaoStable, .objectionApproved:
            let date = draft.monthsLater(6...6)
            draft.add("recheck", caseworker, recheck(caseworker, on: date, household.incomes, household.deductions, cause: nil))
        case .dibaoAdjusted:
            let date = draft.monthsLater(2...4)
            let month = CalendarMonth(containing: date).adding(months: 1)
            let formula = formulaFen(household, incomes: household.incomes, deductions: household.deductions, month: month)
            let lowered = min(formula, approvedFen * 85 / 100 / 100 * 100)
            guard lowered > 0 else { return }
            draft.add("adjust", approver, .adjustAmount(on: date, effectiveMonth: month, newMonthlyFen: lowered))
        case .recheckAdjusted:
            let incomes = household.incomes.map { $0.kind == .wages ? IncomeRecord(kind: .wages, monthlyFen: $0.monthlyFen / 5) : $0 }
            draft.add("recheck", caseworker, recheck(caseworker, on: draft.monthsLater(3...5), incomes, household.deductions, cause: nil))
        case .taperingCompleted, .taperingOngoing, .ineligibleAtRecheck:
            let date = draft.monthsLater(2...3)
            let standard = parameters(household, on: date).standardFen(for: household.programme)
            let wages = standard * Int64(household.members.count) + draft.random.fen(in: 20_000...80_000)
            let incomes = household.incomes.filter { $0.kind != .wages } + [IncomeRecord(kind: .wages, monthlyFen: wages)]
            draft.add("recheck", caseworker, recheck(caseworker, on: date, incomes, household.deductions, cause: .employment))
            guard household.scenario != .ineligibleAtRecheck else { return }
            // Jinzhong: exactly six months (R004-03), from the month after the re-check.
            let months = parameters(household, on: date).taperingMonths.lowerBound
            let endMonth = CalendarMonth(containing: date).adding(months: months)
            let completedOn = try! BusinessDate(year: endMonth.year, month: endMonth.month, day: draft.random.int(in: 20...26))
            draft.add("complete-tapering", approver, .completeTapering(decidedBy: approver.actorId, on: completedOn))
        case .suspendedResumed, .suspendedOngoing:
            let date = draft.monthsLater(2...3)
            draft.add("suspend", approver, .suspendCase(on: date, fromMonth: CalendarMonth(containing: date).adding(months: 1), reason: "外出失联，暂停发放待核实"))
            guard household.scenario == .suspendedResumed else { return }
            let resumed = draft.monthsLater(1...3)
            draft.add("resume", approver, .resumeCase(on: resumed, fromMonth: CalendarMonth(containing: resumed).adding(months: 1)))
        case .exitDeath:
            exitOnDeath(&draft, approver: approver)
        case .exitMovedAway:
            draft.add("exit", approver, .exitCase(decidedBy: approver.actorId, on: draft.monthsLater(2...6), reason: .movedAway, deathDate: nil))
        case .tekunCentralised, .tekunDispersed:
            if draft.random.chance(12) { exitOnDeath(&draft, approver: approver) }
        case .rejectedIncome, .objectionRejected, .emergency, .expenditure, .pendingAtYearEnd:
            return
        }
    }

    func exitOnDeath(_ draft: inout PlanDraft, approver: Actor) {
        let died = draft.monthsLater(2...5, day: 1...14)
        let decided = draft.later(5...12)
        draft.add("exit", approver, .exitCase(decidedBy: approver.actorId, on: decided, reason: .death, deathDate: died))
    }

    func recheck(_ caseworker: Actor, on date: BusinessDate, _ incomes: [IncomeRecord], _ deductions: [DeductionRecord],
                 cause: IncomeRiseCause?) -> CaseCommand {
        .recordRecheck(recheckedBy: caseworker.actorId, on: date, incomes: incomes, deductions: deductions, incomeRiseCause: cause, taperingMonths: nil)
    }
}
