import DibaoCaseService
import DibaoCasework
import DibaoEvents

/// A case as `GET /v1/cases/{id}` shows it: status, amounts, key dates and what is overdue
/// as of a date. Resident ID numbers appear masked only (R-D04).
enum CaseView {
    static func json(_ snapshot: CaseSnapshot, asOf today: BusinessDate) -> JSONValue {
        let state = snapshot.state
        var members: [String: JSONValue] = [
            "caseId": .string(snapshot.caseId),
            "version": .integer(snapshot.version),
            "status": .string(state.status.rawValue),
            "monthlyAmountFen": .integer(state.monthlyAmountFen),
            "objectionStage": .string(state.objectionStage.rawValue),
            "asOf": .string(today.description),
        ]
        if let application = state.application {
            members["programme"] = .string(application.programme)
            members["villageCode"] = .string(application.villageCode.rawValue)
            members["submittedOn"] = .string(application.submittedOn.description)
            members["householdMembers"] = .array(application.members.map { member -> JSONValue in
                ["idNumber": .string(member.idNumber.masked), "relation": .string(member.relation.rawValue)]
            })
        }
        if let review = state.review { members["reviewedOn"] = .string(review.reviewedOn.description) }
        if let approval = state.approval {
            members["approvedOn"] = .string(approval.approvedOn.description)
            members["firstBenefitMonth"] = .string(approval.firstBenefitMonth.description)
        }
        if let rejection = state.rejection { members["rejection"] = rejection.json }
        if let tapering = state.tapering {
            members["tapering"] = ["startMonth": .string(tapering.startMonth.description), "endMonth": .string(tapering.endMonth.description)]
        }
        if let suspension = state.suspension { members["suspendedFromMonth"] = .string(suspension.fromMonth.description) }
        if let exit = state.exit {
            members["exit"] = ["reason": .string(exit.reason.rawValue), "effectiveMonth": .string(exit.effectiveMonth.description)]
        }
        members["overdue"] = overdue(snapshot, asOf: today)
        return .object(members)
    }

    /// The overdue flags; `null` when the jurisdiction's policy does not resolve for the month.
    static func overdue(_ snapshot: CaseSnapshot, asOf today: BusinessDate) -> JSONValue {
        let state = snapshot.state
        guard let village = state.application?.villageCode,
              let policy = try? snapshot.policy.parameters(for: village, month: CalendarMonth(containing: today))
        else { return .null }
        var flags: [String: JSONValue] = [
            "decision": .bool(state.isDecisionOverdue(asOf: today, policy: policy)),
            "recheck": .bool(state.isRecheckOverdue(asOf: today, policy: policy)),
            "taperingOverrun": .bool(state.isTaperingOverrun(asOf: today)),
            "explanationsOverdue": .integer(Int64(state.overdueExplanations(asOf: today).count)),
        ]
        if let due = state.decisionDueOn(policy: policy) { flags["decisionDueOn"] = .string(due.description) }
        if let due = state.recheckDueOn(policy: policy) { flags["recheckDueOn"] = .string(due.description) }
        return .object(flags)
    }
}
