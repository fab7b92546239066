import Logging
import PostgresNIO
import Synchronization

/// Live wake-ups for subscribers. Appends do not NOTIFY inside their own transaction — in
/// PostgreSQL a notifying commit takes a database-wide lock and would serialise every writer —
/// so each process coalesces its appends into at most one `NOTIFY dibao_events` per interval,
/// and `run()` LISTENs on a leased connection to relay other processes' notifications.
/// Subscribers also poll, so a lost notification only delays them (docs/internals/reading.md).
public final class WakeUps: Sendable {
    public static let channel = "dibao_events"

    private let client: PostgresClient
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var appendedSinceNotify = false
        var generation: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
        var nextWaiter: UInt64 = 0
    }

    /// A suspended `wait`, and the timer that ends it at its timeout (cancelled when something
    /// else ends it first, so that no timer outlives its wait).
    private struct Waiter {
        var continuation: CheckedContinuation<Void, Never>
        var timer: Task<Void, Never>?

        func resume() {
            timer?.cancel()
            continuation.resume()
        }
    }

    init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Called after a successful append in this process: wakes local waiters at once, and marks
    /// that other processes should be notified.
    public func signalAppended() {
        state.withLock { $0.appendedSinceNotify = true }
        wakeAll()
    }

    /// Counts wake-ups. A reader takes it before reading and passes it to `wait`, so a wake-up
    /// that arrives between its read and its wait is not lost.
    public var generation: UInt64 { state.withLock { $0.generation } }

    /// Suspends until a wake-up later than `generation`, or until `timeout` passes, or until the
    /// calling task is cancelled, whichever is first; returns at once if one has already happened.
    /// The waiter is resumed exactly once: whoever removes it from the table under the lock (a
    /// wake-up, the timer or the cancellation) resumes it, and cancels its timer.
    public func wait(timeout: Duration, since generation: UInt64? = nil) async {
        let id = state.withLock { state -> UInt64 in state.nextWaiter += 1; return state.nextWaiter }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let alreadyWoken = state.withLock { state -> Bool in
                    if let generation, state.generation != generation { return true }
                    state.waiters[id] = Waiter(continuation: continuation)
                    return false
                }
                if alreadyWoken { continuation.resume(); return }
                // Cancelled before it was in the table, where the handler could not find it.
                if Task.isCancelled { resume(id); return }
                let timer = Task {
                    try? await Task.sleep(for: timeout)
                    self.resume(id)
                }
                let waiting = state.withLock { state -> Bool in
                    guard state.waiters[id] != nil else { return false }
                    state.waiters[id]?.timer = timer
                    return true
                }
                if !waiting { timer.cancel() }  // ended between the two locks
            }
        } onCancel: {
            resume(id)
        }
    }

    private func resume(_ id: UInt64) {
        state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
    }

    private func wakeAll() {
        let waiters = state.withLock { state -> [Waiter] in
            state.generation &+= 1
            let waiting = Array(state.waiters.values)
            state.waiters.removeAll()
            return waiting
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Sends coalesced NOTIFYs and relays received ones until cancelled.
    public func run(notifyInterval: Duration = .milliseconds(20)) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.notifyLoop(interval: notifyInterval) }
            group.addTask { await self.listenLoop() }
            await group.waitForAll()
        }
    }

    private func notifyLoop(interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let due = state.withLock { state -> Bool in
                defer { state.appendedSinceNotify = false }
                return state.appendedSinceNotify
            }
            guard due else { continue }
            do {
                try await client.query("SELECT pg_notify(\(Self.channel), '')", logger: logger)
            } catch {
                logger.debug("notify failed; subscribers fall back to polling", metadata: ["error": "\(error)"])
            }
        }
    }

    private func listenLoop() async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: Self.channel) { notifications in
                        for try await _ in notifications { self.wakeAll() }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                logger.debug("listen failed; retrying, subscribers poll meanwhile", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
