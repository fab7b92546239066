import DibaoCaseService
import DibaoCasework
import DibaoEvents
import DibaoStore
import DibaoTestSupport
import Foundation
import Testing

/// R-D05 / R001-06: a new standard produces an adjustment event on every affected active case
/// from its effective month, with back-pay when it is retroactive; running it again writes nothing.
@Suite("Standard changes through the service, on PostgreSQL", .tags(.postgres))
struct StandardChangeServiceTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("standardchange") }

    /// 榆次区 raises its rural standard from April 2022, announced in June: retroactive.
    static func raisedStandard() throws -> PolicyParametersSet {
        var values = PolicyParameterValues()
        values.ruralStandardFen = Sourced(60_000, source: "ILLUSTRATIVE")
        return PolicyParametersSet(jurisdictionCode: try RegionCode("140702"), effectiveFrom: try CalendarMonth("2022-04"),
                                   announcedOn: try BusinessDate("2022-06-10"), document: "榆次区 2022 standard", parameters: values)
    }

    @Test("A retroactive rise adjusts every active case under the jurisdiction once, with arrears")
    func retroactiveRise() async throws {
        try await withStore(database, catalogue: LedgerCatalogue.make()) { store in
            _ = try await PolicyLoader(store: store).loadFixture()
            let service = CaseService(store: store, logger: TestLogging.logger)
            var caseIds: [String] = []
            for _ in 0..<2 {
                let caseId = Household.newCaseId()
                for (command, actor) in Household.readyForReview(caseId: caseId) + [(Household.review, Household.reviewer), (Household.approve, Household.approver)] {
                    _ = try await service.execute(command, caseId: caseId, actor: actor, commandId: UUID())
                }
                caseIds.append(caseId)
            }
            let before = try await service.caseState(caseId: caseIds[0]).state.monthlyAmountFen
            let changes = StandardChangeService(store: store, logger: TestLogging.logger)
            let commandId = UUID()
            var malformed = try Self.raisedStandard()
            malformed.parameters.ruralStandardFen = Sourced(60_000, source: "a guess")
            await #expect(throws: CaseServiceError.self) {
                try await changes.apply(malformed, actor: Household.approver, commandId: UUID(), paidThrough: try CalendarMonth("2022-05"))
            }
            #expect(try await service.caseState(caseId: caseIds[0]).state.monthlyAmountFen == before, "a refused policy touches no case")
            await #expect(throws: AccessError.self) {
                try await changes.apply(try Self.raisedStandard(), actor: Household.caseworker, commandId: commandId, paidThrough: try CalendarMonth("2022-05"))
            }
            let first = try await changes.apply(try Self.raisedStandard(), actor: Household.approver, commandId: commandId, paidThrough: try CalendarMonth("2022-05"))
            #expect(Set(first.casesAdjusted) == Set(caseIds))
            #expect(!first.policyReplayed)
            let after = try await service.caseState(caseId: caseIds[0]).state.monthlyAmountFen
            #expect(after > before)
            // April and May were paid at the old amount: two months of the difference per case.
            #expect(first.arrearsFen == 2 * 2 * (after - before))

            let second = try await changes.apply(try Self.raisedStandard(), actor: Household.approver, commandId: commandId, paidThrough: try CalendarMonth("2022-05"))
            #expect(second.casesAdjusted.isEmpty && second.arrearsFen == 0 && second.policyReplayed)
            let adjusted = try await store.readStream(try CaseStreams.caseStream(caseIds[1])).filter { $0.eventType == AmountAdjusted.eventType }
            #expect(adjusted.count == 1)
        }
    }
}

/// The scan for affected cases reads the global log to its end, also past a transaction that
/// holds the reader's horizon back. Its own database: the standard it raises would change the
/// other suite's cases.
@Suite("Standard changes wait for the log's end", .tags(.postgres))
struct StandardChangeHorizonTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("standardhorizon") }

    @Test("A case committed behind a transaction still open is waited for, not missed")
    func caseBehindOpenTransaction() async throws {
        try await withStore(database, catalogue: LedgerCatalogue.make()) { store in
            _ = try await PolicyLoader(store: store).loadFixture()
            let service = CaseService(store: store, logger: TestLogging.logger)
            let released = Shared(false)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                let holding = Shared(false)
                // An unrelated transaction takes a transaction id and stays open: every event
                // committed after it lies beyond the global reader's horizon until it ends.
                tasks.addTask {
                    try await store.client.withConnection { connection in
                        try await connection.query("BEGIN", logger: TestLogging.logger)
                        try await connection.query("SELECT pg_current_xact_id()", logger: TestLogging.logger)
                        holding.value = true
                        while !released.value { try await Task.sleep(for: .milliseconds(5)) }
                        try await connection.query("ROLLBACK", logger: TestLogging.logger)
                    }
                }
                while !holding.value { try await Task.sleep(for: .milliseconds(5)) }
                let caseId = Household.newCaseId()
                for (command, actor) in Household.readyForReview(caseId: caseId) + [(Household.review, Household.reviewer), (Household.approve, Household.approver)] {
                    _ = try await service.execute(command, caseId: caseId, actor: actor, commandId: UUID())
                }
                tasks.addTask {
                    try await Task.sleep(for: .milliseconds(300))
                    released.value = true
                }
                let outcome = try await StandardChangeService(store: store, logger: TestLogging.logger)
                    .apply(try StandardChangeServiceTests.raisedStandard(), actor: Household.approver, commandId: UUID(),
                           paidThrough: try CalendarMonth("2022-05"))
                #expect(released.value, "the scan ended only once the open transaction had")
                #expect(outcome.casesAdjusted.contains(caseId))
                try await tasks.waitForAll()
            }
        }
    }
}
