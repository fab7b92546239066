import DibaoEvents
import Foundation

/// Deterministic event ids: `DerivedIdentifier` over "dibao-event:" ‖ command id ‖ ":" ‖ index,
/// so a retry of a command proposes byte-identical events. PostgreSQL derives the same ids
/// with `dibao.event_id(command_id, index)` (migration 019).
enum EventIdentity {
    static func eventId(commandId: UUID, index: Int) -> UUID {
        DerivedIdentifier.uuid("dibao-event:\(text(commandId)):\(index)")
    }

    /// The ids of a command's first `count` events (the command id is formatted once).
    static func eventIds(commandId: UUID, count: Int) -> [UUID] {
        let prefix = "dibao-event:\(text(commandId)):"
        return (0..<count).map { DerivedIdentifier.uuid(prefix + String($0)) }
    }

    /// Lower-case text of a UUID, as hashed and as PostgreSQL prints it (formatted here, once
    /// per event, instead of through `uuidString.lowercased()`).
    static func text(_ id: UUID) -> String {
        let digits = HashChain.hex(withUnsafeBytes(of: id.uuid) { Array($0) }).utf8
        var output = [UInt8]()
        output.reserveCapacity(36)
        for (index, digit) in digits.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { output.append(UInt8(ascii: "-")) }
            output.append(digit)
        }
        return String(decoding: output, as: UTF8.self)
    }
}
