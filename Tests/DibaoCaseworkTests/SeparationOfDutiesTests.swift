import DibaoCasework
import DibaoEvents
import Testing

@Suite("Separation of duties and declared kin (R-D01, R-D02)")
struct SeparationOfDutiesTests {
    /// The reviewer's and approver's declared relative: the household's spouse.
    func kin(_ staff: String) -> StaffKinshipDeclared {
        StaffKinshipDeclared(staffId: staff, staffRole: .civilAffairs, relativeIdNumber: Fixtures.familyOfThree[1].idNumber,
                             relation: .sibling, declaredOn: Fixtures.date("2021-01-05"))
    }

    @Test("R-D01: the approver is never the reviewer")
    func approverIsNotReviewer() {
        CaseSpec.given(commands: Scenarios.reviewed()).when(Scenarios.approve(by: "S-REVIEW")).thenRejected(.approverMustDifferFromReviewer)
    }

    @Test("R-D02: staff who declared kinship with a member can neither review nor approve nor record the appraisal")
    func declaredKinCannotAct() {
        CaseSpec.given(commands: Scenarios.readyForReview(), kin: [kin("S-REVIEW")]).when(Scenarios.review())
            .thenRejected(.staffIsDeclaredKin(staffId: "S-REVIEW"))
        CaseSpec.given(commands: [.submitApplication(Fixtures.application()), Scenarios.verification(), Scenarios.homeVisit()], kin: [kin("S-CADRE")])
            .when(Scenarios.appraisal()).thenRejected(.staffIsDeclaredKin(staffId: "S-CADRE"))
        let reviewed = CaseSpec.given(commands: Scenarios.reviewed() + [Scenarios.homeVisit(on: "2022-03-23", level: .county)], kin: [kin("S-APPROVE")])
        reviewed.when(Scenarios.approve()).thenRejected(.staffIsDeclaredKin(staffId: "S-APPROVE"))
    }

    @Test("R-D02: a kin-related application (registry match) needs a county-level home visit before approval")
    func kinRelatedNeedsCountyVisit() {
        let registry = [kin("S-OTHER")]
        CaseSpec.given(commands: Scenarios.reviewed(), kin: registry).when(Scenarios.approve()).thenRejected(.countyHomeVisitRequiredForKinRelatedCase)
        let visited = CaseSpec.given(commands: Scenarios.reviewed() + [Scenarios.homeVisit(on: "2022-03-23", level: .county)], kin: registry)
        #expect(visited.when(Scenarios.approve()).state.status == .active)
    }

    @Test("R-D02: the applicant's own kinship declaration also makes the case kin-related")
    func declaredByApplicant() {
        CaseSpec.given(commands: Scenarios.reviewed(Fixtures.application(kin: true))).when(Scenarios.approve())
            .thenRejected(.countyHomeVisitRequiredForKinRelatedCase)
    }
}
