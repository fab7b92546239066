import DibaoCaseService
import DibaoCasework
import DibaoEvents
import DibaoStore
import DibaoTestSupport
import Foundation
import Testing

@Suite("Casework through the service, on PostgreSQL", .tags(.postgres))
struct CaseServiceTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("caseservice") }

    /// Runs `body` with a service on a store that has the policy fixture loaded.
    func withService(attemptsMax: Int = 4, _ body: @Sendable (CaseService) async throws -> Void) async throws {
        try await withStore(database, catalogue: LedgerCatalogue.make()) { store in
            _ = try await PolicyLoader(store: store).loadFixture()
            try await body(CaseService(store: store, attemptsMax: attemptsMax, logger: TestLogging.logger))
        }
    }

    static func apply(_ steps: [(CaseCommand, Actor)], caseId: String, _ service: CaseService) async throws {
        for (command, actor) in steps { _ = try await service.execute(command, caseId: caseId, actor: actor, commandId: UUID()) }
    }

    @Test("Submit → verification → home visit → appraisal → notice → review → approve makes an active case")
    func lifecycle() async throws {
        try await withService { service in
            let caseId = Household.newCaseId()
            try await Self.apply(Household.readyForReview(caseId: caseId) + [(Household.review, Household.reviewer)], caseId: caseId, service)
            let outcome = try await service.execute(Household.approve, caseId: caseId, actor: Household.approver, commandId: UUID())
            #expect(outcome.eventTypes == ["CaseApproved"])
            #expect(outcome.version == 7 && !outcome.replayed)
            #expect(outcome.state.status == .active && outcome.state.monthlyAmountFen > 0)
            let recorded = try await service.store.readStream(try CaseStreams.caseStream(caseId))
            let metadata = try EventMetadata(json: try #require(recorded.last).metadataJSON())
            #expect(metadata.actorId == "S-APPROVE" && metadata.actorRole == "approver" && metadata.jurisdictionCode == "140702")
            #expect(try await service.caseState(caseId: caseId, actor: Household.inspector).state.status == .active)
        }
    }

    @Test("The same command id returns the first result and writes nothing; reused for other content it is refused")
    func idempotentRetry() async throws {
        try await withService { service in
            let caseId = Household.newCaseId()
            let steps = Household.readyForReview(caseId: caseId)
            let submitId = UUID()
            let first = try await service.execute(steps[0].0, caseId: caseId, actor: Household.caseworker, commandId: submitId)
            try await Self.apply(Array(steps.dropFirst()), caseId: caseId, service)
            let retry = try await service.execute(steps[0].0, caseId: caseId, actor: Household.caseworker, commandId: submitId)
            #expect(retry.replayed && retry.version == first.version)
            #expect(try await service.caseState(caseId: caseId).version == 5)
            await #expect(throws: CaseServiceError.commandIdReused(commandId: submitId)) {
                try await service.execute(Household.review, caseId: caseId, actor: Household.reviewer, commandId: submitId)
            }
            #expect(try await service.caseState(caseId: caseId).version == 5)
        }
    }

    @Test("Concurrent commands on one case are re-read and re-decided, none lost")
    func conflictRetry() async throws {
        try await withService(attemptsMax: 12) { service in
            let caseId = Household.newCaseId()
            try await Self.apply([Household.readyForReview(caseId: caseId)[0]], caseId: caseId, service)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<6 {
                    let visit = HomeVisitRecorded(visitedOn: Household.date("2022-03-10"), investigatorIds: ["S-CW", "S-V\(index)"], level: .township, findings: "第\(index)次")
                    group.addTask { _ = try await service.execute(.recordHomeVisit(visit), caseId: caseId, actor: Household.caseworker, commandId: UUID()) }
                }
                try await group.waitForAll()
            }
            let snapshot = try await service.caseState(caseId: caseId)
            #expect(snapshot.version == 7 && snapshot.state.homeVisits.count == 6)
        }
    }

    @Test("A refused command writes nothing: wrong role, rule rejection, unknown case")
    func refusalsWriteNothing() async throws {
        try await withService { service in
            let caseId = Household.newCaseId()
            try await Self.apply(Household.readyForReview(caseId: caseId), caseId: caseId, service)
            await #expect(throws: AccessError.roleNotPermitted(role: .caseworker, command: "approve_case")) {
                try await service.execute(Household.approve, caseId: caseId, actor: Household.caseworker, commandId: UUID())
            }
            await #expect(throws: CaseServiceError.rejected(.reviewMissing)) {
                try await service.execute(Household.approve, caseId: caseId, actor: Household.approver, commandId: UUID())
            }
            #expect(try await service.caseState(caseId: caseId).version == 5)
            let unknown = Household.newCaseId()
            await #expect(throws: CaseServiceError.caseNotFound(caseId: unknown)) {
                try await service.execute(Household.review, caseId: unknown, actor: Household.reviewer, commandId: UUID())
            }
        }
    }

    @Test("A token acts only inside its jurisdiction, for writes and reads")
    func jurisdiction() async throws {
        try await withService { service in
            let caseId = Household.newCaseId()
            let submit = Household.readyForReview(caseId: caseId)[0].0
            await #expect(throws: AccessError.outsideJurisdiction(jurisdictionCode: "530000", villageCode: "140702001001")) {
                try await service.execute(submit, caseId: caseId, actor: Household.elsewhere, commandId: UUID())
            }
            #expect(try await service.store.streamVersion(try CaseStreams.caseStream(caseId)) == 0)
            try await Self.apply([(submit, Household.caseworker)], caseId: caseId, service)
            await #expect(throws: AccessError.self) { try await service.caseState(caseId: caseId, actor: Household.elsewhere) }
        }
    }

    @Test("Loading the policy fixture twice appends nothing the second time")
    func fixtureIdempotent() async throws {
        try await withStore(database, catalogue: LedgerCatalogue.make()) { store in
            let first = try await PolicyLoader(store: store).loadFixture()
            let second = try await PolicyLoader(store: store).loadFixture()
            #expect(first.appended.count == PolicyFixture.events.count && first.alreadyPresent.isEmpty)
            #expect(second.appended.isEmpty && second.alreadyPresent.count == PolicyFixture.events.count)
            #expect(try await store.streamVersion(try CaseStreams.policyStream("140700")) == 1)
        }
    }

    @Test("The fixture loaded by `dibao demo` is present for `dibao policy load-fixture`, and the other way round")
    func fixtureUnderAnotherActor() async throws {
        try await withStore(database, catalogue: LedgerCatalogue.make()) { store in
            let demo = try await PolicyLoader(store: store).loadFixture(actorId: "demo-loader")
            let plain = try await PolicyLoader(store: store).loadFixture()
            let demoAgain = try await PolicyLoader(store: store).loadFixture(actorId: "demo-loader")
            #expect(demo.appended.count == PolicyFixture.events.count)
            #expect(plain.appended.isEmpty && plain.alreadyPresent.count == PolicyFixture.events.count)
            #expect(demoAgain.appended.isEmpty && demoAgain.alreadyPresent.count == PolicyFixture.events.count)
            for event in PolicyFixture.events {
                #expect(try await store.streamVersion(try CaseStreams.policyStream(event.jurisdictionCode.rawValue)) == 1)
            }
        }
    }

    @Test("A fixture event recorded with other parameters under the same identity is refused, and nothing is written")
    func changedFixtureRefused() async throws {
        try await withStore(database, catalogue: LedgerCatalogue.make()) { store in
            let original = PolicyFixture.events[0]
            var changed = original
            changed.document += "（改）"
            let commandId = PolicyLoader.commandId(for: original)
            let stream = try CaseStreams.policyStream(original.jurisdictionCode.rawValue)
            _ = try await store.append(AppendRequest(
                stream: stream, expectedVersion: .noStream, commandId: commandId,
                metadata: EventMetadata(actorId: "someone", actorRole: "admin", jurisdictionCode: original.jurisdictionCode.rawValue,
                                        reason: "a changed fixture", correlationId: "test", commandId: ""),
                events: [changed.proposed(effectiveDate: changed.effectiveFrom.firstDay)]))
            await #expect(throws: StoreError.commandIdReused(commandId: commandId)) { try await PolicyLoader(store: store).loadFixture() }
            #expect(try await store.streamVersion(stream) == 1)
        }
    }
}
