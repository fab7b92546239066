import DibaoCaseService
import DibaoCasework
import DibaoEvents
import DibaoStore
import DibaoTestSupport
import Foundation
import Testing

/// A writer that commits between the service's read and its append, made deterministic by
/// holding that writer's transaction open until the service is waiting on it.
@Suite("Version conflicts in the case service", .tags(.postgres))
struct ConflictTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("caseconflict") }

    static func visit(_ investigator: String) -> HomeVisitRecorded {
        HomeVisitRecorded(visitedOn: Household.date("2022-03-10"), investigatorIds: ["S-CW", investigator], level: .township, findings: "属实")
    }

    /// Submits a case, then runs `service` on a home visit while another home visit is appended
    /// (version 2) in a transaction that commits only after the service has read version 1.
    static func interleaved(_ service: CaseService) async throws -> Result<CaseOutcome, any Error> {
        let caseId = Household.newCaseId()
        _ = try await service.execute(.submitApplication(Household.application(caseId: caseId)), caseId: caseId, actor: Household.caseworker, commandId: UUID())
        let other = AppendRequest(stream: try CaseStreams.caseStream(caseId), expectedVersion: .exactly(1), commandId: UUID(),
                                  metadata: Fixtures.metadata(), events: [visit("S-OTHER").proposed(effectiveDate: Household.date("2022-03-10"))])
        let pending = try await service.store.client.transaction(logger: TestLogging.logger) { connection in
            _ = try await service.store.append(other, on: connection)
            let pending = Task { try await service.execute(.recordHomeVisit(visit("S-V2")), caseId: caseId, actor: Household.caseworker, commandId: UUID()) }
            // Commit only once the service's insert waits on this transaction's version 2 (a lock
            // wait in this test's database): a fixed pause was too short on a busy machine.
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                let waiting = try await service.store.client.query("""
                    SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                     WHERE NOT l.granted AND a.datname = current_database()
                    """, logger: TestLogging.logger).decode(Int64.self).first { _ in true } ?? 0
                if waiting > 0 { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            return pending
        }
        return await pending.result
    }

    @Test("With one attempt the conflict is reported, naming the stream and versions; nothing is written")
    func reported() async throws {
        try await withStore(database, catalogue: LedgerCatalogue.make()) { store in
            _ = try await PolicyLoader(store: store).loadFixture()
            let result = try await Self.interleaved(CaseService(store: store, attemptsMax: 1, logger: TestLogging.logger))
            guard case .failure(let error) = result, case .conflict(let stream, let expected, let actual) = error as? CaseServiceError else {
                Issue.record("expected a conflict, got \(result)")
                return
            }
            #expect(stream.hasPrefix("case-") && expected == "1" && actual == 2)
            #expect(try await store.streamVersion(try StreamName(stream)) == 2)
        }
    }

    @Test("With a second attempt the service re-reads, re-decides and appends after the other writer")
    func retried() async throws {
        try await withStore(database, catalogue: LedgerCatalogue.make()) { store in
            _ = try await PolicyLoader(store: store).loadFixture()
            let outcome = try await Self.interleaved(CaseService(store: store, attemptsMax: 2, logger: TestLogging.logger)).get()
            #expect(outcome.version == 3 && outcome.state.homeVisits.count == 2)
        }
    }
}
