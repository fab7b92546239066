import DibaoCaseService
import DibaoCasework
import DibaoEvents
import Testing

@Suite("Access rules")
struct AccessPolicyTests {
    static let approve = Household.approve
    static let submit = CaseCommand.submitApplication(Household.application(caseId: "C1"))

    @Test("Caseworkers submit and review but cannot approve")
    func caseworker() throws {
        try AccessPolicy.authorize(Self.submit, by: Household.caseworker)
        try AccessPolicy.authorize(Household.review, by: Household.caseworker)
        #expect(throws: AccessError.roleNotPermitted(role: .caseworker, command: "approve_case")) {
            try AccessPolicy.authorize(Self.approve, by: Household.caseworker)
        }
    }

    @Test("Approvers approve and exit but do not take applications")
    func approver() throws {
        try AccessPolicy.authorize(Self.approve, by: Household.approver)
        try AccessPolicy.authorize(.exitCase(decidedBy: "S-APPROVE", on: Household.date("2023-01-01"), reason: .movedAway, deathDate: nil), by: Household.approver)
        #expect(throws: AccessError.roleNotPermitted(role: .approver, command: "submit_application")) {
            try AccessPolicy.authorize(Self.submit, by: Household.approver)
        }
    }

    @Test("Inspectors, finance and administrators drive no casework command", arguments: [ActorRole.inspector, .finance, .admin])
    func readOnlyRoles(role: ActorRole) {
        let actor = Actor(actorId: "S-X", displayName: "x", role: role, jurisdictionCode: try! RegionCode("140700"))
        for command in [Self.submit, Household.review, Self.approve] {
            #expect(throws: AccessError.roleNotPermitted(role: role, command: command.name)) { try AccessPolicy.authorize(command, by: actor) }
        }
    }

    @Test("Every command is open to exactly one role")
    func everyCommandHasARole() {
        let commands: [CaseCommand] = [Self.submit, Household.review, Self.approve,
                                       .payAssistanceStage(on: Household.date("2022-01-01"), amountFen: 1),
                                       .payEmergencyAssistance(paidBy: "S", level: .county, on: Household.date("2022-01-01"), emergencyLocationCode: Household.village, amountFen: 1)]
        for command in commands { #expect(AccessPolicy.roles(for: command).count == 1) }
    }

    @Test("A jurisdiction contains the villages under its code prefix, trailing 00 pairs ignored")
    func jurisdiction() throws {
        try AccessPolicy.requireJurisdiction(Household.caseworker, over: Household.village)
        try AccessPolicy.requireJurisdiction(Household.inspector, over: Household.village)
        #expect(throws: AccessError.outsideJurisdiction(jurisdictionCode: "530000", villageCode: "140702001001")) {
            try AccessPolicy.requireJurisdiction(Household.elsewhere, over: Household.village)
        }
        let neighbour = Actor(actorId: "S-N", displayName: "n", role: .caseworker, jurisdictionCode: try RegionCode("140702002"))
        #expect(throws: AccessError.self) { try AccessPolicy.requireJurisdiction(neighbour, over: Household.village) }
    }

    @Test("A township token acts at township level, a county token at county level")
    func levels() {
        #expect(Household.caseworker.level == .township)
        #expect(Household.approver.level == .county)
    }

    @Test("Access errors keep stable codes; token failures are authentication failures")
    func codes() {
        #expect(AccessError.tokenMissing.code == "token_missing" && AccessError.tokenMissing.isAuthentication)
        #expect(AccessError.tokenExpired.code == "token_expired")
        #expect(AccessError.roleNotPermitted(role: .finance, command: "x").code == "role_not_permitted")
        #expect(!AccessError.outsideJurisdiction(jurisdictionCode: "1", villageCode: "2").isAuthentication)
    }
}
