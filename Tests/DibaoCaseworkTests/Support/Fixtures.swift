import DibaoCasework
import DibaoEvents

/// Builders for test data: valid ID numbers, members, dates.
enum Fixtures {
    /// A valid 18-character ID number for a region, birth date `YYYYMMDD` and sequence.
    static func idNumber(region: String = "140702", birth: String, sequence: String = "123") -> ResidentIdNumber {
        let body = region + birth + sequence
        let digits = body.utf8.map { Int($0) - 48 }
        let check = Character(Unicode.Scalar(ResidentIdNumber.checkCharacter(digits)))
        return try! ResidentIdNumber(body + String(check))
    }

    static func date(_ text: String) -> BusinessDate { try! BusinessDate(text) }
    static func month(_ text: String) -> CalendarMonth { try! CalendarMonth(text) }
    static func region(_ text: String) -> RegionCode { try! RegionCode(text) }

    static func member(_ relation: MemberRelation, born: String, sequence: String = "123", disability: DisabilityRecord? = nil,
                       seriouslyIll: Bool = false, ableToWork: Bool = false) -> HouseholdMemberRecord {
        HouseholdMemberRecord(idNumber: idNumber(birth: born, sequence: sequence), relation: relation, disability: disability,
                              seriouslyIll: seriouslyIll, ableToWork: ableToWork)
    }

    /// A Jinzhong (榆次区) rural household of three: two adults and a child of ten in 2022.
    static var familyOfThree: [HouseholdMemberRecord] {
        [member(.applicant, born: "19770305", sequence: "111", ableToWork: true),
         member(.spouse, born: "19790611", sequence: "222"),
         member(.child, born: "20120101", sequence: "333")]
    }

    /// Policy parameters of the fixture for a code and month.
    static func policy(_ code: RegionCode, _ month: String) -> PolicyParameters {
        try! PolicyFixture.book.parameters(for: code, month: Fixtures.month(month))
    }

    static func application(caseId: String = "C1", programme: Programme = .ruralDibao, village: String = "140702001001",
                             on date: String = "2022-03-01", members: [HouseholdMemberRecord] = familyOfThree,
                             incomes: [IncomeRecord] = [IncomeRecord(kind: .wages, monthlyFen: 60_033), IncomeRecord(kind: .basicPensionBasicPart, monthlyFen: 10_000)],
                             deductions: [DeductionRecord] = [DeductionRecord(kind: .employmentCost, monthlyFen: 5_000)],
                             kin: Bool = false, irregular: Bool = false, single: ResidentIdNumber? = nil) -> ApplicationSubmitted {
        ApplicationSubmitted(caseId: caseId, programme: programme.rawValue, villageCode: region(village), submittedOn: Fixtures.date(date),
                             members: members, incomes: incomes, deductions: deductions, assets: [], applicantDeclaresStaffKinship: kin,
                             incomeIrregular: irregular, singlePersonMemberIdNumber: single)
    }
}
