import Crypto
import Foundation

/// Command ids derived from a name, so an operation run twice proposes the same commands and
/// the store answers the second run as a replay of the first: an RFC 9562 version-8 UUID over
/// the first 16 bytes of SHA-256(name).
public enum DerivedIdentifier {
    public static func uuid(_ name: String) -> UUID {
        var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
