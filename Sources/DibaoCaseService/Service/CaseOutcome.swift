import DibaoCasework
import DibaoEvents

/// What a command did: the events it appended (or had appended before, for a retry) and the
/// case's state afterwards.
public struct CaseOutcome: Sendable {
    public var caseId: String
    /// Types of the command's events, in order.
    public var eventTypes: [String]
    /// The stream version after the command's last event.
    public var version: Int64
    /// True when the same command had already been applied and nothing was written now.
    public var replayed: Bool
    public var state: CaseState
}

/// A case as read: its folded state, its version and what the rules need besides.
public struct CaseSnapshot: Sendable {
    public var caseId: String
    public var state: CaseState
    public var version: Int64
    /// The policy streams of the village's ancestry, folded.
    public var policy: PolicyBook
    /// Every event of the case, in version order.
    public var history: [CaseHistoryEntry]
}
