/// A global reader's place in the log: the (transaction id, global position) of the last event
/// it has seen. Readers go forward in this order behind the snapshot horizon, so an event whose
/// transaction commits late is read late, never skipped (docs/internals/reading.md).
public struct GlobalCheckpoint: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var transactionId: UInt64
    public var position: Int64

    /// Before the first event.
    public static let start = GlobalCheckpoint(transactionId: 0, position: 0)

    public init(transactionId: UInt64, position: Int64) {
        self.transactionId = transactionId
        self.position = position
    }

    public static func < (lhs: GlobalCheckpoint, rhs: GlobalCheckpoint) -> Bool {
        (lhs.transactionId, lhs.position) < (rhs.transactionId, rhs.position)
    }

    public var description: String { "\(transactionId)/\(position)" }
}
