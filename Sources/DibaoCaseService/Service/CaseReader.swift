import DibaoCasework
import DibaoEvents
import DibaoStore
import Foundation

/// Reads what a decision needs from the log: the case stream folded, and the policy and kin
/// streams of every jurisdiction from the province down to the village.
struct CaseReader: Sendable {
    let store: EventStore

    /// The case's recorded events, decoded.
    func caseEvents(_ stream: StreamName) async throws -> [(recorded: RecordedEvent, event: CaseEvent)] {
        try await store.readStream(stream).map { recorded in
            (recorded: recorded, event: try decode(recorded) { try CaseEvent(eventType: $0.eventType, data: $0.dataJSON()) })
        }
    }

    /// A recorded case event as its history entry (its metadata read back).
    func historyEntry(_ recorded: RecordedEvent) throws -> CaseHistoryEntry {
        CaseHistoryEntry(version: recorded.streamVersion, eventId: recorded.eventId.uuidString.lowercased(), eventType: recorded.eventType,
                         effectiveDate: recorded.effectiveDate, recordedAt: recorded.recordedAt,
                         metadata: try decode(recorded) { try EventMetadata(json: $0.metadataJSON()) })
    }

    /// The `policy-<code>` streams of `village`'s ancestry, folded.
    func policyBook(for village: RegionCode) async throws -> PolicyBook {
        var book = PolicyBook()
        for code in village.ancestry {
            for recorded in try await store.readStream(try CaseStreams.policyStream(code.rawValue)) {
                book.evolve(try decode(recorded) { try PolicyParametersSet.decode($0.dataJSON()) })
            }
        }
        return book
    }

    /// The `kin-<code>` streams of `village`'s ancestry, folded.
    func kinRegistry(for village: RegionCode) async throws -> KinRegistry {
        var registry = KinRegistry()
        for code in village.ancestry {
            for recorded in try await store.readStream(try CaseStreams.kinStream(code.rawValue)) {
                registry.evolve(try decode(recorded) { try StaffKinshipDeclared.decode($0.dataJSON()) })
            }
        }
        return registry
    }

    private func decode<Value>(_ recorded: RecordedEvent, _ body: (RecordedEvent) throws -> Value) throws -> Value {
        do { return try body(recorded) } catch {
            throw CaseServiceError.storedEventUnreadable(stream: recorded.streamId, version: recorded.streamVersion, reason: "\(error)")
        }
    }
}
