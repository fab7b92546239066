import Crypto
import Foundation

/// Deterministic identities: a name's SHA-256 shaped as an RFC 9562 version-8 UUID, so every
/// command of the demo has the same id on every run and a re-run is replayed, not re-applied.
public enum DemoIdentity {
    public static func uuid(_ name: String) -> UUID {
        var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// The command id of one step of one household: `demo:<household key>:<step>`.
    public static func commandId(household key: String, step: String) -> UUID { uuid("demo:\(key):\(step)") }
}
