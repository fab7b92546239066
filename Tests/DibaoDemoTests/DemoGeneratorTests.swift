import DibaoCasework
import DibaoDemo
import DibaoEvents
import Testing

@Suite("Demo generator: deterministic households and plans, no database")
struct DemoGeneratorTests {
    @Test("The same seed gives the same households; another seed gives others; a longer run extends a shorter one")
    func deterministic() {
        let first = HouseholdGenerator(seed: 7).households(count: 200)
        #expect(first == HouseholdGenerator(seed: 7).households(count: 200))
        #expect(first != HouseholdGenerator(seed: 8).households(count: 200))
        #expect(Array(HouseholdGenerator(seed: 7).households(count: 250).prefix(200)) == first)
    }

    @Test("ID numbers carry a valid check character (GB 11643), encode the county and are never issued twice")
    func idNumbers() throws {
        let members = HouseholdGenerator().households(count: 1_000).flatMap(\.members)
        for member in members {
            #expect(try ResidentIdNumber(member.idNumber.rawValue) == member.idNumber)
            #expect(member.idNumber.rawValue.hasPrefix("140702"))
        }
        #expect(Set(members.map(\.idNumber)).count == members.count)
    }

    @Test("Check character vector: 11010519491231002X (GB 11643 example)")
    func checkCharacterVector() {
        let digits = "11010519491231002".utf8.map { Int($0) - 48 }
        #expect(ResidentIdNumber.checkCharacter(digits) == UInt8(ascii: "X"))
    }

    @Test("Every scenario appears among the first households; villages lie in the county; case ids are <village>-<uuid>")
    func coverage() {
        let households = HouseholdGenerator().households(count: DemoScenario.allCases.count)
        #expect(Set(households.map(\.scenario)) == Set(DemoScenario.allCases))
        for household in households {
            #expect(household.village.code.rawValue.hasPrefix("140702") && household.village.code.isVillage)
            #expect(household.caseId.hasPrefix(household.village.code.rawValue + "-") && household.caseId.utf8.count == 12 + 1 + 36)
        }
    }

    @Test("Plans are in business order inside 2024, with deterministic, distinct command ids")
    func plans() {
        let planner = LifecyclePlanner()
        for household in HouseholdGenerator().households(count: 300) {
            let steps = planner.steps(for: household)
            #expect(steps == planner.steps(for: household))
            #expect(!steps.isEmpty && steps.first?.name == "submit")
            #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.date <= $1.date })
            #expect(steps.allSatisfy { $0.date.year == 2024 })
            #expect(Set(steps.map { $0.commandId(in: household) }).count == steps.count)
        }
    }

    @Test("Every plan is accepted by the decider, step by step, and ends in the scenario's status")
    func plansDecide() throws {
        let planner = LifecyclePlanner()
        var statuses: [DemoScenario: Set<CaseStatus>] = [:]
        for household in HouseholdGenerator().households(count: 600) {
            var state = CaseState()
            for (index, step) in planner.steps(for: household).enumerated() {
                let events = try CaseDecider.decide(step.command, state: state, context: DecisionContext(policy: PolicyFixture.book))
                for event in events { state.evolve(event, eventId: "\(step.name)-\(index)") }
            }
            statuses[household.scenario, default: []].insert(state.status)
        }
        #expect(statuses[.taperingOngoing] == [.tapering])
        #expect(statuses[.taperingCompleted] == [.exited])
        #expect(statuses[.ineligibleAtRecheck] == [.exited])
        #expect(statuses[.suspendedOngoing] == [.suspended])
        #expect(statuses[.rejectedIncome] == [.rejected])
        #expect(statuses[.pendingAtYearEnd] == [.pending])
        #expect(statuses[.dibaoStable] == [.active])
    }
}
