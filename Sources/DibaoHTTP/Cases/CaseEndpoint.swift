import DibaoCaseService
import DibaoCasework
import DibaoEvents

/// One `POST /v1/cases/{id}/<path>` route: how its JSON body and the token's actor become a
/// `CaseCommand`. Staff ids that name the acting person come from the token, never the body.
struct CaseEndpoint: Sendable {
    /// The path after `/v1/cases/{id}/`.
    let path: String
    let summary: String
    let command: @Sendable (inout CommandBody, Actor) throws -> CaseCommand

    /// Every command route on an existing case, in lifecycle order.
    static let all: [CaseEndpoint] = lifecycle + changes + temporaryAssistance

    /// Decodes the whole body as an event type's data, with `actorFields` set to the actor id.
    static func eventData<Event: LedgerEventData>(_ type: Event.Type, _ body: inout CommandBody, actor: Actor, actorFields: [String] = []) throws -> Event {
        guard case .object(var members) = try body.object(refusing: actorFields) else { preconditionFailure("a body is an object") }
        for field in actorFields { members[field] = .string(actor.actorId) }
        return try Event.decode(.object(members))
    }

    static let lifecycle: [CaseEndpoint] = [
        CaseEndpoint(path: "verification", summary: "家庭经济状况核对 record the household economic verification") { body, actor in
            .recordVerification(try CaseEndpoint.eventData(HouseholdEconomicVerificationRecorded.self, &body, actor: actor, actorFields: ["verifiedBy"]))
        },
        CaseEndpoint(path: "home-visits", summary: "入户调查 record a home visit") { body, actor in
            .recordHomeVisit(try CaseEndpoint.eventData(HomeVisitRecorded.self, &body, actor: actor))
        },
        CaseEndpoint(path: "appraisals", summary: "民主评议 record the village democratic appraisal") { body, actor in
            .recordAppraisal(try CaseEndpoint.eventData(DemocraticAppraisalRecorded.self, &body, actor: actor, actorFields: ["recordedBy"]))
        },
        CaseEndpoint(path: "notices", summary: "公示 post the public notice") { body, actor in
            .postPublicNotice(try CaseEndpoint.eventData(PublicNoticePosted.self, &body, actor: actor))
        },
        CaseEndpoint(path: "objections", summary: "公示异议 raise an objection against the notice") { body, actor in
            .raiseObjection(try CaseEndpoint.eventData(ObjectionRaised.self, &body, actor: actor))
        },
        CaseEndpoint(path: "review", summary: "审核 review the case, proposing an amount (or the formula's)") { body, actor in
            .reviewCase(reviewerId: actor.actorId, on: try body.date("on"), proposedMonthlyFen: try body.optionalFen("proposedMonthlyFen"))
        },
        CaseEndpoint(path: "approval", summary: "审批 approve the case at the actor's level") { body, actor in
            .approveCase(approverId: actor.actorId, level: actor.level, on: try body.date("on"))
        },
        CaseEndpoint(path: "rejection", summary: "不予批准 reject the application") { body, actor in
            .rejectApplication(decidedBy: actor.actorId, level: actor.level, on: try body.date("on"),
                               reasonCode: try body.string("reasonCode"), reason: try body.freeText("reason"))
        },
    ]
}
