import Foundation

/// Runs blocking work (spawning `initdb` or `pg_ctl`, waiting for a process) on a thread of its
/// own, so that it does not hold one of the few threads Swift concurrency shares among all the
/// suites running in parallel (two on a 2-core machine).
public func offPool<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
