import DibaoCasework
import DibaoEvents

/// The access rules, pure: which role may issue which command, and the jurisdiction rule
/// (a token acts only on villages its jurisdiction code contains, R-D11). No I/O.
public enum AccessPolicy {
    /// Roles allowed to issue `command`; reads are open to every role within its jurisdiction.
    public static func roles(for command: CaseCommand) -> Set<ActorRole> {
        switch command {
        case .submitApplication, .recordVerification, .recordHomeVisit, .recordAppraisal, .postPublicNotice,
             .raiseObjection, .reviewCase, .recordRecheck, .recordEmergencyExplanation, .payAssistanceStage:
            return [.caseworker]
        case .approveCase, .rejectApplication, .adjustAmount, .completeTapering, .suspendCase, .resumeCase,
             .exitCase, .correctEvent, .payEmergencyAssistance, .approveExpenditureAssistance:
            return [.approver]
        }
    }

    /// Refuses a command the actor's role may not issue.
    public static func authorize(_ command: CaseCommand, by actor: Actor) throws(AccessError) {
        guard roles(for: command).contains(actor.role) else { throw .roleNotPermitted(role: actor.role, command: command.name) }
    }

    /// Refuses a case whose village lies outside the actor's jurisdiction.
    public static func requireJurisdiction(_ actor: Actor, over villageCode: RegionCode) throws(AccessError) {
        guard actor.jurisdictionCode.contains(villageCode) else {
            throw .outsideJurisdiction(jurisdictionCode: actor.jurisdictionCode.rawValue, villageCode: villageCode.rawValue)
        }
    }
}
