import DibaoEvents
import Foundation

/// Deterministic identities for the demo: every command has the same id on every run, so a
/// re-run is replayed, not re-applied (`DerivedIdentifier`: SHA-256 shaped as a version-8 UUID).
public enum DemoIdentity {
    public static func uuid(_ name: String) -> UUID { DerivedIdentifier.uuid(name) }

    /// The command id of one step of one household: `demo:<household key>:<step>`.
    public static func commandId(household key: String, step: String) -> UUID { uuid("demo:\(key):\(step)") }
}
