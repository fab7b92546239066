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

    /// Lower-case text of a UUID, as hashed and as PostgreSQL prints it.
    static func text(_ id: UUID) -> String {
        let bytes = id.uuid
        let digits = Array("0123456789abcdef".utf8)
        var output = [UInt8]()
        output.reserveCapacity(36)
        withUnsafeBytes(of: bytes) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { output.append(UInt8(ascii: "-")) }
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
