import DibaoCasework
import DibaoEvents

/// Generates the demo county's households from a seed: the same seed and count give the same
/// households, and the first `n` households do not depend on how many follow. The first
/// households take every scenario once, so even a small demo shows each of them.
public struct HouseholdGenerator: Sendable {
    public var county: DemoCounty
    public var seed: UInt64
    /// The demo year (applications and every later step fall inside it).
    public var year: Int

    public init(county: DemoCounty = .yuci, seed: UInt64 = DemoConfiguration.defaultSeed, year: Int = 2024) {
        self.county = county
        self.seed = seed
        self.year = year
    }

    public func households(count: Int) -> [DemoHousehold] {
        var random = DemoRandom(seed: seed)
        var factory = MemberFactory(countyCode: county.code.rawValue, year: year)
        return (0..<count).map { index in
            let scenario = index < DemoScenario.allCases.count ? DemoScenario.allCases[index] : DemoScenario.draw(&random)
            return household(index, scenario, &random, &factory)
        }
    }

    func household(_ index: Int, _ scenario: DemoScenario, _ random: inout DemoRandom, _ factory: inout MemberFactory) -> DemoHousehold {
        let townships = scenario.urban.map { $0 ? county.urbanTownships : county.ruralTownships } ?? county.townships
        let township = random.pick(townships)
        let village = random.pick(township.villages)
        let programme = scenario.programme(urbanVillage: township.isUrban)
        let needsWorker = [.taperingCompleted, .taperingOngoing, .ineligibleAtRecheck, .recheckAdjusted].contains(scenario)
        let members = programme.isTekun ? [factory.tekunPerson(random: &random)] : factory.household(needsWorker: needsWorker, random: &random)
        let month = random.int(in: scenario.applicationMonths)
        let submittedOn = try! BusinessDate(year: year, month: month, day: random.int(in: 1...(month == 12 ? 6 : 20)))
        let policy = try! PolicyFixture.book.parameters(for: village.code, month: CalendarMonth(containing: submittedOn))
        let standard = policy.standardFen(for: programme == .urbanDibao ? .urbanDibao : .ruralDibao)
        let (incomes, deductions) = Self.incomes(members, standardFen: standard, on: submittedOn, random: &random)
        let key = "\(seed)-\(index)"
        return DemoHousehold(
            index: index, key: key, caseId: village.code.rawValue + "-" + DemoIdentity.uuid("demo:\(key):case").uuidString.lowercased(),
            scenario: scenario, programme: programme, township: township, village: village, members: members,
            incomes: incomes, deductions: deductions, incomeIrregular: needsWorker || (members.contains(where: \.ableToWork) && random.chance(40)),
            submittedOn: submittedOn, planSeed: random.next())
    }

    /// Monthly incomes well below the fixture's 低保 standard (ILLUSTRATIVE for Jinzhong): per-capita
    /// income at most 70 % of it, with the excluded basic pension for the elderly and the deductions the rules allow.
    static func incomes(_ members: [HouseholdMemberRecord], standardFen: Int64, on date: BusinessDate,
                        random: inout DemoRandom) -> ([IncomeRecord], [DeductionRecord]) {
        let ceiling = standardFen * Int64(members.count) * 7 / 10
        var incomes: [IncomeRecord] = [], deductions: [DeductionRecord] = []
        if members.contains(where: \.ableToWork) {
            let wages = random.fen(in: 10_000...max(10_000, ceiling))
            incomes.append(IncomeRecord(kind: .wages, monthlyFen: wages))
            deductions.append(DeductionRecord(kind: .employmentCost, monthlyFen: min(wages, 5_000)))
        } else if random.chance(50) {
            incomes.append(IncomeRecord(kind: .maintenance, monthlyFen: random.fen(in: 5_000...max(5_000, ceiling / 2))))
        }
        let elderly = members.filter { date.year - $0.idNumber.birthDate.year >= 61 }.count
        if elderly > 0 { incomes.append(IncomeRecord(kind: .basicPensionBasicPart, monthlyFen: 10_300 * Int64(elderly))) }
        if members.contains(where: \.seriouslyIll) { deductions.append(DeductionRecord(kind: .illness, monthlyFen: random.fen(in: 5_000...30_000))) }
        return (incomes, deductions)
    }
}
