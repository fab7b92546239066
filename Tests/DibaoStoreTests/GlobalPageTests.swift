@testable import DibaoStore
import Testing

/// Where a page leaves its reader (`GlobalPage`), and what a subscription does with it, without I/O.
@Suite("A page of the global log ends at its last event, or at the horizon when it is short")
struct GlobalPageTests {
    static func event(_ transactionId: UInt64, _ position: Int64) -> RecordedEvent {
        RecordedEvent(globalPosition: position, transactionId: transactionId)
    }

    static let checkpoint = GlobalCheckpoint(transactionId: 100, position: 40)

    @Test("A full page ends at its last event: more may follow behind the horizon")
    func fullPage() {
        let page = GlobalPage(events: [Self.event(101, 41), Self.event(105, 44)], after: Self.checkpoint, limit: 2, horizon: 900)
        #expect(page.end == GlobalCheckpoint(transactionId: 105, position: 44))
        #expect(!page.isShort(limit: 2))
    }

    @Test("A short page ends at the horizon: every older transaction is over and was read")
    func shortPage() {
        let page = GlobalPage(events: [Self.event(101, 41)], after: Self.checkpoint, limit: 2, horizon: 900)
        #expect(page.end == GlobalCheckpoint(transactionId: 900, position: 0))
        #expect(page.isShort(limit: 2))
    }

    @Test("An empty page ends at the horizon, and never before its checkpoint")
    func emptyPage() {
        #expect(GlobalPage(events: [], after: Self.checkpoint, limit: 5, horizon: 900).end == GlobalCheckpoint(transactionId: 900, position: 0))
        // A horizon not past the checkpoint (nothing has ended since): the reader stays.
        #expect(GlobalPage(events: [], after: Self.checkpoint, limit: 5, horizon: 100).end == Self.checkpoint)
        #expect(GlobalPage(events: [], after: Self.checkpoint, limit: 5, horizon: 7).end == Self.checkpoint)
    }

    @Test("(horizon, 0) lies after every event of older transactions and before every event of the horizon's own")
    func horizonCheckpointOrder() {
        let end = GlobalCheckpoint(transactionId: 900, position: 0)
        #expect(Self.event(899, 9_999_999).checkpoint < end)
        #expect(end < Self.event(900, 1).checkpoint)
    }

    @Test("A subscription advances to a page's end, waits on an empty page, and is caught up after a short one")
    func subscriptionPosition() {
        var position = SubscriptionPosition(checkpoint: Self.checkpoint)
        let full = GlobalPage(events: [Self.event(101, 41), Self.event(102, 42)], after: Self.checkpoint, limit: 2, horizon: 900)
        #expect(position.advance(by: full, batchSizeMax: 2) == .deliver(full.events, caughtUp: false))
        #expect(position.checkpoint == GlobalCheckpoint(transactionId: 102, position: 42))
        let short = GlobalPage(events: [Self.event(103, 43)], after: position.checkpoint, limit: 2, horizon: 900)
        #expect(position.advance(by: short, batchSizeMax: 2) == .deliver(short.events, caughtUp: true))
        #expect(position.checkpoint == GlobalCheckpoint(transactionId: 900, position: 0))
        let empty = GlobalPage(events: [], after: position.checkpoint, limit: 2, horizon: 950)
        #expect(position.advance(by: empty, batchSizeMax: 2) == .wait)
        #expect(position.checkpoint == GlobalCheckpoint(transactionId: 950, position: 0))
    }
}
