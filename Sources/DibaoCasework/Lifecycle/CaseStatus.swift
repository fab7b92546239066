/// Where a case stands in its lifecycle.
public enum CaseStatus: String, Sendable, Hashable {
    /// No event yet.
    case notOpened = "not_opened"
    /// 申请 submitted, not decided.
    case pending
    /// 不予批准 rejected.
    case rejected
    /// 在保 approved and paid.
    case active
    /// 渐退期 tapering.
    case tapering
    /// 暂停 suspended.
    case suspended
    /// 退出 exited.
    case exited
}

/// Progress of an objection raised against a public notice (公示异议).
public enum ObjectionStage: String, Sendable, Hashable {
    /// No objection open.
    case none
    /// Waiting for a re-investigation (a home visit after the objection).
    case awaitingReinvestigation = "awaiting_reinvestigation"
    /// Re-investigated; waiting for a new notice.
    case awaitingNewNotice = "awaiting_new_notice"
}
