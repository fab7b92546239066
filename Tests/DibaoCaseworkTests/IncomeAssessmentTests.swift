import DibaoCasework
import DibaoEvents
import Testing

@Suite("Income assessment: exclusions and deductions")
struct IncomeAssessmentTests {
    @Test("R004-09 and R001-14: pensions' basic part, special-care pensions, awards, scholarships, rewards and assistance are not income")
    func exclusions() {
        let excluded: [IncomeKind] = [.basicPensionBasicPart, .specialCarePension, .familyPlanningAward, .scholarship, .rewardPayment, .governmentAssistance]
        let incomes = excluded.map { IncomeRecord(kind: $0, monthlyFen: 1_000) } + [IncomeRecord(kind: .wages, monthlyFen: 50_000)]
        let assessment = IncomeAssessment(incomes: incomes, deductions: [])
        #expect(assessment.assessedIncomeFen == 50_000)
        #expect(assessment.excludedIncomeFen == 6_000)
    }

    @Test("R004-08: maintenance from an obligor who is himself assisted is not income; other maintenance is")
    func maintenance() {
        let assessment = IncomeAssessment(incomes: [IncomeRecord(kind: .maintenance, monthlyFen: 20_000, obligorReceivesAssistance: true),
                                                    IncomeRecord(kind: .maintenance, monthlyFen: 15_000, obligorReceivesAssistance: false)], deductions: [])
        #expect(assessment.assessedIncomeFen == 15_000)
    }

    @Test("R004-10, R000-05, F-13: rigid expenditure and employment cost are deducted; employment cost at most earned income; never below 0")
    func deductions() {
        let assessment = IncomeAssessment(
            incomes: [IncomeRecord(kind: .wages, monthlyFen: 3_000), IncomeRecord(kind: .property, monthlyFen: 40_000)],
            deductions: [DeductionRecord(kind: .employmentCost, monthlyFen: 5_000), DeductionRecord(kind: .illness, monthlyFen: 10_000),
                         DeductionRecord(kind: .schooling, monthlyFen: 2_000)])
        #expect(assessment.deductionFen == 3_000 + 10_000 + 2_000)
        #expect(assessment.assessedIncomeFen == 28_000)
        let floored = IncomeAssessment(incomes: [IncomeRecord(kind: .property, monthlyFen: 1_000)], deductions: [DeductionRecord(kind: .illness, monthlyFen: 9_000)])
        #expect(floored.assessedIncomeFen == 0)
    }
}
