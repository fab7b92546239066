import DibaoEvents
import Foundation

/// Deterministic event ids: `DerivedIdentifier` over "dibao-event:" ‖ command id ‖ ":" ‖ index,
/// so a retry of a command proposes byte-identical events.
enum EventIdentity {
    static func eventId(commandId: UUID, index: Int) -> UUID {
        DerivedIdentifier.uuid("dibao-event:\(commandId.uuidString.lowercased()):\(index)")
    }
}
