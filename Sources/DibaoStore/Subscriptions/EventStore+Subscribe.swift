import DibaoEvents

extension EventStore {
    /// Catches up from `checkpoint`, then follows the log live: yields batches of at most
    /// `batchSizeMax` events in (transaction id, position) order, waiting for a wake-up or
    /// `pollInterval` whenever it is caught up. Ends when the consuming task is cancelled.
    ///
    /// Pull-based: the next batch is read only when the consumer asks for it, so a slow consumer
    /// holds at most one batch in memory, however far behind it starts.
    public func subscribe(
        from checkpoint: GlobalCheckpoint, category: String? = nil, batchSizeMax: Int = 1_000, pollInterval: Duration = .milliseconds(500)
    ) -> EventSubscription {
        EventSubscription(store: self, checkpoint: checkpoint, category: category, batchSizeMax: batchSizeMax, pollInterval: pollInterval)
    }
}

/// The batches of a subscription (`EventStore.subscribe`), read on demand.
public struct EventSubscription: AsyncSequence, Sendable {
    public typealias Element = [RecordedEvent]

    let store: EventStore
    let checkpoint: GlobalCheckpoint
    let category: String?
    let batchSizeMax: Int
    let pollInterval: Duration

    public func makeAsyncIterator() -> Iterator {
        Iterator(subscription: self, position: SubscriptionPosition(checkpoint: checkpoint), retry: HeldBackRetry(pollInterval: pollInterval))
    }

    public struct Iterator: AsyncIteratorProtocol {
        let subscription: EventSubscription
        var position: SubscriptionPosition
        /// The wake-up count taken before a read that caught up: the next call waits for a later one.
        var waitSince: UInt64?
        /// How long that wait may last (`HeldBackRetry`).
        var retry: HeldBackRetry

        /// The next batch, never empty; nil once the consuming task is cancelled, also when the
        /// cancellation cuts a read short.
        public mutating func next() async throws -> [RecordedEvent]? {
            do {
                return try await nextBatch()
            } catch where Task.isCancelled {
                return nil
            }
        }

        private mutating func nextBatch() async throws -> [RecordedEvent]? {
            let (store, category) = (subscription.store, subscription.category)
            while !Task.isCancelled {
                if let since = waitSince {
                    await store.wakeUps.wait(timeout: retry.timeout, since: since)
                    if Task.isCancelled { break }
                }
                let generation = store.wakeUps.generation
                let page = try await store.readPage(after: position.checkpoint, category: category, limit: subscription.batchSizeMax)
                switch position.advance(by: page, batchSizeMax: subscription.batchSizeMax) {
                case .deliver(let events, let caughtUp):
                    waitSince = caughtUp ? generation : nil
                    if caughtUp {
                        // Best effort: the position has already passed these events, so a failed
                        // check must not lose them (the next call then waits a whole interval).
                        retry.caughtUp(heldBack: (try? await store.hasBacklog(after: position.checkpoint, category: category)) ?? false)
                    } else {
                        retry.reset()
                    }
                    return events
                case .wait:
                    waitSince = generation
                    retry.caughtUp(heldBack: try await store.hasBacklog(after: position.checkpoint, category: category))
                }
            }
            return nil
        }
    }
}

/// The catch-up/live decision as a plain state machine, without I/O: given a page, what to do.
public struct SubscriptionPosition: Sendable, Equatable {
    public private(set) var checkpoint: GlobalCheckpoint

    public enum Action: Sendable, Equatable {
        /// Hand these events on; `caughtUp` when the page was short (live mode: wait next).
        case deliver([RecordedEvent], caughtUp: Bool)
        /// Nothing new: wait for a wake-up or the poll interval.
        case wait
    }

    public init(checkpoint: GlobalCheckpoint) { self.checkpoint = checkpoint }

    /// Advances to the end of `page`, which must have been read after the checkpoint. A short
    /// page's end may lie past its last event (`GlobalPage`): the next read starts there.
    public mutating func advance(by page: GlobalPage, batchSizeMax: Int) -> Action {
        precondition(page.events.first.map { $0.checkpoint > checkpoint } ?? true, "a page must start after the checkpoint")
        precondition(page.end >= checkpoint, "a page must not end before the checkpoint")
        checkpoint = page.end
        guard !page.events.isEmpty else { return .wait }
        return .deliver(page.events, caughtUp: page.isShort(limit: batchSizeMax))
    }
}
