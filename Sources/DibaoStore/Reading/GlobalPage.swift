/// One page of the global log and where its reader stands after it.
///
/// A full page ends at its last event. A short page (fewer events than asked for) ends at the
/// read's horizon: every transaction older than the oldest one still running when the read began
/// is finished, so a short page holds every event of the reader's category those transactions
/// wrote after the checkpoint, and none of them can ever add another. The reader may pass them
/// all, whatever category their other events belong to. Without that, a reader of a quiet
/// category would scan the same tail of other categories' events on every poll, and more of it
/// as the log grows (docs/internals/reading.md#reading-one-category).
public struct GlobalPage: Sendable {
    public var events: [RecordedEvent]
    /// Where the next read continues: the last event's checkpoint, or for a short page
    /// `(horizon, 0)`: past every transaction older than the horizon. Never before the checkpoint
    /// the page was read after.
    public var end: GlobalCheckpoint

    public init(events: [RecordedEvent], end: GlobalCheckpoint) {
        self.events = events
        self.end = end
    }

    /// The page read after `checkpoint` with at most `limit` events, behind `horizon` (the oldest
    /// transaction id still running when the read began).
    init(events: [RecordedEvent], after checkpoint: GlobalCheckpoint, limit: Int, horizon: UInt64) {
        let last = events.last?.checkpoint ?? checkpoint
        let end = events.count < limit ? max(last, GlobalCheckpoint(transactionId: horizon, position: 0)) : last
        self.init(events: events, end: max(end, checkpoint))
    }

    /// Fewer events than were asked for: the reader has caught up with the horizon.
    public func isShort(limit: Int) -> Bool { events.count < limit }
}
