import DibaoCasework
import DibaoEvents
import DibaoStore

/// Folds one case event into the case's row and records the effective-dated change it makes.
/// Mirrors `CaseState.evolve` for the facts the caseload keeps; the dates follow entitlement
/// months (RULES.md F-23): approval from the first benefit month, exit from its effective month.
enum CaseloadFold {
    static func apply(_ event: CaseEvent, of recorded: RecordedEvent, caseId: String, to row: inout CaseloadRow?, changes: inout CaseloadChanges) {
        let eventId = recorded.eventId.uuidString.lowercased()
        if case .applicationSubmitted(let data) = event {
            let persons = data.singlePersonMemberIdNumber == nil ? data.members.count : 1
            row = CaseloadRow(caseId: caseId, villageCode: data.villageCode.rawValue, programme: data.programme, status: .pending,
                              persons: persons, monthlyAmountFen: 0, submittedOn: data.submittedOn, lastStreamVersion: recorded.streamVersion)
            record(row!, recorded, eventId, validFrom: data.submittedOn, status: .pending, persons: persons, amount: 0, into: &changes)
            return
        }
        // A case stream always opens with its application; anything else first is not counted.
        guard var current = row else { return }
        current.lastStreamVersion = recorded.streamVersion
        switch event {
        case .caseApproved(let data):
            current.status = .active
            current.monthlyAmountFen = data.monthlyAmountFen
            current.amountEventId = eventId
            current.entryMonth = data.firstBenefitMonth
            record(current, recorded, eventId, validFrom: data.firstBenefitMonth.firstDay, status: .active, amount: data.monthlyAmountFen, into: &changes)
        case .applicationRejected(let data):
            current.status = .rejected
            record(current, recorded, eventId, validFrom: data.decidedOn, status: .rejected, into: &changes)
        case .amountAdjusted(let data):
            current.monthlyAmountFen = data.newMonthlyFen
            current.amountEventId = eventId
            record(current, recorded, eventId, validFrom: data.effectiveMonth.firstDay, amount: data.newMonthlyFen, into: &changes)
        case .taperingStarted(let data):
            current.status = .tapering
            current.monthlyAmountFen = data.monthlyAmountFen
            current.amountEventId = eventId
            record(current, recorded, eventId, validFrom: data.startMonth.firstDay, status: .tapering, amount: data.monthlyAmountFen, into: &changes)
        case .taperingEnded(let data) where data.outcome == .returnedToNormal:
            current.status = .active
            record(current, recorded, eventId, validFrom: data.endedOn, status: .active, into: &changes)
        case .caseSuspended(let data):
            current.statusBeforeSuspension = current.status
            current.status = .suspended
            record(current, recorded, eventId, validFrom: data.fromMonth.firstDay, status: .suspended, into: &changes)
        case .caseResumed(let data):
            current.status = current.statusBeforeSuspension ?? .active
            current.statusBeforeSuspension = nil
            record(current, recorded, eventId, validFrom: data.fromMonth.firstDay, status: current.status, into: &changes)
        case .caseExited(let data):
            current.status = .exited
            current.exitMonth = data.effectiveMonth
            record(current, recorded, eventId, validFrom: data.effectiveMonth.firstDay, status: .exited, into: &changes)
        case .eventCorrected(let data):
            guard let amount = data.correctedMonthlyFen else { break }
            let corrected = data.correctedEventId.lowercased()
            // The corrected event's own history row gets the right amount; the current amount
            // changes only if that event still sets it (a later adjustment supersedes it).
            if corrected == current.amountEventId { current.monthlyAmountFen = amount }
            changes.corrections.append(AmountCorrection(caseId: caseId, correctedEventId: corrected, monthlyAmountFen: amount))
        case .emergencyAssistancePaid(let data):
            changes.payments.append(TemporaryPayment(eventId: eventId, caseId: caseId, regionCode: data.emergencyLocationCode.rawValue, kind: "emergency",
                                                     paidOn: data.paidOn, amountFen: data.amountFen, personTimes: current.persons))
        case .assistanceStagePaid(let data):
            // 一次审批、分阶段救助: one approval is one assistance, so only its first stage counts persons.
            changes.payments.append(TemporaryPayment(eventId: eventId, caseId: caseId, regionCode: current.villageCode, kind: "stage",
                                                     paidOn: data.paidOn, amountFen: data.amountFen, personTimes: data.stageNumber == 1 ? current.persons : 0))
        default:
            break
        }
        row = current
        changes.touched.insert(caseId)
    }

    private static func record(_ row: CaseloadRow, _ recorded: RecordedEvent, _ eventId: String, validFrom: BusinessDate,
                               status: CaseStatus? = nil, persons: Int? = nil, amount: Int64? = nil, into changes: inout CaseloadChanges) {
        changes.touched.insert(row.caseId)
        changes.history.append(CaseloadChange(caseId: row.caseId, streamVersion: recorded.streamVersion, eventId: eventId, eventType: recorded.eventType,
                                              villageCode: row.villageCode, programme: row.programme, validFrom: validFrom,
                                              status: status, persons: persons, monthlyAmountFen: amount))
    }
}
