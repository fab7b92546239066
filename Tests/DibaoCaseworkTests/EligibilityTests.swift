import DibaoCasework
import DibaoEvents
import Testing

@Suite("单人户 single-person enrolment and 特困 coverage")
struct EligibilityTests {
    let intellectualGrade4 = Fixtures.member(.child, born: "19950101", sequence: "444", disability: DisabilityRecord(grade: 4, type: .intellectual))
    let mentalGrade3 = Fixtures.member(.child, born: "19950101", sequence: "555", disability: DisabilityRecord(grade: 3, type: .mental))
    let physicalGrade3 = Fixtures.member(.child, born: "19950101", sequence: "666", disability: DisabilityRecord(grade: 3, type: .physical))

    @Test("R001-01 (001 Mangshi) vs R004-04 (004 Jinzhong): grade-4 intellectual disability qualifies alone in Mangshi only")
    func criteriaDiffer() {
        let mangshi = Fixtures.policy(PolicyFixture.mangshi, "2022-01").singlePersonCriteria
        let jinzhong = Fixtures.policy(PolicyFixture.jinzhong, "2022-01").singlePersonCriteria
        #expect(MemberProfile.qualifiesAlone(intellectualGrade4, criteria: mangshi))
        #expect(!MemberProfile.qualifiesAlone(intellectualGrade4, criteria: jinzhong))
        #expect(MemberProfile.qualifiesAlone(mentalGrade3, criteria: jinzhong))
        #expect(!MemberProfile.qualifiesAlone(physicalGrade3, criteria: jinzhong))
        #expect(MemberProfile.qualifiesAlone(Fixtures.member(.child, born: "19950101", seriouslyIll: true), criteria: jinzhong))
    }

    @Test("R004-04: a single-person application counts one member and that member's income only")
    func singlePersonCounted() {
        let members = Fixtures.familyOfThree + [mentalGrade3]
        let application = Fixtures.application(members: members, incomes: [], deductions: [], single: mentalGrade3.idNumber)
        let outcome = CaseSpec.given(commands: [.submitApplication(application), Scenarios.verification(incomes: []), Scenarios.homeVisit(), Scenarios.appraisal(), Scenarios.notice()])
            .when(Scenarios.review())
        #expect(outcome.state.review?.membersCounted == 1)
        #expect(outcome.state.review?.proposedMonthlyFen == 58_000)
    }

    @Test("R004-04: a member who does not meet the criteria is refused; Jilin (ILLUSTRATIVE) does not enrol alone")
    func singlePersonRefused() {
        let members = Fixtures.familyOfThree + [physicalGrade3]
        CaseSpec.given([]).when(.submitApplication(Fixtures.application(members: members, single: physicalGrade3.idNumber))).thenRejected(.singlePersonCriteriaNotMet)
        let jilinMembers = Fixtures.familyOfThree + [mentalGrade3]
        CaseSpec.given([]).when(.submitApplication(Fixtures.application(village: "220102001001", members: jilinMembers, single: mentalGrade3.idNumber)))
            .thenRejected(.singlePersonEnrolmentNotProvided)
    }

    @Test("R001-03 (001 Mangshi): 特困 covers a 17-year-old minor; an able 30-year-old alone is not in a 特困 category")
    func tekunMinorsToEighteen() {
        let seventeen = Fixtures.member(.applicant, born: "20040601")
        let application = Fixtures.application(programme: .extremePovertyDispersed, village: "533103001001", on: "2022-03-01", members: [seventeen], incomes: [], deductions: [])
        #expect(CaseSpec.given([]).when(.submitApplication(application)).events.count == 1)
        let adult = Fixtures.member(.applicant, born: "19920101", ableToWork: true)
        CaseSpec.given([]).when(.submitApplication(Fixtures.application(programme: .extremePovertyDispersed, village: "533103001001", members: [adult], incomes: [], deductions: [])))
            .thenRejected(.notInTekunCategory)
        let policy = Fixtures.policy(PolicyFixture.mangshi, "2022-03")
        #expect(MemberProfile.inTekunCategory(seventeen, on: Fixtures.date("2022-05-31"), policy: policy))
        #expect(!MemberProfile.inTekunCategory(seventeen, on: Fixtures.date("2022-06-01"), policy: policy))
    }
}
