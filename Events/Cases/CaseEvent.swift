/// One event of a `case-<id>` stream, as a closed enum so `evolve` handles every type.
public enum CaseEvent: Sendable, Hashable {
    case applicationSubmitted(ApplicationSubmitted)
    case householdEconomicVerificationRecorded(HouseholdEconomicVerificationRecorded)
    case homeVisitRecorded(HomeVisitRecorded)
    case democraticAppraisalRecorded(DemocraticAppraisalRecorded)
    case publicNoticePosted(PublicNoticePosted)
    case objectionRaised(ObjectionRaised)
    case caseReviewed(CaseReviewed)
    case caseApproved(CaseApproved)
    case applicationRejected(ApplicationRejected)
    case amountAdjusted(AmountAdjusted)
    case recheckRecorded(RecheckRecorded)
    case taperingStarted(TaperingStarted)
    case taperingEnded(TaperingEnded)
    case caseSuspended(CaseSuspended)
    case caseResumed(CaseResumed)
    case caseExited(CaseExited)
    case eventCorrected(EventCorrected)
    case emergencyAssistancePaid(EmergencyAssistancePaid)
    case emergencyExplanationRecorded(EmergencyExplanationRecorded)
    case expenditureAssistanceApproved(ExpenditureAssistanceApproved)
    case assistanceStagePaid(AssistanceStagePaid)

    /// The event's data as its type.
    public var payload: any LedgerEventData {
        switch self {
        case .applicationSubmitted(let event): return event
        case .householdEconomicVerificationRecorded(let event): return event
        case .homeVisitRecorded(let event): return event
        case .democraticAppraisalRecorded(let event): return event
        case .publicNoticePosted(let event): return event
        case .objectionRaised(let event): return event
        case .caseReviewed(let event): return event
        case .caseApproved(let event): return event
        case .applicationRejected(let event): return event
        case .amountAdjusted(let event): return event
        case .recheckRecorded(let event): return event
        case .taperingStarted(let event): return event
        case .taperingEnded(let event): return event
        case .caseSuspended(let event): return event
        case .caseResumed(let event): return event
        case .caseExited(let event): return event
        case .eventCorrected(let event): return event
        case .emergencyAssistancePaid(let event): return event
        case .emergencyExplanationRecorded(let event): return event
        case .expenditureAssistanceApproved(let event): return event
        case .assistanceStagePaid(let event): return event
        }
    }

    /// Catalogue name of the type.
    public var eventType: String { type(of: payload).eventType }

    /// The `data` object.
    public var json: JSONValue { payload.json }

    /// Decodes a stored case event; throws naming the field, or `event_type` for a non-case type.
    public init(eventType: String, data: JSONValue) throws(EventValidationError) {
        switch eventType {
        case ApplicationSubmitted.eventType: self = .applicationSubmitted(try ApplicationSubmitted.decode(data))
        case HouseholdEconomicVerificationRecorded.eventType: self = .householdEconomicVerificationRecorded(try HouseholdEconomicVerificationRecorded.decode(data))
        case HomeVisitRecorded.eventType: self = .homeVisitRecorded(try HomeVisitRecorded.decode(data))
        case DemocraticAppraisalRecorded.eventType: self = .democraticAppraisalRecorded(try DemocraticAppraisalRecorded.decode(data))
        case PublicNoticePosted.eventType: self = .publicNoticePosted(try PublicNoticePosted.decode(data))
        case ObjectionRaised.eventType: self = .objectionRaised(try ObjectionRaised.decode(data))
        case CaseReviewed.eventType: self = .caseReviewed(try CaseReviewed.decode(data))
        case CaseApproved.eventType: self = .caseApproved(try CaseApproved.decode(data))
        case ApplicationRejected.eventType: self = .applicationRejected(try ApplicationRejected.decode(data))
        case AmountAdjusted.eventType: self = .amountAdjusted(try AmountAdjusted.decode(data))
        case RecheckRecorded.eventType: self = .recheckRecorded(try RecheckRecorded.decode(data))
        case TaperingStarted.eventType: self = .taperingStarted(try TaperingStarted.decode(data))
        case TaperingEnded.eventType: self = .taperingEnded(try TaperingEnded.decode(data))
        case CaseSuspended.eventType: self = .caseSuspended(try CaseSuspended.decode(data))
        case CaseResumed.eventType: self = .caseResumed(try CaseResumed.decode(data))
        case CaseExited.eventType: self = .caseExited(try CaseExited.decode(data))
        case EventCorrected.eventType: self = .eventCorrected(try EventCorrected.decode(data))
        case EmergencyAssistancePaid.eventType: self = .emergencyAssistancePaid(try EmergencyAssistancePaid.decode(data))
        case EmergencyExplanationRecorded.eventType: self = .emergencyExplanationRecorded(try EmergencyExplanationRecorded.decode(data))
        case ExpenditureAssistanceApproved.eventType: self = .expenditureAssistanceApproved(try ExpenditureAssistanceApproved.decode(data))
        case AssistanceStagePaid.eventType: self = .assistanceStagePaid(try AssistanceStagePaid.decode(data))
        default: throw .unknownEventType(eventType, schemaVersion: 1)
        }
    }
}
