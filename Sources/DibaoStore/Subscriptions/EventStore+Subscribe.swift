import DibaoEvents

extension EventStore {
    /// Catches up from `checkpoint`, then follows the log live: yields batches of at most
    /// `batchSizeMax` events in (transaction id, position) order, waiting for a wake-up or
    /// `pollInterval` whenever it is caught up. Ends when the consuming task is cancelled.
    public func subscribe(
        from checkpoint: GlobalCheckpoint, category: String? = nil, batchSizeMax: Int = 1_000, pollInterval: Duration = .milliseconds(500)
    ) -> AsyncThrowingStream<[RecordedEvent], any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                var position = SubscriptionPosition(checkpoint: checkpoint)
                do {
                    while !Task.isCancelled {
                        let generation = wakeUps.generation
                        let batch = try await readAll(after: position.checkpoint, category: category, limit: batchSizeMax)
                        switch position.advance(by: batch, batchSizeMax: batchSizeMax) {
                        case .deliver(let events, let caughtUp):
                            continuation.yield(events)
                            if caughtUp { await wakeUps.wait(timeout: pollInterval, since: generation) }
                        case .wait:
                            await wakeUps.wait(timeout: pollInterval, since: generation)
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// The catch-up/live decision as a plain state machine, without I/O: given a batch, what to do.
public struct SubscriptionPosition: Sendable, Equatable {
    public private(set) var checkpoint: GlobalCheckpoint

    public enum Action: Sendable, Equatable {
        /// Hand these events on; `caughtUp` when the batch was short (live mode: wait next).
        case deliver([RecordedEvent], caughtUp: Bool)
        /// Nothing new: wait for a wake-up or the poll interval.
        case wait
    }

    public init(checkpoint: GlobalCheckpoint) { self.checkpoint = checkpoint }

    /// Advances past `batch`. A batch must continue strictly after the checkpoint.
    public mutating func advance(by batch: [RecordedEvent], batchSizeMax: Int) -> Action {
        guard let last = batch.last else { return .wait }
        precondition(batch.first!.checkpoint > checkpoint, "a batch must start after the checkpoint")
        checkpoint = last.checkpoint
        return .deliver(batch, caughtUp: batch.count < batchSizeMax)
    }
}
