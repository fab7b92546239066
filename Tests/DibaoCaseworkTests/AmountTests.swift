import DibaoCasework
import DibaoEvents
import Testing

@Suite("Amounts: 差额, add-ons, rounding, tiers")
struct AmountTests {
    let jinzhong = Fixtures.policy(Fixtures.region("140702001001"), "2022-04")

    func amount(_ members: [HouseholdMemberRecord], income: Int64, programme: Programme = .ruralDibao, policy: PolicyParameters, month: String = "2022-04") -> AmountBreakdown {
        AmountCalculator.calculate(programme: programme, members: members,
                                   assessment: IncomeAssessment(incomes: [IncomeRecord(kind: .wages, monthlyFen: income)], deductions: []),
                                   month: Fixtures.month(month), policy: policy)
    }

    @Test("R004-05 (004 Jinzhong): (standard − per-capita income) × members plus 5 % of the standard for the minor, rounded to the yuan half-up (F-02, F-03)")
    func jinzhongDifferenceWithAddOn() {
        // Given 3 members, one aged 10; assessed income 55 033 fen; standard 58 000 (ILLUSTRATIVE).
        let breakdown = amount(Fixtures.familyOfThree, income: 55_033, policy: jinzhong)
        // Then 3 × 58 000 − 55 033 = 118 967, + 2 900 add-on = 121 867 → 121 900.
        #expect(breakdown.addOnMembers == 1)
        #expect(breakdown.monthlyAmountFen == 121_900)
    }

    @Test("F-01: per-capita income is never rounded: n × S − I is exact")
    func perCapitaExact() {
        var policy = jinzhong
        policy.rounding = AmountRounding(unitFen: 1, mode: .floor)
        policy.addOnRateBasisPoints = 0
        // 100 000 / 3 = 33 333.33…; rounding it down first would give 74 001.
        #expect(amount(Fixtures.familyOfThree, income: 100_000, policy: policy).monthlyAmountFen == 74_000)
    }

    @Test("F-02: rounding to fen, jiao or yuan with floor, half-up or ceiling")
    func roundingModes() {
        let value: (numerator: Int64, denominator: Int64) = (12_345_000, 10_000)  // 1 234.5 fen
        #expect(AmountRounding(unitFen: 1, mode: .floor).round(numerator: value.numerator, denominator: value.denominator) == 1_234)
        #expect(AmountRounding(unitFen: 1, mode: .halfUp).round(numerator: value.numerator, denominator: value.denominator) == 1_235)
        #expect(AmountRounding(unitFen: 10, mode: .ceiling).round(numerator: value.numerator, denominator: value.denominator) == 1_240)
        #expect(AmountRounding(unitFen: 100, mode: .halfUp).round(numerator: value.numerator, denominator: value.denominator) == 1_200)
        #expect(AmountRounding(unitFen: 100, mode: .halfUp).round(numerator: 1_250, denominator: 1) == 1_300)
        #expect(AmountRounding(unitFen: 100, mode: .floor).round(numerator: 1_299, denominator: 1) == 1_200)
    }

    @Test("F-04: a member in two key groups (minor and severely disabled) gets one add-on")
    func oneAddOnPerMember() {
        let child = Fixtures.member(.applicant, born: "20120101", disability: DisabilityRecord(grade: 1, type: .physical), seriouslyIll: true)
        #expect(amount([child], income: 0, policy: jinzhong).addOnMembers == 1)
        #expect(amount([child], income: 0, policy: jinzhong).monthlyAmountFen == 58_000 + 2_900)
    }

    @Test("F-05 (R002-03 Jilin 'on top of the difference'): add-ons stay even when the total exceeds n × standard")
    func addOnOnTop() {
        let jilin = Fixtures.policy(Fixtures.region("220102001001"), "2022-04")
        let elder = Fixtures.member(.applicant, born: "19500101")
        // Income 0: difference 54 200 + 5 % add-on 2 710 = 56 910 > 54 200.
        #expect(amount([elder], income: 0, policy: jilin).monthlyAmountFen == 56_910)
    }

    @Test("R002-03 (002 Jilin) and F-06: 70 inclusive, measured on the first day of the benefit month")
    func jilinElderlySeventyInclusive() {
        let jilin = Fixtures.policy(Fixtures.region("220102001001"), "2022-04")
        let turnsSeventyOnFirst = Fixtures.member(.applicant, born: "19520401")
        let turnsSeventyOnSecond = Fixtures.member(.applicant, born: "19520402")
        #expect(MemberProfile.keyGroups(turnsSeventyOnFirst, month: Fixtures.month("2022-04"), policy: jilin) == [.elderly])
        #expect(MemberProfile.keyGroups(turnsSeventyOnSecond, month: Fixtures.month("2022-04"), policy: jilin).isEmpty)
        #expect(MemberProfile.keyGroups(turnsSeventyOnSecond, month: Fixtures.month("2022-05"), policy: jilin) == [.elderly])
    }

    @Test("分档 tiers (003 Jingyuan, tiers ILLUSTRATIVE): the lowest matching per-capita band sets the amount per member")
    func tiers() {
        let jingyuan = Fixtures.policy(Fixtures.region("640424001001"), "2022-04")
        let two = Array(Fixtures.familyOfThree.prefix(2))
        #expect(amount(two, income: 20_000, policy: jingyuan).monthlyAmountFen == 90_000)   // 10 000 per capita < 15 000
        #expect(amount(two, income: 30_000, policy: jingyuan).monthlyAmountFen == 60_000)   // 15 000 per capita: second tier
        #expect(amount(two, income: 100_000, policy: jingyuan).monthlyAmountFen == 30_000)  // 50 000 < 52 000
        #expect(!amount(two, income: 104_000, policy: jingyuan).isEligible)
    }

    @Test("Income at or above n × standard is not eligible")
    func notEligible() {
        #expect(!amount(Fixtures.familyOfThree, income: 174_000, policy: jinzhong).isEligible)
        #expect(amount(Fixtures.familyOfThree, income: 174_000, policy: jinzhong).monthlyAmountFen == 0)
    }

    @Test("R004-02, F-15, F-24: 特困 pays the 特困 standard per person, ⌈1.3 × the higher 低保 standard⌉, income not deducted")
    func tekunAmount() {
        let elder = Fixtures.member(.applicant, born: "19400101")
        // max(75 000, 58 000) × 1.3 = 97 500.
        #expect(amount([elder], income: 30_000, programme: .extremePovertyDispersed, policy: jinzhong).monthlyAmountFen == 97_500)
    }
}
