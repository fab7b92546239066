import DibaoCaseService
import DibaoCasework
import DibaoEvents
import Foundation

/// A case as `GET /v1/cases/{id}` shows it: status, amounts, key dates, what is overdue as of a
/// date, and its history (every event: who, when, on what authority, why, and the event id a
/// correction names). Resident ID numbers appear masked only (R-D04).
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
        if let rejection = state.rejection { members["rejection"] = maskingFreeText(rejection.json) }
        if let tapering = state.tapering {
            members["tapering"] = ["startMonth": .string(tapering.startMonth.description), "endMonth": .string(tapering.endMonth.description)]
        }
        if let suspension = state.suspension { members["suspendedFromMonth"] = .string(suspension.fromMonth.description) }
        if let exit = state.exit {
            members["exit"] = ["reason": .string(exit.reason.rawValue), "effectiveMonth": .string(exit.effectiveMonth.description)]
        }
        members["overdue"] = overdue(snapshot, asOf: today)
        members["history"] = .array(snapshot.history.map(historyEntry))
        return .object(members)
    }

    /// `value` with every string masked by `FreeText.masked`: reasons typed before commands
    /// refused ID and account numbers in free text are shown masked (R-D04).
    static func maskingFreeText(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(FreeText.masked(text))
        case .array(let elements): .array(elements.map(maskingFreeText))
        case .object(let members): .object(members.mapValues(maskingFreeText))
        default: value
        }
    }

    /// One history entry; `recordedAt` is PostgreSQL's clock in UTC, to the millisecond.
    static func historyEntry(_ entry: CaseHistoryEntry) -> JSONValue {
        var members: [String: JSONValue] = [
            "version": .integer(entry.version),
            "eventId": .string(entry.eventId),
            "eventType": .string(entry.eventType),
            "effectiveDate": .string(entry.effectiveDate.description),
            "recordedAt": .string(entry.recordedAt.formatted(Self.recordedAtStyle)),
            "actorId": .string(entry.metadata.actorId),
            "actorRole": .string(entry.metadata.actorRole),
            "jurisdictionCode": .string(entry.metadata.jurisdictionCode),
        ]
        if let reason = entry.metadata.reason { members["reason"] = .string(FreeText.masked(reason)) }
        return .object(members)
    }

    static let recordedAtStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

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
