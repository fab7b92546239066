import DibaoEvents
import Foundation

/// One command's events for one stream, appended atomically or not at all.
public struct AppendRequest: Sendable, Hashable {
    /// Most events one append may carry.
    public static let eventsMax = 1_000

    public var stream: StreamName
    public var expectedVersion: ExpectedVersion
    /// The idempotency key: a retry with the same id and content returns the first result.
    /// `metadata.commandId` always names it (set here, and kept so by both properties).
    public var commandId: UUID { didSet { metadata.commandId = Self.text(commandId) } }
    public var metadata: EventMetadata { didSet { metadata.commandId = Self.text(commandId) } }
    public var events: [ProposedEvent]

    private static func text(_ commandId: UUID) -> String { commandId.uuidString.lowercased() }

    /// `metadata.commandId` is set to `commandId`.
    public init(stream: StreamName, expectedVersion: ExpectedVersion, commandId: UUID, metadata: EventMetadata, events: [ProposedEvent]) {
        self.stream = stream
        self.expectedVersion = expectedVersion
        self.commandId = commandId
        var metadata = metadata
        metadata.commandId = Self.text(commandId)
        self.metadata = metadata
        self.events = events
    }

    /// The id of the `index`-th event: derived from the command id, so a retry of the command
    /// proposes byte-identical events (a UUID of version 8 over SHA-256).
    public func eventId(at index: Int) -> UUID {
        EventIdentity.eventId(commandId: commandId, index: index)
    }
}
