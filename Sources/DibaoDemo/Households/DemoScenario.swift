import DibaoCasework

/// What happens to a demo household over the year. Each scenario fixes the programme family
/// and the steps after the application; the generator draws one by weight.
public enum DemoScenario: String, Sendable, Hashable, CaseIterable {
    /// 低保 approved; a re-check six months on if the year allows.
    case dibaoStable = "dibao_stable"
    /// 低保 approved, later 调整 for a household change.
    case dibaoAdjusted = "dibao_adjusted"
    /// 低保 approved; a re-check finds income fell: amount adjusted.
    case recheckAdjusted = "recheck_adjusted"
    /// Rural 低保; employment lifts income above the standard: 渐退期 of six months, completed within the year.
    case taperingCompleted = "tapering_completed"
    /// As above, applied later: still tapering at the end of the year.
    case taperingOngoing = "tapering_ongoing"
    /// Urban 低保 with employment: Jinzhong tapers only rural 低保 (R004-03), so the case exits.
    case ineligibleAtRecheck = "ineligible_at_recheck"
    /// 暂停 then 恢复.
    case suspendedResumed = "suspended_resumed"
    /// 暂停 and still suspended at the end of the year.
    case suspendedOngoing = "suspended_ongoing"
    /// 退出 on the recipient's death.
    case exitDeath = "exit_death"
    /// 退出 on moving away.
    case exitMovedAway = "exit_moved_away"
    /// An objection to the public notice: re-investigation, new appraisal and notice, approved.
    case objectionApproved = "objection_approved"
    /// An objection upheld: rejected.
    case objectionRejected = "objection_rejected"
    /// Verification finds income above the standard: rejected.
    case rejectedIncome = "rejected_income"
    /// 特困, centralised care (集中供养).
    case tekunCentralised = "tekun_centralised"
    /// 特困, dispersed care (分散供养).
    case tekunDispersed = "tekun_dispersed"
    /// 急难型临时救助: paid first, explained afterwards.
    case emergency
    /// 支出型临时救助: one approval, paid in stages.
    case expenditure
    /// Applied in December; still pending at the end of the year.
    case pendingAtYearEnd = "pending_at_year_end"

    /// Relative frequency, per cent.
    var weight: Int {
        switch self {
        case .dibaoStable: 32
        case .dibaoAdjusted, .recheckAdjusted, .tekunDispersed: 6
        case .taperingCompleted, .taperingOngoing, .exitDeath, .objectionApproved, .tekunCentralised, .expenditure: 4
        case .ineligibleAtRecheck, .suspendedResumed, .exitMovedAway: 3
        case .suspendedOngoing, .objectionRejected: 1
        case .rejectedIncome: 5
        case .emergency: 8
        case .pendingAtYearEnd: 2
        }
    }

    /// Whether the household must live in an urban 街道 (true), a rural 镇/乡 (false) or anywhere (nil).
    var urban: Bool? {
        switch self {
        case .ineligibleAtRecheck: true
        case .taperingCompleted, .taperingOngoing: false
        default: nil
        }
    }

    /// Months (1…12) the application may be submitted in, so the later steps fit in the year.
    var applicationMonths: ClosedRange<Int> {
        switch self {
        case .taperingCompleted: 1...2
        case .taperingOngoing: 6...7
        case .pendingAtYearEnd: 12...12
        case .dibaoStable, .rejectedIncome, .objectionApproved, .objectionRejected, .tekunCentralised, .tekunDispersed: 1...10
        case .emergency: 1...11
        default: 1...7
        }
    }

    /// The programme, given where the household lives.
    func programme(urbanVillage: Bool) -> Programme {
        switch self {
        case .tekunCentralised: .extremePovertyCentralised
        case .tekunDispersed: .extremePovertyDispersed
        case .emergency, .expenditure: .temporaryAssistance
        default: urbanVillage ? .urbanDibao : .ruralDibao
        }
    }

    /// A scenario drawn by weight.
    static func draw(_ random: inout DemoRandom) -> DemoScenario {
        var roll = random.int(in: 0...(allCases.reduce(0) { $0 + $1.weight } - 1))
        for scenario in allCases {
            if roll < scenario.weight { return scenario }
            roll -= scenario.weight
        }
        preconditionFailure("weights cover the roll")
    }
}
