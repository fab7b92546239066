import DibaoEvents
import Foundation

/// Deterministic event ids: `DerivedIdentifier` over "dibao-event:" ‖ command id ‖ ":" ‖ index,
/// so a retry of a command proposes byte-identical events. PostgreSQL derives the same ids
/// with `dibao.event_id(command_id, index)` (migration 019).
enum EventIdentity {
    static func eventId(commandId: UUID, index: Int) -> UUID {
        var name = namePrefix(commandId)
        name.append(contentsOf: String(index).utf8)
        return DerivedIdentifier.uuid(utf8: name)
    }

    /// The ids of a command's first `count` events (the name's prefix is built once).
    static func eventIds(commandId: UUID, count: Int) -> [UUID] {
        var name = namePrefix(commandId)
        let prefixLength = name.count
        return (0..<count).map { index in
            name.removeSubrange(prefixLength...)
            name.append(contentsOf: String(index).utf8)
            return DerivedIdentifier.uuid(utf8: name)
        }
    }

    /// "dibao-event:" ‖ the command id's lower-case text ‖ ":", as UTF-8 bytes.
    private static func namePrefix(_ commandId: UUID) -> [UInt8] {
        var name = Array("dibao-event:".utf8)
        name.reserveCapacity(name.count + 36 + 1 + 5)
        UUIDText.write(commandId, into: &name)
        name.append(UInt8(ascii: ":"))
        return name
    }
}
