import Crypto
import Foundation

/// Deterministic event ids: SHA-256("dibao-event:" ‖ command id ‖ ":" ‖ index), first 16 bytes,
/// stamped as an RFC 9562 version-8 UUID.
enum EventIdentity {
    static func eventId(commandId: UUID, index: Int) -> UUID {
        let digest = Array(SHA256.hash(data: Array("dibao-event:\(commandId.uuidString.lowercased()):\(index)".utf8)))
        var bytes = Array(digest.prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
