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

@Suite("A caught-up reader looks again soon while events are held back, else waits for a wake-up")
struct HeldBackRetryTests {
    @Test("10 ms, doubling up to a second; back to the poll interval once nothing is held back or events arrive")
    func delays() {
        var retry = HeldBackRetry(pollInterval: .seconds(120))
        #expect(retry.timeout == .seconds(120))
        var seen: [Duration] = []
        for _ in 0..<9 { retry.caughtUp(heldBack: true); seen.append(retry.timeout) }
        #expect(seen == [10, 20, 40, 80, 160, 320, 640, 1_000, 1_000].map { Duration.milliseconds($0) })
        retry.caughtUp(heldBack: false)
        #expect(retry.timeout == .seconds(120))
        retry.caughtUp(heldBack: true)
        retry.reset()
        #expect(retry.timeout == .seconds(120))
    }

    @Test("Never longer than the poll interval")
    func shortPoll() {
        var retry = HeldBackRetry(pollInterval: .milliseconds(50))
        for _ in 0..<5 { retry.caughtUp(heldBack: true) }
        #expect(retry.timeout == .milliseconds(50))
    }
}
