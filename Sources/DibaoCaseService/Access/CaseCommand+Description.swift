import DibaoCasework
import DibaoEvents

extension CaseCommand {
    /// Stable snake_case name, used by access errors, logs and the docs.
    public var name: String {
        switch self {
        case .submitApplication: "submit_application"
        case .recordVerification: "record_verification"
        case .recordHomeVisit: "record_home_visit"
        case .recordAppraisal: "record_appraisal"
        case .postPublicNotice: "post_public_notice"
        case .raiseObjection: "raise_objection"
        case .reviewCase: "review_case"
        case .approveCase: "approve_case"
        case .rejectApplication: "reject_application"
        case .adjustAmount: "adjust_amount"
        case .recordRecheck: "record_recheck"
        case .completeTapering: "complete_tapering"
        case .suspendCase: "suspend_case"
        case .resumeCase: "resume_case"
        case .exitCase: "exit_case"
        case .correctEvent: "correct_event"
        case .payEmergencyAssistance: "pay_emergency_assistance"
        case .recordEmergencyExplanation: "record_emergency_explanation"
        case .approveExpenditureAssistance: "approve_expenditure_assistance"
        case .payAssistanceStage: "pay_assistance_stage"
        }
    }

    /// The business date the command acts on: the effective date of the events it produces.
    public var businessDate: BusinessDate {
        switch self {
        case .submitApplication(let data): data.submittedOn
        case .recordVerification(let data): data.verifiedOn
        case .recordHomeVisit(let data): data.visitedOn
        case .recordAppraisal(let data): data.heldOn
        case .postPublicNotice(let data): data.postedOn
        case .raiseObjection(let data): data.raisedOn
        case .reviewCase(_, let date, _), .approveCase(_, _, let date), .rejectApplication(_, _, let date, _, _),
             .adjustAmount(let date, _, _), .recordRecheck(_, let date, _, _, _, _), .completeTapering(_, let date),
             .suspendCase(let date, _, _), .resumeCase(let date, _), .exitCase(_, let date, _, _),
             .correctEvent(_, _, let date, _, _), .payEmergencyAssistance(_, _, let date, _, _),
             .recordEmergencyExplanation(_, let date, _), .approveExpenditureAssistance(_, let date, _, _),
             .payAssistanceStage(let date, _):
            date
        }
    }

    /// The reason stored in the events' metadata, for commands that carry one.
    public var reason: String? {
        switch self {
        case .rejectApplication(_, _, _, let code, let reason): "\(code): \(reason)"
        case .suspendCase(_, _, let reason): reason
        case .exitCase(_, _, let reason, _): reason.rawValue
        case .correctEvent(_, _, _, let reason, _): reason
        default: nil
        }
    }
}
