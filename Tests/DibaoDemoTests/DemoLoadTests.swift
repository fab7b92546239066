import DibaoCaseService
import DibaoCasework
import DibaoDemo
import DibaoEvents
import DibaoStore
import DibaoTestSupport
import Testing

@Suite("Demo county loaded through the case service, on PostgreSQL", .tags(.postgres))
struct DemoLoadTests {
    @Test("30 households load without a refusal; a second run appends nothing; statuses include active, tapering and exited")
    func loadTwice() async throws {
        let database = try await TestCluster.shared.freshDatabase("demo")
        try await withStore(database, catalogue: LedgerCatalogue.make()) { store in
            let service = CaseService(store: store, logger: TestLogging.logger)
            let configuration = DemoConfiguration(households: 30, seed: 2024)
            let first = try await DemoLoader(service: service, configuration: configuration).load()
            #expect(first.failures == [])
            #expect(first.households == 30 && first.eventsAppended > 200 && first.policyAppended.count == 5)

            let second = try await DemoLoader(service: service, configuration: configuration).load()
            #expect(second.wroteNothing && second.eventsAppended == 0 && second.commandsApplied == 0)
            #expect(second.commandsReplayed == first.commandsApplied)

            var statuses: Set<CaseStatus> = []
            for household in HouseholdGenerator(seed: 2024).households(count: 30) {
                statuses.insert(try await service.caseState(caseId: household.caseId).state.status)
            }
            #expect(statuses.isSuperset(of: [.active, .tapering, .exited, .rejected, .suspended, .pending]))
        }
    }
}
