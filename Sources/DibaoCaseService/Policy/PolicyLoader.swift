import DibaoCasework
import DibaoEvents
import DibaoStore
import Foundation

/// Appends policy parameters to `policy-<code>` streams. Each event's command id is derived
/// from its jurisdiction and effective month, so loading the same fixture twice writes nothing
/// the second time (the store replays the first result).
public struct PolicyLoader: Sendable {
    public let store: EventStore

    public init(store: EventStore) { self.store = store }

    /// What a load did, per jurisdiction: appended now, or already present.
    public struct Report: Sendable, Hashable {
        public var appended: [String] = []
        public var alreadyPresent: [String] = []
    }

    /// Loads `PolicyFixture.events` (the five seed jurisdictions) as the administrator
    /// `actorId`, each event in its own jurisdiction. An event already loaded under another
    /// actor counts as present; one recorded with other parameters under its identity is refused
    /// (`commandIdReused`).
    public func loadFixture(actorId: String = "system") async throws -> Report {
        var report = Report()
        for event in PolicyFixture.events {
            let commandId = Self.commandId(for: event)
            let request = AppendRequest(
                stream: try CaseStreams.policyStream(event.jurisdictionCode.rawValue), expectedVersion: .any, commandId: commandId,
                metadata: EventMetadata(actorId: actorId, actorRole: ActorRole.admin.rawValue, jurisdictionCode: event.jurisdictionCode.rawValue,
                                        reason: "policy fixture: \(event.document)", correlationId: commandId.uuidString.lowercased(), commandId: ""),
                events: [event.proposed(effectiveDate: event.effectiveFrom.firstDay)])
            let code = event.jurisdictionCode.rawValue
            do {
                let result = try await store.append(request)
                if result.replayed { report.alreadyPresent.append(code) } else { report.appended.append(code) }
            } catch StoreError.commandIdReused {
                // Recorded by another loader (`dibao demo` loads as `demo-loader`, `dibao policy
                // load-fixture` as `system`): the same parameters under other metadata are present.
                // Different parameters under the same identity are a changed fixture: refused.
                guard try await isRecorded(request.events[0], commandId: commandId, on: request.stream) else { throw StoreError.commandIdReused(commandId: commandId) }
                report.alreadyPresent.append(code)
            }
        }
        return report
    }

    /// Whether `stream` holds `event` (type, schema, canonical data and date) under `commandId`.
    private func isRecorded(_ event: ProposedEvent, commandId: UUID, on stream: StreamName) async throws -> Bool {
        let recorded = try await store.readStream(stream).filter { $0.commandId == commandId }
        guard recorded.count == 1, let first = recorded.first else { return false }
        let data = try first.dataJSON()
        return first.eventType == event.eventType && first.schemaVersion == event.schemaVersion
            && first.effectiveDate == event.effectiveDate && CanonicalJSON.bytes(data) == CanonicalJSON.bytes(event.data)
    }

    /// The fixture's loading identity: an RFC 9562 version-8 UUID over
    /// SHA-256("dibao-policy-fixture:" ‖ code ‖ ":" ‖ effective month).
    public static func commandId(for event: PolicyParametersSet) -> UUID {
        DerivedIdentifier.uuid("dibao-policy-fixture:\(event.jurisdictionCode.rawValue):\(event.effectiveFrom)")
    }
}
