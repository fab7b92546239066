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
    /// `actorId`, each event in its own jurisdiction.
    public func loadFixture(actorId: String = "system") async throws -> Report {
        var report = Report()
        for event in PolicyFixture.events {
            let commandId = Self.commandId(for: event)
            let request = AppendRequest(
                stream: try CaseStreams.policyStream(event.jurisdictionCode.rawValue), expectedVersion: .any, commandId: commandId,
                metadata: EventMetadata(actorId: actorId, actorRole: ActorRole.admin.rawValue, jurisdictionCode: event.jurisdictionCode.rawValue,
                                        reason: "policy fixture: \(event.document)", correlationId: commandId.uuidString.lowercased(), commandId: ""),
                events: [event.proposed(effectiveDate: event.effectiveFrom.firstDay)])
            let result = try await store.append(request)
            if result.replayed { report.alreadyPresent.append(event.jurisdictionCode.rawValue) } else { report.appended.append(event.jurisdictionCode.rawValue) }
        }
        return report
    }

    /// The fixture's loading identity: an RFC 9562 version-8 UUID over
    /// SHA-256("dibao-policy-fixture:" ‖ code ‖ ":" ‖ effective month).
    public static func commandId(for event: PolicyParametersSet) -> UUID {
        DerivedIdentifier.uuid("dibao-policy-fixture:\(event.jurisdictionCode.rawValue):\(event.effectiveFrom)")
    }
}
