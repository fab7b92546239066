import DibaoEvents
import Synchronization

/// The last event of a stream as a writer sees it: its version and hash, which the next event
/// links to. A stream without events has version 0 and the genesis hash.
struct StreamHead: Sendable, Hashable {
    var version: Int64
    var hash: [UInt8]

    static let empty = StreamHead(version: 0, hash: HashChain.genesis)
}

/// Hashes of stream versions this process has written or read. An event never changes, so a
/// remembered (stream, version) → hash is true for ever: an append that expects exactly that
/// version links to it without reading the log first. A miss costs one indexed read; the
/// cache is bounded and simply starts over when full.
final class StreamHeads: Sendable {
    private let heads = Mutex<[String: StreamHead]>([:])
    let capacity: Int

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// The hash of `stream` at `version`, if this process has seen that very event.
    func hash(of stream: String, at version: Int64) -> [UInt8]? {
        heads.withLock { heads in
            guard let head = heads[stream], head.version == version else { return nil }
            return head.hash
        }
    }

    /// Drops what is remembered of `stream` (the database refused to link to it).
    func forget(_ stream: String) {
        _ = heads.withLock { $0.removeValue(forKey: stream) }
    }

    /// Remembers `head` unless a later version of the stream is already remembered.
    func remember(_ stream: String, _ head: StreamHead) {
        heads.withLock { heads in
            if let known = heads[stream], known.version >= head.version { return }
            if heads.count >= capacity { heads.removeAll(keepingCapacity: true) }
            heads[stream] = head
        }
    }
}
