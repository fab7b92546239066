import DibaoCasework
import DibaoEvents

extension CaseEndpoint {
    static let changes: [CaseEndpoint] = [
        CaseEndpoint(path: "adjustments", summary: "调整 adjust the monthly amount from a month") { body, _ in
            .adjustAmount(on: try body.date("on"), effectiveMonth: try body.month("effectiveMonth"), newMonthlyFen: try body.fen("newMonthlyFen"))
        },
        CaseEndpoint(path: "rechecks", summary: "定期核查 record a periodic re-check with verified incomes") { body, actor in
            let months = try body.optionalInteger("taperingMonths")
            guard months.map({ (1...120).contains($0) }) ?? true else { throw APIError.invalid(field: "taperingMonths", reason: "must be 1…120") }
            return .recordRecheck(recheckedBy: actor.actorId, on: try body.date("on"),
                                  incomes: try body.decoded("incomes", as: [IncomeRecord].self) ?? [],
                                  deductions: try body.decoded("deductions", as: [DeductionRecord].self) ?? [],
                                  incomeRiseCause: try body.enumeration("incomeRiseCause", IncomeRiseCause.self),
                                  taperingMonths: months.map { Int($0) })
        },
        CaseEndpoint(path: "tapering-completion", summary: "渐退期 end a tapering that ran its length: the case exits") { body, actor in
            .completeTapering(decidedBy: actor.actorId, on: try body.date("on"))
        },
        CaseEndpoint(path: "suspension", summary: "暂停 suspend payments from a month") { body, _ in
            .suspendCase(on: try body.date("on"), fromMonth: try body.month("fromMonth"), reason: try body.freeText("reason"))
        },
        CaseEndpoint(path: "resumption", summary: "恢复 resume payments from a month") { body, _ in
            .resumeCase(on: try body.date("on"), fromMonth: try body.month("fromMonth"))
        },
        CaseEndpoint(path: "exit", summary: "退出 exit the case") { body, actor in
            guard let reason = try body.enumeration("reason", ExitReason.self) else { throw APIError.invalid(field: "reason", reason: "required") }
            return .exitCase(decidedBy: actor.actorId, on: try body.date("on"), reason: reason, deathDate: try body.optionalDate("deathDate"))
        },
        CaseEndpoint(path: "corrections", summary: "更正 correct an earlier event (never overwrites it)") { body, actor in
            .correctEvent(eventId: try body.uuid("eventId").uuidString.lowercased(), correctedBy: actor.actorId, on: try body.date("on"),
                          reason: try body.freeText("reason"), correctedMonthlyFen: try body.optionalFen("correctedMonthlyFen"))
        },
    ]

    static let temporaryAssistance: [CaseEndpoint] = [
        CaseEndpoint(path: "emergency-assistance", summary: "急难型临时救助 pay emergency assistance first") { body, actor in
            .payEmergencyAssistance(paidBy: actor.actorId, level: actor.level, on: try body.date("on"),
                                    emergencyLocationCode: try body.regionCode("emergencyLocationCode"), amountFen: try body.fen("amountFen"))
        },
        CaseEndpoint(path: "emergency-explanation", summary: "事后补充说明 explain an emergency payment afterwards") { body, actor in
            .recordEmergencyExplanation(recordedBy: actor.actorId, on: try body.date("on"), explanation: try body.freeText("explanation"))
        },
        CaseEndpoint(path: "expenditure-approval", summary: "支出型临时救助 approve expenditure assistance, paid in stages") { body, actor in
            let stages = try body.optionalInteger("plannedStages")
            guard let stages, (1...120).contains(stages) else { throw APIError.invalid(field: "plannedStages", reason: "required, 1…120") }
            return .approveExpenditureAssistance(approverId: actor.actorId, on: try body.date("on"), totalFen: try body.fen("totalFen"),
                                                 plannedStages: Int(stages))
        },
        CaseEndpoint(path: "stages", summary: "分阶段救助 pay one stage of approved expenditure assistance") { body, _ in
            .payAssistanceStage(on: try body.date("on"), amountFen: try body.fen("amountFen"))
        },
    ]
}
