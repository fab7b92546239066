import Crypto
import Foundation

/// Command ids derived from a name, so an operation run twice proposes the same commands and
/// the store answers the second run as a replay of the first: an RFC 9562 version-8 UUID over
/// the first 16 bytes of SHA-256(name).
public enum DerivedIdentifier {
    public static func uuid(_ name: String) -> UUID {
        uuid(utf8: Array(name.utf8))
    }

    /// The same from the name's UTF-8 bytes (the writer's hot path builds them without a String).
    public static func uuid(utf8 name: [UInt8]) -> UUID {
        var id: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        SHA256.hash(data: name).withUnsafeBytes { digest in
            withUnsafeMutableBytes(of: &id) { bytes in
                bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: digest.prefix(16)))
                bytes[6] = (bytes[6] & 0x0F) | 0x80
                bytes[8] = (bytes[8] & 0x3F) | 0x80
            }
        }
        return UUID(uuid: id)
    }
}
