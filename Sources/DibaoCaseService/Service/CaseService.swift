import DibaoCasework
import DibaoEvents
import DibaoStore
import Foundation
import Logging

/// Casework as a service: checks access, reads the case, its policy and kin registry from the
/// log, runs `CaseDecider.decide` and appends the events at the version it read. A concurrent
/// writer makes it re-read and re-decide (up to `attemptsMax` times); the command id makes
/// a retried request idempotent; a refused command writes nothing.
public struct CaseService: Sendable {
    public let store: EventStore
    /// Attempts before a version conflict is reported.
    public let attemptsMax: Int
    let reader: CaseReader
    let logger: Logger

    public init(store: EventStore, attemptsMax: Int = 4, logger: Logger) {
        precondition(attemptsMax >= 1)
        self.store = store
        self.attemptsMax = attemptsMax
        self.reader = CaseReader(store: store)
        self.logger = logger
    }

    /// Applies `command` to case `caseId` on behalf of `actor`.
    public func execute(_ command: CaseCommand, caseId: String, actor: Actor, commandId: UUID) async throws -> CaseOutcome {
        try AccessPolicy.authorize(command, by: actor)
        let stream = try Self.stream(caseId)
        if case .submitApplication(let application) = command, application.caseId != caseId {
            throw CaseServiceError.invalid(field: "caseId", reason: "must match the application's case id")
        }
        for attempt in 1...attemptsMax {
            let recorded = try await reader.caseEvents(stream)
            let village: RegionCode
            if case .submitApplication(let application) = command { village = application.villageCode } else {
                guard let opened = CaseState(replaying: recorded.map { ($0.recorded.eventId.uuidString.lowercased(), $0.event) }).application
                else { throw CaseServiceError.caseNotFound(caseId: caseId) }
                village = opened.villageCode
            }
            try AccessPolicy.requireJurisdiction(actor, over: village)
            // A command already applied is re-decided against the state it first saw, so the
            // store recognises the identical request and returns the original result.
            let earlier = recorded.firstIndex { $0.recorded.commandId == commandId } ?? recorded.count
            let prefix = recorded[..<earlier]
            let state = CaseState(replaying: prefix.map { ($0.recorded.eventId.uuidString.lowercased(), $0.event) })
            let version = prefix.last?.recorded.streamVersion ?? 0
            let context = DecisionContext(policy: try await reader.policyBook(for: village), kinRegistry: try await reader.kinRegistry(for: village))
            let events: [CaseEvent]
            do { events = try CaseDecider.decide(command, state: state, context: context) } catch {
                // The id already names events of this case: a command the first state refuses is another command.
                if earlier < recorded.count { throw CaseServiceError.commandIdReused(commandId: commandId) }
                throw CaseServiceError.rejected(error)
            }
            let request = AppendRequest(
                stream: stream, expectedVersion: version == 0 ? .noStream : .exactly(version), commandId: commandId,
                metadata: EventMetadata(actorId: actor.actorId, actorRole: actor.role.rawValue, jurisdictionCode: actor.jurisdictionCode.rawValue,
                                       reason: command.reason, correlationId: commandId.uuidString.lowercased(), commandId: ""),
                events: events.map { ProposedEvent(eventType: $0.eventType, schemaVersion: type(of: $0.payload).schemaVersion, data: $0.json, effectiveDate: command.businessDate) })
            do {
                let result = try await store.append(request)
                var after = state
                for (index, event) in events.enumerated() { after.evolve(event, eventId: request.eventId(at: index).uuidString.lowercased()) }
                if result.replayed { after = try await caseState(caseId: caseId).state }
                return CaseOutcome(caseId: caseId, eventTypes: events.map(\.eventType), version: result.lastVersion, replayed: result.replayed, state: after)
            } catch StoreError.wrongExpectedVersion(let stream, let expected, let actual) {
                logger.debug("case changed concurrently, deciding again", metadata: ["stream": "\(stream)", "attempt": "\(attempt)"])
                if attempt == attemptsMax { throw CaseServiceError.conflict(stream: stream, expectedVersion: expected.description, actualVersion: actual) }
            } catch StoreError.commandIdReused(let id) {
                throw CaseServiceError.commandIdReused(commandId: id)
            } catch StoreError.invalid(let error) {
                throw CaseServiceError.invalid(field: error.field, reason: error.description)
            }
        }
        preconditionFailure("unreachable: the last attempt returns or throws")
    }

    /// The case as the log holds it now, without access checks (for tools and tests).
    public func caseState(caseId: String) async throws -> CaseSnapshot {
        let recorded = try await reader.caseEvents(try Self.stream(caseId))
        let state = CaseState(replaying: recorded.map { ($0.recorded.eventId.uuidString.lowercased(), $0.event) })
        guard let village = state.application?.villageCode else { throw CaseServiceError.caseNotFound(caseId: caseId) }
        return CaseSnapshot(caseId: caseId, state: state, version: recorded.last?.recorded.streamVersion ?? 0,
                            policy: try await reader.policyBook(for: village),
                            history: try recorded.map { try reader.historyEntry($0.recorded) })
    }

    /// The case, for `actor`: refused outside the actor's jurisdiction. Every role may read.
    public func caseState(caseId: String, actor: Actor) async throws -> CaseSnapshot {
        let snapshot = try await caseState(caseId: caseId)
        if let village = snapshot.state.application?.villageCode { try AccessPolicy.requireJurisdiction(actor, over: village) }
        return snapshot
    }

    static func stream(_ caseId: String) throws -> StreamName {
        do { return try CaseStreams.caseStream(caseId) } catch {
            throw CaseServiceError.invalid(field: "caseId", reason: "must be letters, digits, '_', '.', ':' or '-'")
        }
    }
}
