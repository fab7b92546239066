/// How long a caught-up reader waits before it reads again. Normally until the next wake-up or
/// the poll interval. But when committed events wait behind a transaction still open elsewhere
/// (the horizon), the wake-up that announced them is already spent: the reader then looks again
/// after 10 ms, 20 ms, 40 ms… up to a second (or the poll interval, if shorter), until it reads
/// something (docs/internals/reading.md#subscriptions).
public struct HeldBackRetry: Sendable, Equatable {
    public let pollInterval: Duration
    /// The shorter wait while events are held back; nil when none are.
    public private(set) var delay: Duration?

    public init(pollInterval: Duration) { self.pollInterval = pollInterval }

    /// The wait before the next read.
    public var timeout: Duration { delay ?? pollInterval }

    /// After a read that caught up: whether committed events still wait behind the horizon.
    public mutating func caughtUp(heldBack: Bool) {
        delay = heldBack ? Swift.min((delay ?? .milliseconds(5)) * 2, Swift.min(pollInterval, .seconds(1))) : nil
    }

    /// After a read that delivered events and did not catch up: no shorter wait.
    public mutating func reset() { delay = nil }
}
